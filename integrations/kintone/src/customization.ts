// The kintone customization (dist/kintone/koe-kintone.js, with <koe-intake> and <koe-snippet> built in). Configure it in
// a file uploaded with it: `window.koeKintone = { endpoint, spaceId, fields, snippetField, locale }` (see the README).
// One file for both of the app's customization slots, PC and mobile: it listens for the record details screen of either.
import type { KoeKintoneConfig } from './config.js';
import { mountOnRecordScreens } from './mount.js';

declare global {
  interface Window {
    /** The customization's settings; read each time a record is shown, so the files may load in either order. */
    koeKintone?: KoeKintoneConfig;
  }
}

mountOnRecordScreens(() => {
  if (!window.koeKintone) {
    console.error('Koe: window.koeKintone is not set. Upload a file that sets it, e.g. window.koeKintone = { endpoint: "https://…/api/intake", spaceId: "koe" }.');
  }
  return window.koeKintone;
});
