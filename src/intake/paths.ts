// Maps a payload path (from zod or the receiver's 422) back to a form field; used only by the lazy validator and outbox view.
import type { FieldName } from './payload.js';

const FIELD_BY_PATH: Record<string, FieldName> = {
  'voice.text': 'text',
  tags: 'tags',
  'customer.contactName': 'contactName',
  'customer.contactTitle': 'contactTitle',
  'customer.companyName': 'companyName',
  'reporter.name': 'reporterName',
};

/** The form field a payload path belongs to; anything from the context is reported on the context line. */
export function fieldForPath(path: string): FieldName {
  return FIELD_BY_PATH[path] ?? (path.startsWith('tags') ? 'tags' : 'context');
}
