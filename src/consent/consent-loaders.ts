// What <koe-consent> fetches on demand, named for what each module holds; each piece comes when the view that needs it
// is shown. The link reader and the Japanese notice ship with the element: the notice is its first view.
import type { Locale } from '../i18n/locale.js';
import type { ReceiptStrings } from '../i18n/receipt.js';
import type { WithdrawStrings } from '../i18n/withdraw.js';
import { lazy, shipped, type Lazy } from '../core/lazy.js';
import type { NoticeCopy } from './notice-template.js';
import { noticeJa } from './notice-ja.js';

/** The notice wording in the link's language: Japanese ships with the element, English is fetched when a link asks for it. */
export const noticeWording: Record<Locale, Lazy<NoticeCopy>> = {
  ja: shipped(noticeJa),
  en: lazy(() => import('./notice-en.js').then((m) => m.noticeEn)),
};

/** Signing: the record (built and checked), the hashes, the receipt view and the withdrawal link; fetched when the signer starts. */
export const signing = lazy(() => import('./signing.js'));

export const receiptWording: Record<Locale, Lazy<ReceiptStrings>> = {
  ja: lazy(() => import('../i18n/receipt-ja.js').then((m) => m.receiptJa)),
  en: lazy(() => import('../i18n/receipt-en.js').then((m) => m.receiptEn)),
};

/** A refusal worded by the rule the receiver named (refusal.ts), in one language; fetched when a refusal arrives. */
export const refusalWording: Record<Locale, Lazy<(code: string | undefined, email: string | undefined) => string | undefined>> = {
  ja: lazy(() => Promise.all([import('./refusal.js'), import('../i18n/refusal-ja.js')]).then(([m, w]) => (code, email) => m.refusalText(w.refusalJa, code, email))),
  en: lazy(() => Promise.all([import('./refusal.js'), import('../i18n/refusal-en.js')]).then(([m, w]) => (code, email) => m.refusalText(w.refusalEn, code, email))),
};

/** The receipt as printed (full notice, decisions, signature, seal): fetched with the receipt, so Ctrl+P finds it too. */
export const receiptPrint = lazy(() => import('./receipt-print.js'));

/** Withdraw mode is rare: its form and wording come only when a withdrawal link is opened. */
export const withdrawForm = lazy(() => import('./withdraw-form.js'));
export const withdrawWording: Record<Locale, Lazy<WithdrawStrings>> = {
  ja: lazy(() => import('../i18n/withdraw-ja.js').then((m) => m.withdrawJa)),
  en: lazy(() => import('../i18n/withdraw-en.js').then((m) => m.withdrawEn)),
};
