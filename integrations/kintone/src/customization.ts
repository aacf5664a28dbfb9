// The kintone customization (dist/kintone/koe-kintone.js, with <koe-intake> and <koe-snippet> built in). Configure it in
// a file uploaded with it: `window.koeKintone = { endpoint, spaceId, fields, snippetField, locale }` (see the README).
import type { KoeKintoneConfig } from './config.js';
import { mountOnRecord, type RecordDetailEvent } from './mount.js';

declare global {
  interface Window {
    /** The customization's settings; read each time a record is shown, so the files may load in either order. */
    koeKintone?: KoeKintoneConfig;
  }
}

kintone.events.on('app.record.detail.show', (event: RecordDetailEvent) => {
  const config = window.koeKintone;
  if (config) mountOnRecord(config, event);
  else console.error('Koe: window.koeKintone is not set. Upload a file that sets it, e.g. window.koeKintone = { endpoint: "https://…/api/intake", spaceId: "koe" }.');
  return event;
});
