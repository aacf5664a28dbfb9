// What kintone does on a plug-in's settings screen: inserts config.html, links config.css, runs config.js with the ID.
(async () => {
  const pluginId = new URLSearchParams(location.search).get('plugin');
  const manifest = await (await fetch('/kintone-plugin/manifest.json')).json();
  const html = await (await fetch(`/kintone-plugin/${manifest.config.html}`)).text();
  document.getElementById('fk-plugin-settings').append(document.createRange().createContextualFragment(html));
  for (const css of manifest.config.css) document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `/kintone-plugin/${css}` }));
  await window.fakeKintoneLoad(manifest.config.js.map((file) => `/kintone-plugin/${file}`), pluginId);
  document.body.dataset.shown = 'true';
})();
