// The kintone plug-in's record screen script, shipped as both js/desktop.js and js/mobile.js (manifest.json): the same
// mounting as the customization, configured on the plug-in's settings screen. kintone.plugin.app.getConfig works on PC
// and mobile (/ja/kintone/docs/js-api/plugins/get-config/); kintone.$PLUGIN_ID is read while the script loads, as the
// plug-in development guide asks (several plug-ins may be on one app).
import { fromPluginConfig } from './config.js';
import { mountOnRecordScreens } from './mount.js';

const pluginId = kintone.$PLUGIN_ID;

mountOnRecordScreens(() => fromPluginConfig(kintone.plugin.app.getConfig(pluginId)));
