// A kintone-shaped test page: exactly the kintone JavaScript API that Koe's customization and plug-in call, each as its
// cybozu.dev page documents it. It stands in for kintone, which cannot run here; nothing else of kintone is imitated.
(() => {
  const app = window.fakeKintoneApp;
  const handlers = new Map();
  // The screen on show: 'record' (PC record details), 'mobile-record' (mobile record details) or 'settings' (plug-in settings).
  const screen = () => document.body.dataset.screen;
  // /ja/kintone/docs/js-api/record/get-space-element/ : the Space field's element; null when no Space has that element ID,
  // or on a screen where the function is not available (the PC one on mobile screens and the other way round).
  const getSpaceElement = (on) => (id) => (screen() === on ? document.querySelector(`[data-fk-space="${CSS.escape(id)}"]`) : null);
  // /ja/kintone/docs/js-api/record/get-record-field-element/ : the field's value element; null when not on that screen.
  const getFieldElement = (on) => (code) => (screen() === on ? document.querySelector(`[data-fk-field="${CSS.escape(code)}"] .fk-value`) : null);
  const configKey = (pluginId) => `fake-kintone:plugin-config:${app.id}:${pluginId}`;

  const api = (pathOrUrl, method, params, successCallback, failureCallback) => {
    // /ja/kintone/docs/js-api/api/kintone-rest-api-request/ : a Promise unless callbacks are given.
    const path = new URL(pathOrUrl, location.origin).pathname.replace(/(\.json)?$/, '.json');
    const answer = (() => {
      if (method !== 'GET' || String(params?.app) !== String(app.id)) return undefined;
      // /ja/kintone/docs/rest-api/apps/form/get-form-fields/ : { properties: { code: { type, code, label, … } }, revision }
      if (path === '/k/v1/preview/app/form/fields.json') {
        const properties = Object.fromEntries(Object.entries(app.fields).map(([code, f]) => [code, { type: f.type, code, label: f.label, noLabel: false }]));
        return { properties, revision: '3' };
      }
      // /ja/kintone/docs/rest-api/apps/form/get-form-layout/ : { layout: [ROW | GROUP | SUBTABLE …], revision }
      if (path === '/k/v1/preview/app/form/layout.json') return { layout: structuredClone(app.layout), revision: '3' };
      return undefined;
    })();
    const error = { code: 'GAIA_IL23', id: 'fake', message: `${method} ${path} is not available on this test page.` };
    const result = answer ? Promise.resolve(answer) : Promise.reject(error);
    if (!successCallback) return result;
    result.then(successCallback, failureCallback);
    return undefined;
  };
  // /ja/kintone/docs/js-api/api/get-url/ : the API's URL on this domain (".json" added when missing).
  api.url = (path, _detectGuestSpace) => `${location.origin}${path.replace(/(\.json)?$/, '.json')}`;

  window.kintone = {
    $PLUGIN_ID: undefined, // set by kintone before each plug-in script runs
    events: {
      // /ja/kintone/docs/js-api/events/event-handling/ : on(type | type[], handler)
      on(type, handler) {
        for (const t of [].concat(type)) handlers.set(t, [...(handlers.get(t) ?? []), handler]);
      },
    },
    api,
    // /ja/kintone/docs/js-api/kintone/get-login-user/
    getLoginUser: () => ({ ...app.user }),
    app: {
      // /ja/kintone/docs/js-api/app/get-app-id/
      getId: () => app.id,
      record: { getSpaceElement: getSpaceElement('record'), getFieldElement: getFieldElement('record') },
    },
    // The mobile screens' API (kintone.mobile.app.record.*), documented on the same pages as the PC one.
    mobile: {
      app: {
        record: { getSpaceElement: getSpaceElement('mobile-record'), getFieldElement: getFieldElement('mobile-record') },
      },
    },
    plugin: {
      app: {
        // /ja/kintone/docs/js-api/plugins/get-config/ : the saved key/value pairs (strings)
        getConfig: (pluginId) => JSON.parse(localStorage.getItem(configKey(pluginId)) ?? '{}'),
        // /ja/kintone/docs/js-api/plugins/set-config/ : string values only; without a callback kintone returns to the plug-in list
        setConfig(config, successCallback) {
          if (screen() !== 'settings') throw new Error('setConfig is available on the plug-in settings screen only');
          for (const [key, value] of Object.entries(config)) {
            if (typeof value !== 'string') throw new Error(`setConfig: the value of "${key}" is not a string`);
          }
          localStorage.setItem(configKey(window.kintone.$PLUGIN_ID), JSON.stringify(config));
          if (successCallback) setTimeout(successCallback);
          else location.href = '/hosts/kintone/plugins.html?saved=1';
        },
      },
    },
  };

  /**
   * What kintone does on the record details screen once it is drawn: app.record.detail.show on PC,
   * mobile.app.record.detail.show on mobile (/ja/kintone/docs/js-api/events/detail/detail-show-event/), to every handler.
   */
  window.fakeKintoneShowRecord = () => {
    const type = { record: 'app.record.detail.show', 'mobile-record': 'mobile.app.record.detail.show' }[screen()];
    const record = Object.fromEntries(Object.entries(app.fields).map(([code, f]) => [code, { type: f.type, value: structuredClone(f.value) }]));
    for (const handler of handlers.get(type) ?? []) handler({ type, appId: app.id, recordId: app.recordId, record });
  };
})();
