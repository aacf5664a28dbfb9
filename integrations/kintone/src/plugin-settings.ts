// The plug-in settings screen (html/config.html + js/config.js): endpoint, Space, field mapping, snippet field, language.
// The kintone JavaScript API it uses, as documented on cybozu.dev:
//   kintone.plugin.app.getConfig(pluginId)  /ja/kintone/docs/js-api/plugins/get-config/
//   kintone.plugin.app.setConfig(config)    /ja/kintone/docs/js-api/plugins/set-config/ (no callback: kintone goes back
//                                           to the plug-in list and says the settings were saved)
//   kintone.getLoginUser().language         /ja/kintone/docs/js-api/kintone/get-login-user/
//   kintone.app.getId(), kintone.api(), kintone.api.url()  (form-info.ts)
import { fromPluginConfig, toPluginConfig } from './config.js';
import { loadFormChoices } from './form-info.js';
import { renderSettings } from './settings-form.js';
import { settingsStrings } from './settings-strings.js';

const pluginId = kintone.$PLUGIN_ID;

async function start(): Promise<void> {
  const root = document.getElementById('koe-settings');
  if (!root) return;
  const language = kintone.getLoginUser().language;
  const saved = fromPluginConfig(kintone.plugin.app.getConfig(pluginId));
  // Without the form's fields the screen still shows (and keeps) what was saved, and says why the lists are empty.
  const choices = await loadFormChoices().catch((error: unknown) => {
    console.error('Koe: the form fields could not be read', error);
    return undefined;
  });
  renderSettings(root, settingsStrings(language), language === 'ja' ? 'ja' : 'en', saved, choices, {
    save: (config) => kintone.plugin.app.setConfig(toPluginConfig(config)),
    cancel: () => history.back(),
  });
}

void start();
