// The kintone plug-in's desktop script: the same mounting as the customization, configured on the plug-in's settings screen.
// kintone.plugin.app.getConfig: /ja/kintone/docs/js-api/plugins/get-config/ ; kintone.$PLUGIN_ID is read while the script
// loads, as the plug-in development guide asks (several plug-ins may be on one app).
import { fromPluginConfig } from './config.js';
import { mountOnRecord, type RecordDetailEvent } from './mount.js';

const pluginId = kintone.$PLUGIN_ID;

kintone.events.on('app.record.detail.show', (event: RecordDetailEvent) => {
  mountOnRecord(fromPluginConfig(kintone.plugin.app.getConfig(pluginId)), event);
  return event;
});
