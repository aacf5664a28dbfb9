// Koe on kintone's record details screen, on PC and on mobile (the kintone mobile app and smartphone browsers):
// <koe-intake> in a Space field, filled with the record's context, and the text of a chosen field (an email or chat body)
// collectable with <koe-snippet>. Shared by the customization and the plug-in.
//
// The kintone JavaScript API it uses, as documented on cybozu.dev (kintone JavaScript API); each page documents the PC and
// the mobile form together:
//   kintone.events.on(types, handler)                      /ja/kintone/docs/js-api/events/event-handling/
//   app.record.detail.show, mobile.app.record.detail.show  /ja/kintone/docs/js-api/events/detail/detail-show-event/
//   kintone.app.record.getSpaceElement(id)                 /ja/kintone/docs/js-api/record/get-space-element/
//   kintone.mobile.app.record.getSpaceElement(id)            (same page)
//   kintone.app.record.getFieldElement(fieldCode)          /ja/kintone/docs/js-api/record/get-record-field-element/
//   kintone.mobile.app.record.getFieldElement(fieldCode)     (same page)
//   kintone.getLoginUser() (PC/mobile)                     /ja/kintone/docs/js-api/kintone/get-login-user/
import type { KoeContextInput } from '../../../src/core/config.js';
import { elementLocale, MAPPED_FIELDS, type KoeKintoneConfig } from './config.js';

/** A field of `event.record`: `{ type, value }`, the value a string, a list of strings, or a list of `{ code, name }`. */
type RecordField = { type?: string; value?: unknown };

/** The event object of app.record.detail.show / mobile.app.record.detail.show (the properties Koe reads). */
export interface RecordDetailEvent {
  type: string;
  appId: number;
  recordId: number;
  record: Record<string, RecordField | undefined>;
}

const SNIPPET_MARK = 'data-koe-snippet-field';

/** A field's value as one line of text: text and number fields as they are, lists joined, users and groups by name. */
export function fieldText(field: RecordField | undefined): string | undefined {
  const value = field?.value;
  const parts = Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v : (v as { name?: unknown } | null)?.name)) : [value];
  const text = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(', ');
  return text || undefined;
}

/** The CRM context of the record on screen: the mapped fields, the login user as reporter, and the app and record IDs. */
export function recordContext(config: KoeKintoneConfig, event: RecordDetailEvent, user: Pick<kintone.LoginUser, 'code' | 'name'>): KoeContextInput {
  const context: KoeContextInput = {
    reporterId: user.code,
    reporterName: user.name,
    // Custom fields (sent under `custom`): where in kintone the voice was filed.
    kintoneAppId: String(event.appId),
    kintoneRecordId: String(event.recordId),
  };
  for (const field of MAPPED_FIELDS) {
    const code = config.fields?.[field];
    const text = code ? fieldText(event.record[code]) : undefined;
    if (text) context[field] = text;
  }
  return context;
}

/** What Koe needs of a record details screen: the same two functions, under kintone.app.record on PC and kintone.mobile.app.record on mobile. */
export type RecordScreenApi = Pick<typeof kintone.app.record, 'getSpaceElement' | 'getFieldElement'>;

/** The record details screens, by the event kintone fires once each is drawn, and each screen's API (read when it fires). */
export const RECORD_SCREENS = {
  'app.record.detail.show': () => kintone.app.record,
  'mobile.app.record.detail.show': () => kintone.mobile.app.record,
} satisfies Record<string, () => RecordScreenApi>;

/** Mounts Koe on every record shown, on PC and on mobile; `readConfig` is called each time (undefined: not configured). */
export function mountOnRecordScreens(readConfig: () => KoeKintoneConfig | undefined): void {
  kintone.events.on(Object.keys(RECORD_SCREENS), (event: RecordDetailEvent) => {
    // Nothing of ours may throw into kintone's handler chain (the settings or the screen's API could be missing).
    try {
      const config = readConfig();
      if (config) mountOnRecord(config, event, RECORD_SCREENS[event.type as keyof typeof RECORD_SCREENS]());
    } catch (error) {
      console.error('Koe could not be shown on this record:', error);
    }
    return event;
  });
}

/** Mounts Koe for the record on `screen` (again after every navigation: kintone draws the screen anew). Never throws. */
export function mountOnRecord(config: KoeKintoneConfig, event: RecordDetailEvent, screen: RecordScreenApi): void {
  try {
    const user = kintone.getLoginUser();
    const space = screen.getSpaceElement(config.spaceId);
    if (!space) {
      console.error(`Koe: this form has no Space field with the element ID "${config.spaceId}". Add one in the app's form settings and give it that element ID.`);
      return;
    }
    const settings = { endpoint: config.endpoint, locale: elementLocale(config.locale, user.language), context: recordContext(config, event, user) };
    const intake = Object.assign(document.createElement('koe-intake'), settings);
    space.replaceChildren(intake);
    const snippetTarget = config.snippetField ? screen.getFieldElement(config.snippetField) : null;
    if (config.snippetField && !snippetTarget) {
      console.error(`Koe: the field "${config.snippetField}" is not on this screen (or not visible to you), so its text cannot be saved by selecting it.`);
    }
    if (!snippetTarget) return;
    // <koe-snippet for> covers the field without moving kintone's own elements (cybozu.dev warns against changing them).
    snippetTarget.setAttribute(SNIPPET_MARK, '');
    const snippet = Object.assign(document.createElement('koe-snippet'), settings, { for: `[${SNIPPET_MARK}]` });
    space.append(snippet);
  } catch (error) {
    console.error('Koe could not be shown on this record:', error);
  }
}
