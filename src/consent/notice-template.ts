// Versioned notice templates: the structure here, the wording in notice-ja.ts/notice-en.ts. Built as data, rendered as text, hashed from the same data.
import type { ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import { scopeLabel } from './scopes.js';
import type { WithdrawLink } from './link-codec.js';
import { noticeEn } from './notice-en.js';
import { noticeJa } from './notice-ja.js';
import { withdrawStrings, type WithdrawStrings } from '../i18n/withdraw.js';

export const NOTICE_TEMPLATE_ID = 'koe-case-study-consent';
export const WITHDRAWAL_TEMPLATE_ID = 'koe-consent-withdrawal';
export const NOTICE_VERSION = '1.0';
/** Default review window: the vendor sends the draft, the customer answers within this many business days. */
export const DEFAULT_REVIEW_DAYS = 5;

export type NoticeBlock = { p: string } | { list: string[] } | { link: string; label: string };
export interface NoticeSection {
  heading: string;
  blocks: NoticeBlock[];
}
export interface Notice {
  templateId: string;
  version: string;
  locale: Locale;
  title: string;
  sections: NoticeSection[];
  /** How to withdraw, shown before signing and copied into the record. */
  withdrawal: string;
}

/** The wording of the notices in one language (notice-ja.ts, notice-en.ts); the structure is built below. */
export interface NoticeCopy {
  lang: Locale;
  title: string;
  quote(q: string): string;
  withdrawal(email: string): string;
  storyTitle(title: string): string;
  summary(summary: string): string;
  quotesIntro: string;
  scopesIntro: string;
  channelsOther: string;
  channelsUndecided: string;
  review(days: number): string;
  noReview: string;
  contact(contact: string, email: string): string;
  personalData: string;
  privacyPolicy: string;
  to(company: string): string;
  intro(controller: string): string;
  whatHeading: string;
  whyHeading: string;
  why: string;
  whereHeading: string;
  termHeading: string;
  term(months: number): string;
  editingHeading: string;
  conditions: string;
  feesHeading: string;
  fees: string;
  withdrawHeading: string;
  contactHeading: string;
  form(id: string, version: string): string;
}

const p = (text: string): NoticeBlock => ({ p: text });

/** The case-study consent notice for `request`, in the copy's language. */
export function buildNoticeWith(r: ConsentRequest, t: NoticeCopy): Notice {
  const days = r.reviewWindowBusinessDays ?? DEFAULT_REVIEW_DAYS;
  const c = r.controller;
  const withdrawal = t.withdrawal(c.email);
  const what: NoticeBlock[] = [p(t.storyTitle(r.story.title))];
  if (r.story.summary) what.push(p(t.summary(r.story.summary)));
  if (r.story.quotes.length) what.push(p(t.quotesIntro), { list: r.story.quotes.map(t.quote) });
  what.push(p(t.scopesIntro), { list: r.scopes.map((id) => scopeLabel(id, t.lang)) });
  const where: NoticeBlock[] = r.channels.length ? [{ list: r.channels }, p(t.channelsOther)] : [p(t.channelsUndecided)];
  const help: NoticeBlock[] = [p(t.contact([c.name, c.contact].filter(Boolean).join(' '), c.email)), p(t.personalData)];
  if (c.privacyPolicyUrl) help.push({ label: t.privacyPolicy, link: c.privacyPolicyUrl });
  return {
    templateId: NOTICE_TEMPLATE_ID,
    version: NOTICE_VERSION,
    locale: t.lang,
    title: t.title,
    withdrawal,
    sections: [
      { heading: t.to(r.customer.company), blocks: [p(t.intro(c.name))] },
      { heading: t.whatHeading, blocks: what },
      { heading: t.whyHeading, blocks: [p(t.why)] },
      { heading: t.whereHeading, blocks: where },
      { heading: t.termHeading, blocks: [p(t.term(r.termMonths))] },
      { heading: t.editingHeading, blocks: [p(r.reviewBeforePublication ? t.review(days) : t.noReview), p(t.conditions)] },
      { heading: t.feesHeading, blocks: [p(t.fees)] },
      { heading: t.withdrawHeading, blocks: [p(withdrawal)] },
      { heading: t.contactHeading, blocks: help },
      { heading: '', blocks: [p(t.form(NOTICE_TEMPLATE_ID, NOTICE_VERSION))] },
    ],
  };
}

/** The withdrawal notice shown in withdraw mode (hashed the same way). */
export function buildWithdrawalNoticeWith(w: WithdrawLink, t: WithdrawStrings): Notice {
  return {
    templateId: WITHDRAWAL_TEMPLATE_ID,
    version: NOTICE_VERSION,
    locale: t.lang,
    title: t.noticeTitle,
    withdrawal: t.noticeWithdrawal,
    sections: [{ heading: '', blocks: [p(t.noticeIntro(w.receiptId)), p(t.noticeWithdrawal)] }],
  };
}

/** The case-study consent notice for `request`, in `locale` (both wordings; the element loads one at a time). */
export function buildNotice(r: ConsentRequest, locale: Locale): Notice {
  return buildNoticeWith(r, locale === 'ja' ? noticeJa : noticeEn);
}

/** The withdrawal notice in `locale`. */
export function buildWithdrawalNotice(w: WithdrawLink, locale: Locale): Notice {
  return buildWithdrawalNoticeWith(w, withdrawStrings[locale]);
}

/** The exact plain text of a notice, as shown (headings, paragraphs, list items, link label and address). */
export function noticeText(notice: Notice): string {
  const lines = [notice.title];
  for (const section of notice.sections) {
    lines.push('');
    if (section.heading) lines.push(section.heading);
    for (const block of section.blocks) {
      if ('p' in block) lines.push(block.p);
      else if ('list' in block) lines.push(...block.list.map((item) => `- ${item}`));
      else lines.push(`${block.label}: ${block.link}`);
    }
  }
  return lines.join('\n');
}
