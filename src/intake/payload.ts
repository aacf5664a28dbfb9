// Builds the koe.intake.v1 payload from the form and context, and maps schema issues back to fields.
import type { IntakeSubmission } from '../core/schemas.js';
import { cleanText } from '../core/text.js';
import type { CHANNELS, PERMISSIONS, VOICE_KINDS } from './vocab.js';
import type { KoeContext } from '../core/config.js';
import type { Locale } from '../i18n/locale.js';

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
