// The English strings of <koe-consent>, in their own chunk.
import { commonEn } from '../i18n/common-en.js';
import { deliveryEn } from '../i18n/delivery-en.js';
import { consentEn } from '../i18n/consent-en.js';
import type { ConsentPack } from './strings.js';

export const en: ConsentPack = { lang: 'en', c: { ...commonEn, ...deliveryEn }, s: consentEn };
