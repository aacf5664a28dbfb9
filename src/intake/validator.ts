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
import { outboxView } from './chunks.js';

/** Field errors in the user's language (empty when valid): the rules of `intakeSchema` for everything the form and context can put in. */
export function validate(p: IntakeSubmission, common: CommonStrings, strings: IntakeStrings): FieldErrors {
  const errors: FieldErrors = {};
  const { voice, customer: c, reporter: r, deal: d } = p;
  const check = (field: FieldName, value: string | undefined, max: number, n = value ? countGraphemes(value) : 0) => {
    if (n > max) errors[field] ??= common.tooLong(max, n);
  };
  if (!voice.text.trim()) errors.text = common.required;
  check('text', voice.text, TEXT_LIMITS.voice);
  if (!p.tags.length || p.tags.length > 20) errors.tags = strings.tagsRequired;
  check('contactName', c.contactName, TEXT_LIMITS.name);
  check('contactTitle', c.contactTitle, TEXT_LIMITS.name);
  check('companyName', c.companyName, TEXT_LIMITS.name);
  check('reporterName', r.name, TEXT_LIMITS.name);
  // The CRM context comes from the host page; a value over the limit is reported on the context line.
  for (const v of [c.companyId, d.id, r.id]) check('context', v, TEXT_LIMITS.id);
  for (const v of [d.stage, p.leadSource]) check('context', v, TEXT_LIMITS.name);
  // The schema limits custom strings in UTF-16 units.
  for (const v of Object.values(p.custom)) if (typeof v === 'string') check('context', v, TEXT_LIMITS.custom, v.length);
  return errors;
}

/** The payload to send and what is wrong with it; an edit keeps the refused submission's id, time and context. */
export function prepare(
  o: { editing?: OutboxItem; locale: Locale; form: IntakeFormValue; context: KoeContext; prefill?: IntakePrefill },
  common: CommonStrings,
  strings: IntakeStrings,
): { payload: IntakeSubmission; errors: FieldErrors } {
  const fresh = buildPayload({ ...o, id: o.editing?.id ?? newId() });
  // Editing happens only in the outbox view, so the view is here.
  const payload = o.editing ? outboxView.get()!.mergeResend(o.editing.payload as IntakeSubmission, fresh) : fresh;
  return { payload, errors: validate(payload, common, strings) };
}
