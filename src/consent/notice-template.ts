// Versioned notice templates: the structure here, the wording in notice-ja.ts/notice-en.ts. Built as data, rendered as
// text (consent-views.ts) and hashed (notice-hash.ts) from the same data.
import { DEFAULT_REVIEW_DAYS } from '../core/consent-terms.js';
import type { ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import { scopeLabel } from './scopes.js';
import type { WithdrawLink } from './link-rules.js';
import type { WithdrawStrings } from '../i18n/withdraw.js';

export const NOTICE_TEMPLATE_ID = 'koe-case-study-consent';
export const WITHDRAWAL_TEMPLATE_ID = 'koe-consent-withdrawal';
export const NOTICE_VERSION = '1.0';

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

/** The case-study consent notice for `request`, in the wording's language (the text that is shown and hashed). */
export function buildNoticeWith(request: ConsentRequest, wording: NoticeCopy): Notice {
  const { controller, story } = request;
  const reviewDays = request.reviewWindowBusinessDays ?? DEFAULT_REVIEW_DAYS;
  const withdrawal = wording.withdrawal(controller.email);
  const what: NoticeBlock[] = [p(wording.storyTitle(story.title))];
  if (story.summary) what.push(p(wording.summary(story.summary)));
  if (story.quotes.length) what.push(p(wording.quotesIntro), { list: story.quotes.map(wording.quote) });
  what.push(p(wording.scopesIntro), { list: request.scopes.map((id) => scopeLabel(id, wording.lang)) });
  const where: NoticeBlock[] = request.channels.length ? [{ list: request.channels }, p(wording.channelsOther)] : [p(wording.channelsUndecided)];
  const contact = [controller.name, controller.contact].filter(Boolean).join(' ');
  const help: NoticeBlock[] = [p(wording.contact(contact, controller.email)), p(wording.personalData)];
  if (controller.privacyPolicyUrl) help.push({ label: wording.privacyPolicy, link: controller.privacyPolicyUrl });
  const editing = request.reviewBeforePublication ? wording.review(reviewDays) : wording.noReview;
  return {
    templateId: NOTICE_TEMPLATE_ID,
    version: NOTICE_VERSION,
    locale: wording.lang,
    title: wording.title,
    withdrawal,
    sections: [
      { heading: wording.to(request.customer.company), blocks: [p(wording.intro(controller.name))] },
      { heading: wording.whatHeading, blocks: what },
      { heading: wording.whyHeading, blocks: [p(wording.why)] },
      { heading: wording.whereHeading, blocks: where },
      { heading: wording.termHeading, blocks: [p(wording.term(request.termMonths))] },
      { heading: wording.editingHeading, blocks: [p(editing), p(wording.conditions)] },
      { heading: wording.feesHeading, blocks: [p(wording.fees)] },
      { heading: wording.withdrawHeading, blocks: [p(withdrawal)] },
      { heading: wording.contactHeading, blocks: help },
      { heading: '', blocks: [p(wording.form(NOTICE_TEMPLATE_ID, NOTICE_VERSION))] },
    ],
  };
}

/** The withdrawal notice shown in withdraw mode (hashed the same way). */
export function buildWithdrawalNoticeWith(withdrawal: WithdrawLink, wording: WithdrawStrings): Notice {
  return {
    templateId: WITHDRAWAL_TEMPLATE_ID,
    version: NOTICE_VERSION,
    locale: wording.lang,
    title: wording.noticeTitle,
    withdrawal: wording.noticeWithdrawal,
    sections: [{ heading: '', blocks: [p(wording.noticeIntro(withdrawal.receiptId)), p(wording.noticeWithdrawal)] }],
  };
}
