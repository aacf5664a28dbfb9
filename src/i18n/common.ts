// Strings every element needs on first paint: sending and field messages (delivery outcomes: delivery.ts; configuration errors: config-errors.ts).
import type { Locale } from './locale.js';
import { commonJa } from './common-ja.js';
import { commonEn } from './common-en.js';
import { configStrings, type ConfigStrings } from './config-errors.js';
import type { DeliveryStrings } from './delivery.js';
import { deliveryJa } from './delivery-ja.js';
import { deliveryEn } from './delivery-en.js';

export interface CommonStrings {
  sending: string;
  queuedMemoryOnly: string;
  required: string;
  tooLong: (max: number, count: number) => string;
  fixFields: (n: number) => string;
  /** Code needed to send could not be fetched (offline since the page loaded): nothing was stored or sent. */
  deliveryUnavailable: string;
}

/** Both locales with the configuration wording, for code that needs either at once (tests, the demo); the elements load one at a time. */
export const common: Record<Locale, CommonStrings & DeliveryStrings & ConfigStrings> = {
  ja: { ...commonJa, ...deliveryJa, ...configStrings.ja },
  en: { ...commonEn, ...deliveryEn, ...configStrings.en },
};
