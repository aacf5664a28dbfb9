// What <koe-consent> fetches on demand, named for what each module holds. Only "loading" shows before the link is read,
// so nothing below is in the first download; each piece comes when the view that needs it is shown.
import type { Locale } from '../i18n/locale.js';
import type { ReceiptStrings } from '../i18n/receipt.js';
import type { WithdrawStrings } from '../i18n/withdraw.js';
import { lazy, type Lazy } from '../core/lazy.js';
import type { NoticeCopy } from './notice-template.js';
import type * as SigningPageModule from './signing-page.js';

/** Reading the link (link-rules.ts) and the views that follow it: the notice, the signing form, page-level problems. */
export const signingPage = lazy(() => import('./signing-page.js'));
export type SigningPage = typeof SigningPageModule;

/** The notice wording, fetched alongside the link check (in the link's language once it is read). */
export const noticeWording: Record<Locale, Lazy<NoticeCopy>> = {
  ja: lazy(() => import('./notice-ja.js').then((m) => m.noticeJa)),
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
