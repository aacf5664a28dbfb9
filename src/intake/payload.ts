// Builds the koe.intake.v1 payload from the form and context, and maps schema issues back to fields.
import { intakeSchema, type CHANNELS, type IntakeSubmission, type PERMISSIONS, type VOICE_KINDS } from '../core/schemas.js';
import { cleanText, countGraphemes } from '../core/text.js';
import type { KoeContext } from '../core/config.js';
import type { Locale } from '../i18n/locale.js';
import type { CommonStrings } from '../i18n/common.js';
import type { IntakeStrings } from '../i18n/intake.js';

export type VoiceKind = (typeof VOICE_KINDS)[number];
export type Channel = (typeof CHANNELS)[number];
export type Permission = (typeof PERMISSIONS)[number];

/** What the rep edits; also the draft that is autosaved. */
export interface IntakeFormValue {
  text: string;
  kind: VoiceKind;
  tags: string[];
  channel: Channel;
  permission: Permission;
  contactName: string;
  contactTitle: string;
  /** Asked only when the context has no company. */
  companyName: string;
  /** Asked only when the context has no reporter. */
  reporterName: string;
}

/** Prefill for the form, e.g. from <koe-snippet>: the selected text and where it came from. */
export interface IntakePrefill {
  text?: string;
  fromSelection?: boolean;
  pageUrl?: string;
  pageTitle?: string;
  kind?: VoiceKind;
  channel?: Channel;
  tags?: string[];
}

export type FieldName = 'text' | 'tags' | 'contactName' | 'contactTitle' | 'companyName' | 'reporterName' | 'context';
export type FieldErrors = Partial<Record<FieldName, string>>;

/** ISO 8601 with the local offset, e.g. 2026-11-21T14:03:00.000+09:00. */
export function isoWithOffset(date: Date): string {
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

export function buildPayload(input: {
  id: string;
  locale: Locale;
  form: IntakeFormValue;
  context: KoeContext;
  prefill?: IntakePrefill | undefined;
  now?: Date;
}): IntakeSubmission {
  const { form, context, prefill } = input;
  const pageUrl = prefill?.pageUrl ?? (typeof location !== 'undefined' ? location.href : undefined);
  const pageTitle = cleanText(prefill?.pageTitle ?? (typeof document !== 'undefined' ? document.title : undefined));
  return {
    id: input.id,
    createdAt: isoWithOffset(input.now ?? new Date()),
    locale: input.locale,
    voice: { text: form.text.trim(), kind: form.kind },
    tags: [...form.tags],
    channel: form.channel,
    customer: {
      companyId: context.companyId,
      companyName: context.companyName ?? cleanText(form.companyName),
      contactName: cleanText(form.contactName) ?? context.contactName,
      contactTitle: cleanText(form.contactTitle),
    },
    deal: { id: context.dealId, stage: context.dealStage },
    leadSource: context.leadSource,
    reporter: { id: context.reporterId, name: context.reporterName ?? cleanText(form.reporterName) },
    permission: form.permission,
    origin: {
      pageUrl: pageUrl?.slice(0, 2048),
      pageTitle: pageTitle ? Array.from(pageTitle).slice(0, 300).join('') : undefined,
      fromSelection: prefill?.fromSelection === true,
    },
    custom: { ...context.custom },
  };
}

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
