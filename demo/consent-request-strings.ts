// Copy of the "request consent" dialog, ja and en.
import type { DemoLocale } from './shell.js';

export interface FormStrings {
  title: string;
  intro: string;
  customer: string;
  company: string;
  requestLocale: string;
  signerName: string;
  signerTitle: string;
  signerEmail: string;
  story: string;
  storyTitle: string;
  summary: string;
  quote: string;
  scopes: string;
  scopesHint: string;
  scope: Record<string, string>;
  channels: string;
  term: string;
  reviewDays: string;
  review: string;
  controller: string;
  controllerName: string;
  controllerContact: string;
  controllerEmail: string;
  privacyUrl: string;
  cancel: string;
  submit: string;
  sending: string;
  rejected: (status: number, message: string) => string;
  noIssueScope: string;
  network: (message: string) => string;
  doneTitle: string;
  doneIntro: (expires: string) => string;
  waiting: string;
  link: string;
  copy: string;
  copied: string;
  copyFailed: string;
  open: string;
  close: string;
}

export const formStrings: Record<DemoLocale, FormStrings> = {
  ja: {
    title: '同意書を依頼する',
    intro: 'お客様に、事例として掲載してよいかを確認するリンクを作ります。お客様は項目ごとに許可・不許可を選べます。',
    customer: 'お客様',
    company: '会社名',
    requestLocale: 'お客様画面の言語',
    signerName: 'ご署名いただく方（任意）',
    signerTitle: '役職（任意）',
    signerEmail: 'メールアドレス（任意）',
    story: '掲載する内容',
    storyTitle: '事例のタイトル',
    summary: '概要',
    quote: '掲載する発言（お客様の言葉のまま）',
    scopes: '許可をお願いする項目',
    scopesHint: 'ここで選んだ項目だけがお客様に表示されます。お客様の画面では、どの項目も最初は未選択です。',
    scope: {
      'company-name': '社名',
      logo: 'ロゴ',
      quotes: '発言の引用',
      'person-name-title': '氏名・役職',
      photo: '写真',
      video: '動画',
      interview: 'インタビュー',
      'press-release': 'プレスリリース',
      'sales-material': '営業資料（非公開）での利用',
    },
    channels: '掲載先と期間',
    term: '掲載期間（か月）',
    reviewDays: '確認期間（営業日）',
    review: '公開前に原稿をお客様に確認していただく',
    controller: '依頼元',
    controllerName: '会社名',
    controllerContact: '担当部署',
    controllerEmail: '連絡先メールアドレス',
    privacyUrl: 'プライバシーポリシーの URL',
    cancel: 'キャンセル',
    submit: '依頼リンクを作成',
    sending: '作成しています…',
    rejected: (status, message) => `依頼を作成できませんでした（${status}）：${message}`,
    noIssueScope: 'この API キーには同意書を依頼する権限（issue）がありません。issue 権限のあるキーで受信箱を開き直してください。',
    network: (message) => `送信先に接続できませんでした：${message}`,
    doneTitle: '同意書の依頼リンクを作成しました',
    doneIntro: (expires) => `このリンクをお客様にメールなどでお送りください。リンクの有効期限は${expires}です。`,
    waiting: '回答待ち',
    link: '依頼リンク',
    copy: 'リンクをコピー',
    copied: 'リンクをクリップボードにコピーしました。',
    copyFailed: '自動でコピーできませんでした。上の欄のリンクを選択してコピーしてください。',
    open: 'お客様の画面で確認',
    close: '閉じる',
  },
  en: {
    title: 'Request consent',
    intro: 'Create a link that asks the customer whether this may be published as a case study. They can allow or refuse each use separately.',
    customer: 'Customer',
    company: 'Company',
    requestLocale: 'Language of the customer’s page',
    signerName: 'Signer (optional)',
    signerTitle: 'Title (optional)',
    signerEmail: 'Email (optional)',
    story: 'What will be published',
    storyTitle: 'Case-study title',
    summary: 'Summary',
    quote: 'Quote to publish (the customer’s own words)',
    scopes: 'Uses to ask permission for',
    scopesHint: 'Only the uses you tick here are shown to the customer. On their page, none is ticked in advance.',
    scope: {
      'company-name': 'Company name',
      logo: 'Logo',
      quotes: 'Quoted statements',
      'person-name-title': "Person's name and title",
      photo: 'Photos',
      video: 'Video',
      interview: 'Interview',
      'press-release': 'Press release',
      'sales-material': 'Use in non-public sales material',
    },
    channels: 'Where and for how long',
    term: 'Term (months)',
    reviewDays: 'Review window (business days)',
    review: 'The customer reviews the draft before publication',
    controller: 'Requested by',
    controllerName: 'Company',
    controllerContact: 'Department',
    controllerEmail: 'Contact email',
    privacyUrl: 'Privacy policy URL',
    cancel: 'Cancel',
    submit: 'Create request link',
    sending: 'Creating…',
    rejected: (status, message) => `The request could not be created (${status}): ${message}`,
    noIssueScope: 'This API key may not request consent (it lacks the issue scope). Open the inbox with a key that has it.',
    network: (message) => `Could not reach the server: ${message}`,
    doneTitle: 'The consent request link is ready',
    doneIntro: (expires) => `Send this link to the customer, by email for example. It works until ${expires}.`,
    waiting: 'Awaiting consent',
    link: 'Request link',
    copy: 'Copy link',
    copied: 'The link was copied to the clipboard.',
    copyFailed: 'Could not copy automatically. Select the link in the field above and copy it.',
    open: 'See what the customer sees',
    close: 'Close',
  },
};
