// Draws the record from app.js the way the record details screen lays it out, loads the customization or the plug-in
// (?mode=customization | ?mode=plugin&plugin=<ID>), then fires app.record.detail.show as kintone does once drawn.
(async () => {
  const app = window.fakeKintoneApp;
  const query = new URLSearchParams(location.search);
  const el = (tag, className, text) => Object.assign(document.createElement(tag), { className, textContent: text ?? '' });

  const drawRow = (row) => {
    const line = el('div', 'fk-row');
    for (const field of row.fields ?? []) {
      if (field.type === 'SPACER') {
        const space = el('div', 'fk-space');
        space.dataset.fkSpace = field.elementId;
        line.append(space);
      } else if (field.code) {
        const f = app.fields[field.code];
        const box = el('div', `fk-field fk-${f.type.toLowerCase()}`);
        box.dataset.fkField = field.code;
        const value = Array.isArray(f.value) ? f.value.map((v) => v.name ?? v).join(', ') : f.value;
        box.append(el('div', 'fk-label', f.label), el('div', 'fk-value', value));
        line.append(box);
      }
    }
    return line;
  };
  const record = document.getElementById('fk-record');
  record.append(el('h1', 'fk-title', `${app.fields['会社名'].value} / ${app.fields['商談ID'].value}`));
  for (const row of app.layout) {
    if (row.type === 'GROUP') {
      const group = el('section', 'fk-group');
      group.append(el('h2', 'fk-group-title', row.code), ...row.layout.map(drawRow));
      record.append(group);
    } else record.append(drawRow(row));
  }

  const mode = query.get('mode');
  if (mode === 'customization') {
    // The app's JavaScript customization: the settings file and the customization file, in upload order.
    await window.fakeKintoneLoad(['/hosts/kintone/koe-kintone-config.js', '/uploads/kintone/koe-kintone.js']);
  } else if (mode === 'plugin') {
    const manifest = await (await fetch('/kintone-plugin/manifest.json')).json();
    await window.fakeKintoneLoad(manifest.desktop.js.map((file) => `/kintone-plugin/${file}`), query.get('plugin'));
  }
  window.fakeKintoneShowRecord();
  document.body.dataset.shown = 'true';
})();
