// Strings shared by every element: configuration errors, delivery and storage states.
import type { Locale } from './locale.js';
import { commonJa } from './common-ja.js';
import { commonEn } from './common-en.js';

export interface CommonStrings {
  configErrorTitle: string;
  endpointMissing: string;
  endpointInvalid: (value: string) => string;
  endpointScheme: (scheme: string) => string;
  endpointInsecure: (host: string) => string;
  endpointCredentials: string;
  formatInvalid: (value: string) => string;
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

/** Both locales, for code that needs either at once (tests, the demo); the elements load one at a time. */
export const common: Record<Locale, CommonStrings> = { ja: commonJa, en: commonEn };
