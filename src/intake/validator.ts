// Prepares a submission and validates it: the zod validator loads off the critical path; if it cannot (e.g. offline), the same user-facing rules by hand.
import type { IntakeSubmission } from '../core/schemas.js';
import { TEXT_LIMITS, countGraphemes } from '../core/text.js';
import type { CommonStrings } from '../i18n/common.js';
import type { IntakeStrings } from '../i18n/intake.js';
import { buildPayload, type FieldErrors, type IntakeFormValue, type IntakePrefill } from './payload.js';
import type { OutboxItem } from '../core/outbox.js';
import type { KoeContext } from '../core/config.js';
import type { Locale } from '../i18n/locale.js';
import { newId } from '../core/ids.js';
import { outboxView } from './chunks.js';

export type Validator = (payload: IntakeSubmission, common: CommonStrings, strings: IntakeStrings) => FieldErrors;

let loaded: Validator | undefined;
let loading: Promise<Validator> | undefined;

/** The schema-backed validator if it has arrived, so a submit does not wait a tick when it need not (koe-submit fires in the same task as the key press). */
export function loadedValidator(): Validator | undefined {
  return loaded;
}

/** Starts (once) loading the schema-backed validator; resolves to the fallback if the chunk cannot be fetched. */
export function loadValidator(): Promise<Validator> {
  loading ??= import('./validate.js').then(
    (m) => (loaded = m.validatePayload),
    () => {
      loading = undefined; // try again next time; the server validates with the same schema anyway
      return basicValidate;
    },
  );
  return loading;
}

/** What a person can get wrong in this form: words required and within the limit, a tag, names within limits. */
export const basicValidate: Validator = (payload, common, strings) => {
  const errors: FieldErrors = {};
  const words = countGraphemes(payload.voice.text);
  if (!payload.voice.text.trim()) errors.text = common.required;
  else if (words > TEXT_LIMITS.voice) errors.text = common.tooLong(TEXT_LIMITS.voice, words);
  if (payload.tags.length === 0) errors.tags = strings.tagsRequired;
  const names = { contactName: payload.customer.contactName, contactTitle: payload.customer.contactTitle, companyName: payload.customer.companyName, reporterName: payload.reporter.name };
  for (const [field, value] of Object.entries(names) as Array<[keyof FieldErrors, string | undefined]>) {
    const n = value ? countGraphemes(value) : 0;
    if (n > TEXT_LIMITS.name) errors[field] = common.tooLong(TEXT_LIMITS.name, n);
  }
  return errors;
};

/** The payload to send and what is wrong with it; an edit keeps the refused submission's id, time and context. */
export function prepare(
  o: { editing?: OutboxItem; locale: Locale; form: IntakeFormValue; context: KoeContext; prefill?: IntakePrefill },
  validate: Validator,
  common: CommonStrings,
  strings: IntakeStrings,
): { payload: IntakeSubmission; errors: FieldErrors } {
  const fresh = buildPayload({ ...o, id: o.editing?.id ?? newId() });
  // Editing happens only in the outbox view, so the view is here.
  const payload = o.editing ? outboxView.get()!.mergeResend(o.editing.payload as IntakeSubmission, fresh) : fresh;
  return { payload, errors: validate(payload, common, strings) };
}
