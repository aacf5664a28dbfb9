// <koe-intake>/<koe-snippet> strings: Japanese ships with the element, English is fetched when a page asks for it.
import { commonJa } from '../i18n/common-ja.js';
import type { CommonStrings } from '../i18n/common.js';
import { intakeJa } from '../i18n/intake-ja.js';
import type { IntakeStrings } from '../i18n/intake.js';
import type { Locale } from '../i18n/locale.js';
import { lazy } from '../core/lazy.js';
import type { LocalePack } from '../shared/locale-controller.js';

export interface IntakePack {
  lang: Locale;
  c: CommonStrings;
  s: IntakeStrings;
}

export const intakePack: LocalePack<IntakePack> = [{ lang: 'ja', c: commonJa, s: intakeJa }, lazy(() => import('./strings-en.js').then((m) => m.en))];
