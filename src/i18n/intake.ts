// Strings of <koe-intake>, one typed object per locale (the outbox list and its warnings: outbox.ts).
import type { Locale } from './locale.js';
import { intakeJa } from './intake-ja.js';
import { intakeEn } from './intake-en.js';
import type { CHANNELS, PERMISSIONS, VOICE_KINDS } from '../core/schemas.js';

export interface IntakeStrings {
  formLabel: string;
  voiceLabel: string;
  voiceHint: (max: number) => string;
  kindLegend: string;
  kinds: Record<(typeof VOICE_KINDS)[number], string>;
  tagsLegend: string;
  tagsHint: string;
  tagsRequired: string;
  channelLabel: string;
  channels: Record<(typeof CHANNELS)[number], string>;
  permissionLabel: string;
  permissions: Record<(typeof PERMISSIONS)[number], string>;
  contactNameLabel: string;
  contactTitleLabel: string;
  companyNameLabel: string;
  reporterNameLabel: string;
  optional: string;
  contextLabel: string;
  contextCompany: (name: string) => string;
  contextDeal: (deal: string) => string;
  contextLeadSource: (source: string) => string;
  contextReporter: (name: string) => string;
  contextFromSelection: string;
  submit: string;
  submitShortcut: string;
  empty: string;
  sentTitle: string;
  queuedTitle: string;
  fileAnother: string;
  cancelled: string;
  draftRestored: string;
  characterCount: (count: number, max: number) => string;
}

/** Both locales, for code that needs either at once (tests, the demo); the elements load one at a time. */
export const intake: Record<Locale, IntakeStrings> = { ja: intakeJa, en: intakeEn };
