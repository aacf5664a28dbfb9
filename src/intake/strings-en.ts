// The English strings of <koe-intake>/<koe-snippet>, in their own chunk.
import { commonEn } from '../i18n/common-en.js';
import { intakeEn } from '../i18n/intake-en.js';
import type { IntakePack } from './strings.js';

export const en: IntakePack = { lang: 'en', c: commonEn, s: intakeEn };
