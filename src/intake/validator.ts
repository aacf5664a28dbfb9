// Prepares a submission and validates it by hand with the wire schema's rules (the receiver checks the same schema; tests keep the two in step).
import type { IntakeSubmission } from '../core/schemas.js';
import { TEXT_LIMITS, countGraphemes } from '../core/text.js';
import type { CommonStrings } from '../i18n/common.js';
import type { IntakeStrings } from '../i18n/intake.js';
import { buildPayload, type FieldErrors, type FieldName, type IntakeFormValue, type IntakePrefill } from './payload.js';
import type { OutboxItem } from '../core/outbox.js';
import type { KoeContext } from '../core/config.js';
import type { Locale } from '../i18n/locale.js';
import { newId } from '../core/ids.js';
import { outboxView } from './outbox-view-loader.js';

/** Field errors in the user's language (empty when valid): the rules of `intakeSchema` for everything the form and context can put in. */
export function validate(payload: IntakeSubmission, common: CommonStrings, strings: IntakeStrings): FieldErrors {
  const errors: FieldErrors = {};
  const { voice, customer, reporter, deal } = payload;
  /** Reports `length` over `max` on `field` (the first problem of a field wins). */
  const checkLength = (field: FieldName, length: number, max: number) => {
    if (length > max) errors[field] ??= common.tooLong(max, length);
  };
  /** Lengths as a person counts them (graphemes), as the schema does for text. */
  const checkText = (field: FieldName, value: string | undefined, max: number) => checkLength(field, value ? countGraphemes(value) : 0, max);

  if (!voice.text.trim()) errors.text = common.required;
  checkText('text', voice.text, TEXT_LIMITS.voice);
  if (!payload.tags.length || payload.tags.length > 20) errors.tags = strings.tagsRequired;
  checkText('contactName', customer.contactName, TEXT_LIMITS.name);
  checkText('contactTitle', customer.contactTitle, TEXT_LIMITS.name);
  checkText('companyName', customer.companyName, TEXT_LIMITS.name);
  checkText('reporterName', reporter.name, TEXT_LIMITS.name);
  // The CRM context comes from the host page; a value over the limit is reported on the context line.
  for (const id of [customer.companyId, deal.id, reporter.id]) checkText('context', id, TEXT_LIMITS.id);
  for (const name of [deal.stage, payload.leadSource]) checkText('context', name, TEXT_LIMITS.name);
  // The schema limits custom strings with zod's maxLength, which counts code points (not graphemes, not UTF-16 units).
  for (const value of Object.values(payload.custom)) {
    if (typeof value === 'string') checkLength('context', [...value].length, TEXT_LIMITS.custom);
  }
  return errors;
}

/** The status line for a form with `errors`: "fill in the text" when that is all that is missing, else how many fields to check. */
export function invalidMessage(errors: FieldErrors, text: string, common: CommonStrings, strings: IntakeStrings): string {
  const count = Object.keys(errors).length;
  return count === 1 && errors.text !== undefined && text.trim() === '' ? strings.empty : common.fixFields(count);
}

/** What a submission is made from: the form, the CRM context and, for an edit, the refused item. */
export interface SubmissionInput {
  editing?: OutboxItem;
  locale: Locale;
  form: IntakeFormValue;
  context: KoeContext;
  prefill?: IntakePrefill;
}

/** The payload to send and what is wrong with it; an edit keeps the refused submission's id, time and context. */
export function prepare(input: SubmissionInput, common: CommonStrings, strings: IntakeStrings): { payload: IntakeSubmission; errors: FieldErrors } {
  const fresh = buildPayload({ ...input, id: input.editing?.id ?? newId() });
  // Editing happens only in the outbox view, so the view is here.
  const payload = input.editing ? outboxView.get()!.mergeResend(input.editing.payload as IntakeSubmission, fresh) : fresh;
  return { payload, errors: validate(payload, common, strings) };
}
