// Draws the record (draw-record.js) on the PC or the mobile record details screen (body[data-screen]), loads the
// customization or the plug-in (?mode=customization | ?mode=plugin&plugin=<ID>) as kintone loads them on that screen,
// then fires the screen's show event as kintone does once it is drawn.
(async () => {
  const query = new URLSearchParams(location.search);
  const mobile = document.body.dataset.screen === 'mobile-record';
  window.fakeKintoneDrawRecord(document.getElementById('fk-record'));

  const mode = query.get('mode');
  if (mode === 'customization') {
    // The app's JavaScript customization: the settings file and the customization file, in upload order (the same two
    // files in the PC and the mobile slot).
    await window.fakeKintoneLoad(['/hosts/kintone/koe-kintone-config.js', '/uploads/kintone/koe-kintone.js']);
  } else if (mode === 'plugin') {
    // The plug-in's files for this screen, as its manifest lists them: `desktop` on PC, `mobile` on mobile.
    const manifest = await (await fetch('/kintone-plugin/manifest.json')).json();
    const scripts = (mobile ? manifest.mobile : manifest.desktop)?.js ?? [];
    await window.fakeKintoneLoad(scripts.map((file) => `/kintone-plugin/${file}`), query.get('plugin'));
  }
  window.fakeKintoneShowRecord();
  document.body.dataset.shown = 'true';
})();
