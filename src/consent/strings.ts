// <koe-consent> strings: Japanese ships with the element, English is fetched when asked for (the notice wording: see koe-consent.ts).
import { commonJa } from '../i18n/common-ja.js';
import type { CommonStrings } from '../i18n/common.js';
import { deliveryJa } from '../i18n/delivery-ja.js';
import type { DeliveryStrings } from '../i18n/delivery.js';
import { consentJa } from '../i18n/consent-ja.js';
import type { ConsentStrings } from '../i18n/consent.js';
import type { Locale } from '../i18n/locale.js';
import { lazy } from '../core/lazy.js';
import type { LocalePack } from '../shared/locale-controller.js';

export interface ConsentPack {
  lang: Locale;
  c: CommonStrings & DeliveryStrings;
  s: ConsentStrings;
}

export const consentPack: LocalePack<ConsentPack> = [
  { lang: 'ja', c: { ...commonJa, ...deliveryJa }, s: consentJa },
  lazy(() => import('./strings-en.js').then((m) => m.en)),
];
