// Draws the record from app.js into `container` the way the record details screen lays it out: the form's rows on PC;
// on mobile one field under another, as kintone's mobile view shows them. Spaces carry data-fk-space, fields data-fk-field.
window.fakeKintoneDrawRecord = (container) => {
  const app = window.fakeKintoneApp;
  const mobile = document.body.dataset.screen === 'mobile-record';
  const el = (tag, className, text) => Object.assign(document.createElement(tag), { className, textContent: text ?? '' });

  const drawField = (field) => {
    if (field.type === 'SPACER') {
      const space = el('div', 'fk-space');
      space.dataset.fkSpace = field.elementId;
      return space;
    }
    const f = app.fields[field.code];
    const box = el('div', `fk-field fk-${f.type.toLowerCase()}`);
    box.dataset.fkField = field.code;
    const value = Array.isArray(f.value) ? f.value.map((v) => v.name ?? v).join(', ') : f.value;
    box.append(el('div', 'fk-label', f.label), el('div', 'fk-value', value));
    return box;
  };
  const drawRow = (row) => {
    const fields = (row.fields ?? []).filter((field) => field.type === 'SPACER' || field.code);
    const lines = mobile ? fields.map((field) => [field]) : [fields];
    return lines.map((line) => {
      const div = el('div', 'fk-row');
      div.append(...line.map(drawField));
      return div;
    });
  };
  container.append(el('h1', 'fk-title', `${app.fields['会社名'].value} / ${app.fields['商談ID'].value}`));
  for (const row of app.layout) {
    if (row.type === 'GROUP') {
      const group = el('section', 'fk-group');
      group.append(el('h2', 'fk-group-title', row.code), ...row.layout.flatMap(drawRow));
      container.append(group);
    } else container.append(...drawRow(row));
  }
};
