// Versioned notice templates (ja/en). The notice is built as data, rendered as text, and hashed from the same data.
import type { ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import { scopeLabel } from './scopes.js';
import type { WithdrawLink } from './request-link.js';

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

const p = (text: string): NoticeBlock => ({ p: text });

/** The case-study consent notice for `request`, in `locale`. */
export function buildNotice(r: ConsentRequest, locale: Locale): Notice {
  const ja = locale === 'ja';
  const days = r.reviewWindowBusinessDays ?? DEFAULT_REVIEW_DAYS;
  const c = r.controller;
  const scopes = r.scopes.map((id) => scopeLabel(id, locale));
  const quotes = r.story.quotes.map((q) => (ja ? `「${q}」` : `“${q}”`));
  const withdrawal = ja
    ? `同意は、いつでも全部または一部を撤回できます。送信後に表示される受領証の撤回用リンク、または下記のお問い合わせ先（${c.email}）からお申し出ください。お申し出を受けてから速やかに、該当する掲載を停止します。ただし、撤回前に印刷・配布した資料は回収できない場合があります。お断りや撤回によって、貴社とのお取引に影響することはありません。`
    : `You can withdraw all or part of your consent at any time, using the withdrawal link on the receipt shown after you send this form, or by writing to the contact below (${c.email}). We will promptly stop the affected publication once we receive your request; printed material already handed out may not be recoverable. Declining or withdrawing will not affect our business with you.`;
  const what: NoticeBlock[] = [p(ja ? `事例の題名：${r.story.title}` : `Title: ${r.story.title}`)];
  if (r.story.summary) what.push(p(ja ? `概要：${r.story.summary}` : `Summary: ${r.story.summary}`));
  if (quotes.length) what.push(p(ja ? '掲載予定の発言（原文のまま）：' : 'Statements we would quote, word for word:'), { list: quotes });
  what.push(p(ja ? '掲載をお願いする項目（項目ごとに可否をお選びください）：' : 'Uses we are asking for (you choose each one):'), { list: scopes });
  const where: NoticeBlock[] = r.channels.length
    ? [{ list: r.channels }, p(ja ? 'これ以外の媒体に掲載する場合は、改めてご相談します。' : 'We will ask you again before publishing anywhere else.')]
    : [p(ja ? '掲載先は決まりしだい事前にお知らせし、改めてご相談します。' : 'We will tell you where before anything is published, and ask you again.')];
  const review = r.reviewBeforePublication
    ? ja
      ? `公開前に当社から原稿をお送りします。原稿の受領後${days}営業日以内にご確認のうえ、ご回答ください。貴社のご確認が済むまで公開しません。期限内にご回答がない場合は、改めてご連絡します。`
      : `We will send you the draft before publication. Please review it and reply within ${days} business days of receiving it. Nothing is published until you have approved it; if we do not hear from you in time, we will contact you again.`
    : ja
      ? '文意を変えない範囲で、表記や長さを調整することがあります。公開前の原稿確認は行いません。'
      : 'We may adjust wording and length without changing the meaning. There is no review of the draft before publication.';
  const contact = [c.name, c.contact].filter(Boolean).join(' ');
  const help: NoticeBlock[] = [
    p(ja ? `${contact}（${c.email}）` : `${contact} (${c.email})`),
    p(
      ja
        ? 'ご記入いただく氏名・役職・メールアドレスは、本件の同意の記録とご連絡のためにのみ使用します。'
        : 'We use the name, title and email address you enter only to record this consent and to contact you about it.',
    ),
  ];
  if (c.privacyPolicyUrl) help.push({ label: ja ? 'プライバシーポリシー' : 'Privacy policy', link: c.privacyPolicyUrl });
  return {
    templateId: NOTICE_TEMPLATE_ID,
    version: NOTICE_VERSION,
    locale,
    title: ja ? '取材・掲載同意書' : 'Consent to a case study: interview and publication',
    withdrawal,
    sections: [
      {
        heading: ja ? `${r.customer.company} 御中` : `To: ${r.customer.company}`,
        blocks: [
          p(
            ja
              ? `${c.name}（以下「当社」といいます）は、貴社の導入事例を作成・掲載するにあたり、以下の内容について貴社の同意をお願いいたします。内容をご確認のうえ、項目ごとに可否をお選びください。`
              : `${c.name} (“we”) would like to publish a case study about your company. Please read what we would publish and choose, for each use, whether you allow it.`,
          ),
        ],
      },
      { heading: ja ? '1. 掲載する内容' : '1. What we will publish', blocks: what },
      {
        heading: ja ? '2. 掲載の目的' : '2. Why',
        blocks: [
          p(
            ja
              ? '当社の製品・サービスの導入事例として紹介し、導入を検討しているお客様に実際の活用の様子をお伝えするためです。これ以外の目的には使用しません。'
              : 'To show prospective customers how our products and services are used in practice, with your company as the example. We will not use it for any other purpose.',
          ),
        ],
      },
      { heading: ja ? '3. 掲載先' : '3. Where', blocks: where },
      {
        heading: ja ? '4. 掲載期間' : '4. For how long',
        blocks: [
          p(
            ja
              ? `掲載開始から${r.termMonths}か月間です。延長する場合は、改めてご相談します。期間の終了後は、新たな掲載や配布を行いません。`
              : `For ${r.termMonths} month${r.termMonths === 1 ? '' : 's'} from publication. Any extension needs your agreement; after the term we will not publish or hand it out anew.`,
          ),
        ],
      },
      {
        heading: ja ? '5. 編集と原稿の確認' : '5. Editing and review',
        blocks: [
          p(review),
          p(
            ja
              ? '掲載にあたってのご要望（例：写真に顔が写らないようにする）は、下の「ご要望」欄にご記入ください。'
              : 'If you have conditions (for example, no faces in photos), write them in the “Conditions” field below.',
          ),
        ],
      },
      {
        heading: ja ? '6. 費用' : '6. Fees',
        blocks: [
          p(
            ja
              ? '別途書面で定める場合を除き、本件について貴社に費用は発生せず、当社から謝礼などをお支払いすることもありません。'
              : 'Unless agreed otherwise in writing, there is no charge to you and we make no payment to you for this.',
          ),
        ],
      },
      { heading: ja ? '7. 同意の撤回' : '7. Withdrawing consent', blocks: [p(withdrawal)] },
      { heading: ja ? '8. お問い合わせ先・個人情報の取り扱い' : '8. Contact and personal information', blocks: help },
      { heading: '', blocks: [p(ja ? `（書式 ${NOTICE_TEMPLATE_ID} 第${NOTICE_VERSION}版）` : `(Form ${NOTICE_TEMPLATE_ID}, version ${NOTICE_VERSION})`)] },
    ],
  };
}

/** The withdrawal notice shown in withdraw mode (hashed the same way). */
export function buildWithdrawalNotice(w: WithdrawLink, locale: Locale): Notice {
  const ja = locale === 'ja';
  const withdrawal = ja
    ? '撤回した項目は、お申し出を受けてから速やかに掲載を停止します。ただし、撤回前に印刷・配布した資料は回収できない場合があります。撤回によって、貴社とのお取引に影響することはありません。'
    : 'We will promptly stop publishing what you withdraw once we receive your request; printed material already handed out may not be recoverable. Withdrawing will not affect our business with you.';
  return {
    templateId: WITHDRAWAL_TEMPLATE_ID,
    version: NOTICE_VERSION,
    locale,
    title: ja ? '同意の撤回' : 'Withdraw consent',
    withdrawal,
    sections: [
      {
        heading: '',
        blocks: [
          p(
            ja
              ? `受付番号 ${w.receiptId} の同意のうち、選んだ項目の同意を撤回します。ご本人確認のため、同意したときのメールアドレスとお名前を入力してください。`
              : `This withdraws the uses you select from the consent with receipt ID ${w.receiptId}. To confirm it is you, enter the email address and name you signed with.`,
          ),
          p(withdrawal),
        ],
      },
    ],
  };
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
