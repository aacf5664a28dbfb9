// Client-side validation with the shared zod schema; loaded lazily so zod stays out of the first download.
import { intakeSchema, type IntakeSubmission } from '../core/schemas.js';
import { countGraphemes } from '../core/text.js';
import type { CommonStrings } from '../i18n/common.js';
import type { IntakeStrings } from '../i18n/intake.js';
import type { FieldErrors } from './payload.js';
import { fieldForPath } from './paths.js';

function valueAt(payload: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = payload;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** Validates with the shared schema; returns field errors in the user's language (empty when valid). */
export function validatePayload(payload: IntakeSubmission, common: CommonStrings, strings: IntakeStrings): FieldErrors {
  const result = intakeSchema.safeParse(payload);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = fieldForPath(path);
    if (errors[field]) continue;
    const tooLong = /^too_long:(\d+)$/.exec(issue.message);
    if (issue.message === 'required') errors[field] = common.required;
    else if (tooLong) {
      const value = valueAt(payload, issue.path);
      errors[field] = common.tooLong(Number(tooLong[1]), typeof value === 'string' ? countGraphemes(value) : 0);
    } else if (field === 'tags') errors[field] = strings.tagsRequired;
    else errors[field] = field === 'context' ? `${path}: ${issue.message}` : common.required;
  }
  return errors;
}
