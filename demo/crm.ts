// The mock CRM deal page: Koe elements from source, ja/en chrome, locale-aware amounts and dates.
import '../src/intake/define.js';
import '../src/snippet/define.js';
import { startShell, type DemoLocale, type Strings } from './shell.js';

const strings: Record<DemoLocale, Strings> = {
  ja: {
    pageTitle: '全社問い合わせ基盤の刷新 | 株式会社サンプル商事 - Koe CRM',
    navLabel: 'メイン',
    breadcrumbLabel: '現在地',
    dealKind: '商談',
    amount: '金額',
    closeDate: '完了予定日',
    probability: '確度',
    owner: '商談担当',
    follow: 'フォロー',
    edit: '編集',
    stagePath: '商談ステージ',
    stageLead: 'リード',
    stageHearing: 'ヒアリング',
    stageProposal: '提案',
    stageQuote: '見積',
    stageNegotiation: '交渉',
    stageWon: '受注',
    details: '商談の詳細',
    dealName: '商談名',
    dealId: '商談 ID',
    stage: 'ステージ',
    leadSource: 'リードソース',
    leadSourceValue: 'ウェブセミナー',
    account: '取引先',
    companyId: '取引先 ID',
    industry: '業種',
    industryValue: '卸売業（日用品）',
    employees: '従業員数',
    employeesValue: '約 1,200 名',
    contact: '主担当者',
    nextStep: '次のアクション',
    nextStepValue: '11/27 導入効果の試算レビュー',
    mailTitle: 'メールのやり取り',
    mailCount: '5 件',
    mailTo: '宛先',
    snippetHint: '本文の一文を選択すると「顧客の声として保存」ボタンが表示され、そのまま登録できます。',
    voiceTitle: '顧客の声を記録',
    openInbox: '受信箱を開く',
    voiceHint: '商談で聞いたお客様の言葉を、そのまま広報・マーケティングに共有しましょう。取引先と商談の情報は自動で付きます。',
    contactsTitle: '取引先責任者',
  },
  en: {
    pageTitle: 'Company-wide inquiry platform renewal | Sample Shoji Co., Ltd. - Koe CRM',
    navLabel: 'Main',
    breadcrumbLabel: 'You are here',
    dealKind: 'Deal',
    amount: 'Amount',
    closeDate: 'Close date',
    probability: 'Probability',
    owner: 'Deal owner',
    follow: 'Follow',
    edit: 'Edit',
    stagePath: 'Deal stage',
    stageLead: 'Lead',
    stageHearing: 'Discovery',
    stageProposal: 'Proposal',
    stageQuote: 'Quote',
    stageNegotiation: 'Negotiation',
    stageWon: 'Closed won',
    details: 'Deal details',
    dealName: 'Deal name',
    dealId: 'Deal ID',
    stage: 'Stage',
    leadSource: 'Lead source',
    leadSourceValue: 'Webinar',
    account: 'Account',
    companyId: 'Account ID',
    industry: 'Industry',
    industryValue: 'Wholesale (household goods)',
    employees: 'Employees',
    employeesValue: 'About 1,200',
    contact: 'Primary contact',
    nextStep: 'Next step',
    nextStepValue: 'Nov 27: ROI estimate review',
    mailTitle: 'Email thread',
    mailCount: '5 messages',
    mailTo: 'To',
    snippetHint: 'Select a sentence in a message and a “Save as customer voice” button appears, so you can file it without retyping.',
    voiceTitle: 'Record a customer voice',
    openInbox: 'Open the inbox',
    voiceHint: 'Share what the customer said with PR and marketing, in their own words. The account and deal details are added for you.',
    contactsTitle: 'Contacts',
  },
};

const intlLocale = (locale: DemoLocale) => (locale === 'ja' ? 'ja-JP' : 'en-US');

/** Amounts and dates are data: formatted for the reader, never translated. */
function formatValues(locale: DemoLocale): void {
  const money = new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'JPY' });
  for (const el of document.querySelectorAll<HTMLElement>('[data-amount]')) {
    el.textContent = money.format(Number(el.dataset.amount));
  }
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'Asia/Tokyo' });
  const dateTime = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' });
  for (const el of document.querySelectorAll<HTMLTimeElement>('time[data-format]')) {
    const value = new Date(el.dateTime.length === 10 ? `${el.dateTime}T00:00:00+09:00` : el.dateTime);
    if (Number.isNaN(value.getTime())) continue;
    el.textContent = (el.dataset.format === 'date' ? date : dateTime).format(value);
  }
}

/** The snippet files a selection with the author of the email it came from (none for our own replies). */
function followSelectionAuthor(): void {
  const snippet = document.querySelector('koe-snippet');
  const node = document.getSelection()?.anchorNode;
  const mail = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('.mail');
  if (!snippet || !mail || !snippet.contains(mail)) return;
  const contact = mail.dataset.contact;
  if (contact) snippet.setAttribute('contact-name', contact);
  else snippet.removeAttribute('contact-name');
}

document.addEventListener('selectionchange', followSelectionAuthor);
startShell(strings, formatValues);
