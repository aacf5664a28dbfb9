// Strings of <koe-consent>'s withdraw mode (form and notice), one typed object per locale, loaded only when withdrawing.
import type { Locale } from './locale.js';
import { withdrawJa } from './withdraw-ja.js';
import { withdrawEn } from './withdraw-en.js';

export interface WithdrawStrings {
  lang: Locale;
  withdrawLegend: string;
  withdrawSelectAll: string;
  withdrawNone: string;
  withdrawIntent: (receiptId: string) => string;
  submitWithdraw: string;
  withdrawEmailHint: string;
  // The withdrawal notice (hashed like the consent notice: change only with a new version).
  noticeTitle: string;
  noticeIntro(receiptId: string): string;
  noticeWithdrawal: string;
}

/** Both locales, for code that needs either at once; the element loads the one it shows. */
export const withdrawStrings: Record<Locale, WithdrawStrings> = { ja: withdrawJa, en: withdrawEn };
