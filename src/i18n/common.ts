// Strings shared by every element: delivery states and field messages (configuration errors: config-errors.ts).
import type { Locale } from './locale.js';
import { commonJa } from './common-ja.js';
import { commonEn } from './common-en.js';
import { configStrings, type ConfigStrings } from './config-errors.js';

export interface CommonStrings {
  sending: string;
  sent: string;
  queued: string;
  queuedMemoryOnly: string;
  needsAttention: string;
  authRequired: string;
  serverSaid: (message: string) => string;
  discard: string;
  required: string;
  tooLong: (max: number, count: number) => string;
  invalidEmail: string;
  fixFields: (n: number) => string;
}

/** Both locales with the configuration wording, for code that needs either at once (tests, the demo); the elements load one at a time. */
export const common: Record<Locale, CommonStrings & ConfigStrings> = {
  ja: { ...commonJa, ...configStrings.ja },
  en: { ...commonEn, ...configStrings.en },
};
