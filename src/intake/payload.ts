// Builds the koe.intake.v1 payload from the form and context (schema paths back to fields: paths.ts).
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
  const offset = -date.getTimezoneOffset();
  const minute = 60_000;
  // The local wall-clock time is UTC shifted by the offset; toISOString then prints it without the Z,
  // and prints the offset's size (under a day) as the hh:mm of that much time after midnight.
  const local = new Date(date.getTime() + offset * minute).toISOString().slice(0, -1);
  const hhmm = new Date(Math.abs(offset) * minute).toISOString().slice(11, 16);
  return `${local}${offset < 0 ? '-' : '+'}${hhmm}`;
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
  const pageTitle = cleanText(prefill?.pageTitle ?? document.title);
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
      pageUrl: (prefill?.pageUrl ?? location.href).slice(0, 2048),
      pageTitle: pageTitle && [...pageTitle].slice(0, 300).join(''),
      fromSelection: prefill?.fromSelection === true,
    },
    custom: { ...context.custom },
  };
}
