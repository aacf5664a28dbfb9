// Consent links for the inbox: the request body PR fills in, and `consent.html#koe=<base64url JSON>` (encoded by the library).
import { DEFAULT_SCOPE_IDS, type ConsentRequest, type IntakeSubmission } from '../src/core/schemas.js';
import { encodeConsentLink, encodeWithdrawLink } from '../src/consent/consent-links.js';
import type { DemoLocale } from './shell.js';

/** base64url (no padding) of the UTF-8 bytes of `JSON.stringify(value)`: the library's encoding of a link. */
export { toBase64Url as base64UrlJson } from '../src/consent/consent-links.js';

/** The link a customer opens: the signed request travels in the fragment, so it never reaches server logs. */
export function consentLink(request: ConsentRequest, origin: string): string {
  return encodeConsentLink(request, `${origin}/consent.html`);
}

/**
 * The withdrawal link for a grant (`withdraw.html#koe-withdraw=`), as the customer's receipt offers it: with the receipt's
 * withdrawal token (GET /api/withdrawal-tokens/:receiptId) and the scopes still granted.
 */
export function withdrawLink(request: ConsentRequest, receiptId: string, withdrawalToken: string, grantedScopes: string[], origin: string): string {
  const info = {
    receiptId,
    requestId: request.id,
    withdrawalToken,
    scopes: grantedScopes,
    termMonths: request.termMonths,
    company: request.customer.company,
    ...(request.locale ? { locale: request.locale } : {}),
  };
  return encodeWithdrawLink(info, `${origin}/withdraw.html`);
}

/** What PR fills in; the receiver adds id, issuedAt, expiresAt and the signed token. */
export type ConsentRequestInput = Omit<ConsentRequest, 'id' | 'issuedAt' | 'expiresAt' | 'token'>;

export const DEMO_CONTROLLER = {
  name: '株式会社Koeデモ',
  contact: '広報部 事例担当',
  email: 'pr@example.com',
  privacyPolicyUrl: 'https://example.com/privacy',
} as const;

/** Where a case study may appear; the labels go into the request in the customer's language. */
export const CHANNEL_CHOICES: ReadonlyArray<{ id: string; label: Record<DemoLocale, string>; checked: boolean }> = [
  { id: 'website', label: { ja: '当社ウェブサイトの導入事例ページ', en: 'Case-study page on our website' }, checked: true },
  { id: 'brochure', label: { ja: '導入事例パンフレット（印刷物・PDF）', en: 'Case-study brochure (print and PDF)' }, checked: true },
  { id: 'seminar', label: { ja: '当社主催のセミナー・展示会', en: 'Our seminars and trade shows' }, checked: true },
  { id: 'social', label: { ja: '当社公式 SNS', en: 'Our official social media' }, checked: false },
  { id: 'media', label: { ja: '業界メディアへの寄稿', en: 'Articles in trade media' }, checked: false },
];

export const DEFAULT_TERM_MONTHS = 24;
export const DEFAULT_REVIEW_DAYS = 5;

/** Prefilled story title for an intake item, in the customer's language. */
export function defaultTitle(intake: IntakeSubmission, locale: DemoLocale): string {
  const company = intake.customer.companyName ?? '';
  if (locale === 'en') return company ? `Case study: ${company}` : 'Customer case study';
  return company ? `${company}様 導入事例` : 'お客様導入事例';
}

export function defaultSummary(locale: DemoLocale): string {
  return locale === 'en'
    ? 'An article on why you chose our service, how it was introduced and what changed afterwards.'
    : '導入の背景、選定の決め手、導入後の変化をご紹介する事例記事です。';
}

export interface RequestFormValues {
  company: string;
  signerName?: string;
  signerTitle?: string;
  signerEmail?: string;
  title: string;
  summary?: string;
  quotes: string[];
  scopes: string[];
  channels: string[];
  termMonths: number;
  reviewBeforePublication: boolean;
  reviewWindowBusinessDays?: number;
  locale: DemoLocale;
  controller: { name: string; contact?: string; email: string; privacyPolicyUrl?: string };
}

const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** The POST /api/consent-requests body for an intake item, leaving out empty optional fields. */
export function requestInput(intakeId: string, v: RequestFormValues): ConsentRequestInput {
  const signerName = opt(v.signerName);
  const signerTitle = opt(v.signerTitle);
  const signerEmail = opt(v.signerEmail);
  const summary = opt(v.summary);
  const contact = opt(v.controller.contact);
  const privacyPolicyUrl = opt(v.controller.privacyPolicyUrl);
  return {
    controller: { name: v.controller.name.trim(), ...(contact ? { contact } : {}), email: v.controller.email.trim(), ...(privacyPolicyUrl ? { privacyPolicyUrl } : {}) },
    customer: { company: v.company.trim(), ...(signerName ? { signerName } : {}), ...(signerTitle ? { signerTitle } : {}), ...(signerEmail ? { signerEmail } : {}) },
    story: { title: v.title.trim(), ...(summary ? { summary } : {}), quotes: v.quotes.map((q) => q.trim()).filter(Boolean) },
    scopes: v.scopes.filter((s) => s),
    channels: v.channels,
    termMonths: v.termMonths,
    reviewBeforePublication: v.reviewBeforePublication,
    ...(v.reviewBeforePublication && v.reviewWindowBusinessDays ? { reviewWindowBusinessDays: v.reviewWindowBusinessDays } : {}),
    locale: v.locale,
    intakeId,
  };
}

/** Form defaults for an item: every default scope offered, the voice text as the quote. */
export function defaultFormValues(intake: IntakeSubmission, locale: DemoLocale): RequestFormValues {
  return {
    company: intake.customer.companyName ?? '',
    signerName: intake.customer.contactName,
    signerTitle: intake.customer.contactTitle,
    title: defaultTitle(intake, locale),
    summary: defaultSummary(locale),
    quotes: [intake.voice.text],
    scopes: [...DEFAULT_SCOPE_IDS],
    channels: CHANNEL_CHOICES.filter((c) => c.checked).map((c) => c.label[locale]),
    termMonths: DEFAULT_TERM_MONTHS,
    reviewBeforePublication: true,
    reviewWindowBusinessDays: DEFAULT_REVIEW_DAYS,
    locale,
    controller: { ...DEMO_CONTROLLER },
  };
}
