// What needs zod, loaded off the first download: reading the link (the request schema), the views that follow it, and checking a record before it is sent.
import { consentSchema, type ConsentRecord } from '../core/schemas.js';
import { countGraphemes } from '../core/text.js';
import type { CommonStrings } from '../i18n/common.js';
import type { ConsentFormState } from './consent-form.js';

export { resolveSource } from './source.js';
// Nothing but "loading" shows before the link is read, so the views that follow it arrive with the link check.
export { renderSignForm } from './consent-form.js';
export { problemText, renderNotice, renderProblem } from './consent-views.js';
export { buildNoticeWith, buildWithdrawalNoticeWith, noticeText } from './notice-template.js';
export { isoWithOffset } from './time.js';

const FIELD_OF: Record<string, string> = {
  'signer.name': 'name',
  'signer.title': 'title',
  'signer.email': 'email',
  'signature.typedName': 'typedName',
  constraints: 'constraints',
  declineReason: 'declineReason',
};

/** Validates a record with the shared schema; returns field key → message for what the signer can fix. */
export function recordErrors(record: ConsentRecord, form: ConsentFormState, strings: CommonStrings & { invalidEmail: string }): Record<string, string> {
  const result = consentSchema.safeParse(record);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = FIELD_OF[path] ?? 'form';
    if (errors[field]) continue;
    const max = /^too_long:(\d+)$/.exec(issue.message)?.[1];
    const value = String((form as unknown as Record<string, unknown>)[field] ?? '');
    errors[field] =
      issue.message === 'required' || (field !== 'form' && value.trim() === '')
        ? strings.required
        : max
          ? strings.tooLong(Number(max), countGraphemes(value))
          : field === 'email'
            ? strings.invalidEmail
            : issue.message;
  }
  return errors;
}

