// The one rule for a consent request's id, in a module of its own: the wire schemas, consent's link rules and the
// receiver read it, and <koe-intake>'s first render (which carries core/text.ts) does not.

/** A consent request's id (chosen by its issuer): any text without control characters, which no id means to hold. */
export const RECORD_ID = /^[^\u0000-\u001f\u007f]+$/;

/** Whether `text` can be a consent request's id: RECORD_ID, and at most 128 characters as the wire schema counts them (code points). */
export function isRecordId(text: string): boolean {
  return RECORD_ID.test(text) && [...text].length <= 128;
}
