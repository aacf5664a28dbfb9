// Strings of <koe-snippet> (the form inside it uses the intake strings), one typed object per locale.
import type { Locale } from './locale.js';
import { snippetJa } from './snippet-ja.js';
import { snippetEn } from './snippet-en.js';

export interface SnippetStrings {
  snippetButton: string;
  snippetShortcut: string;
  snippetDialogTitle: string;
  snippetTargetMissing: (selector: string) => string;
  /** The dialog's form could not be fetched (offline since the page loaded). */
  snippetFormUnavailable: string;
  close: string;
}

/** Both locales, for code that needs either at once; the element loads one at a time. */
export const snippet: Record<Locale, SnippetStrings> = { ja: snippetJa, en: snippetEn };
