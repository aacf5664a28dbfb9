// <koe-snippet> strings: Japanese ships with the element, English is fetched when a page asks for it.
import type { Locale } from '../i18n/locale.js';
import { snippetJa } from '../i18n/snippet-ja.js';
import type { SnippetStrings } from '../i18n/snippet.js';
import { lazy } from '../core/lazy.js';
import type { LocalePack } from '../shared/locale-controller.js';

export interface SnippetPack {
  lang: Locale;
  s: SnippetStrings;
}

export const snippetPack: LocalePack<SnippetPack> = [
  { lang: 'ja', s: snippetJa },
  lazy(() => import('../i18n/snippet-en.js').then((m) => ({ lang: 'en', s: m.snippetEn }))),
];
