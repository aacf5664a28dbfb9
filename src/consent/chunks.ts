// What <koe-consent> fetches on demand: each piece comes only when the view that needs it is shown.
import type { Locale } from '../i18n/locale.js';
import type { ReceiptStrings } from '../i18n/receipt.js';
import type { WithdrawStrings } from '../i18n/withdraw.js';
import { lazy, type Lazy } from '../core/lazy.js';
import type { ConsentFormState } from './consent-form.js';
import type { NoticeCopy } from './notice-template.js';

// Reading the link needs zod (and the notice and form come with it), signing needs the record code and the receipt its wording: all off the first download.
export const checks = lazy(() => import('./checks.js'));
// The notice wording, fetched alongside the link check (in the link's language once it is read).
export const noticeCopy: Record<Locale, Lazy<NoticeCopy>> = {
  ja: lazy(() => import('./notice-ja.js').then((m) => m.noticeJa)),
  en: lazy(() => import('./notice-en.js').then((m) => m.noticeEn)),
};
export const sign = lazy(() => import('./sign.js'));
export const receiptText: Record<Locale, Lazy<ReceiptStrings>> = {
  ja: lazy(() => import('../i18n/receipt-ja.js').then((m) => m.receiptJa)),
  en: lazy(() => import('../i18n/receipt-en.js').then((m) => m.receiptEn)),
};
// Only when the host misconfigured the element: the wording of the problem.
export const configView = lazy(() => import('../shared/config-problem.js'));
// Withdraw mode is rare: its form and wording come only when a withdrawal link is opened.
export const withdrawView = lazy(() => import('./withdraw-form.js'));
export const withdrawText: Record<Locale, Lazy<WithdrawStrings>> = {
  ja: lazy(() => import('../i18n/withdraw-ja.js').then((m) => m.withdrawJa)),
  en: lazy(() => import('../i18n/withdraw-en.js').then((m) => m.withdrawEn)),
};


/** A blank form: nothing chosen (no scope is ever pre-ticked). */
export const emptyForm = (): ConsentFormState => ({
  choices: {},
  constraints: '',
  declineReason: '',
  name: '',
  title: '',
  email: '',
  typedName: '',
  method: 'typed',
  withdraw: [],
});
