// Inbox page copy in Japanese and English (the page chrome; stored data is shown as it came).
import type { DemoLocale } from './shell.js';
import type { ConsentStatus } from './inbox-model.js';

export interface InboxStrings {
  pageTitle: string;
  navLabel: string;
  heading: string;
  lead: string;
  reload: string;
  exportCsv: string;
  weekHeading: (since: string) => string;
  weekEmpty: string;
  filterTag: string;
  filterChannel: string;
  all: string;
  showing: (shown: number, total: number) => string;
  loading: string;
  loadFailed: (detail: string) => string;
  retry: string;
  empty: string;
  emptyLink: string;
  noMatch: string;
  clearFilters: string;
  status: Record<ConsentStatus, string>;
  /** The history of a request's consent: its summary line, and what each step changed. */
  history: (steps: number) => string;
  historyBy: (name: string) => string;
  historyWithdrew: string;
  historyGranted: string;
  expired: string;
  company: string;
  deal: string;
  reporter: string;
  received: string;
  contact: string;
  fromSelection: string;
  requestConsent: string;
  requests: string;
  issuedAt: (when: string) => string;
  copyLink: string;
  copyWithdrawLink: string;
  copied: string;
  copyFailed: string;
  openConsentPage: string;
  csvPurpose: string;
  csvHeader: string[];
  loadOlder: string;
  forgetKey: string;
  keyHeading: string;
  keyLead: string;
  keyLabel: string;
  keyHint: string;
  keySubmit: string;
  keyRefused: string;
  keyLacksScope: string;
}

export const inboxStrings: Record<DemoLocale, InboxStrings> = {
  ja: {
    pageTitle: '顧客の声 受信箱 - Koe CRM',
    navLabel: 'メイン',
    heading: '顧客の声 受信箱',
    lead: '営業・カスタマーサクセスから届いた顧客の声です。事例にしたい声には、お客様へ同意書を依頼できます。',
    reload: '再読み込み',
    exportCsv: 'CSV を書き出す',
    weekHeading: (since) => `今週のタグ別件数（${since}〜）`,
    weekEmpty: '今週はまだ届いていません。',
    filterTag: 'タグ',
    filterChannel: '接点',
    all: 'すべて',
    showing: (shown, total) => `${total} 件中 ${shown} 件を表示`,
    loading: '読み込んでいます…',
    loadFailed: (detail) => `受信箱を読み込めませんでした（${detail}）。`,
    retry: 'もう一度読み込む',
    empty: 'まだ顧客の声は届いていません。',
    emptyLink: '商談ページから登録してみましょう',
    noMatch: '条件に合う顧客の声はありません。',
    clearFilters: '絞り込みを解除',
    status: { none: '同意書 未依頼', waiting: '同意書 回答待ち', granted: '同意済み', 'partly-granted': '一部同意', 'partly-withdrawn': '一部撤回', declined: '辞退', withdrawn: '撤回済み' },
    history: (steps) => `履歴（${steps} 件）`,
    historyBy: (name) => `署名：${name}`,
    historyWithdrew: '撤回した項目',
    historyGranted: '許可している項目',
    expired: '期限切れ',
    company: '取引先',
    deal: '商談',
    reporter: '報告者',
    received: '受信',
    contact: 'お客様',
    fromSelection: 'メール本文から',
    requestConsent: '同意書を依頼',
    requests: '同意書の依頼',
    issuedAt: (when) => `${when} 発行`,
    copyLink: 'リンクをコピー',
    copyWithdrawLink: '撤回用リンクをコピー',
    copied: 'リンクをコピーしました。',
    copyFailed: '自動でコピーできませんでした。下の欄から選択してコピーしてください。',
    openConsentPage: 'お客様の画面で確認',
    csvPurpose: '顧客の声',
    loadOlder: 'さらに古い顧客の声を読み込む',
    forgetKey: 'API キーを消去',
    keyHeading: 'API キーを入力してください',
    keyLead: '受信箱を表示するには、受信サーバーの API キー（read 権限。同意書の依頼には issue 権限も）が必要です。',
    keyLabel: 'API キー',
    keyHint: 'npm start の画面に表示されたリンクを開くか、npx koe-receiver keys create --name 受信箱 --scope read,issue で作成したキーを貼り付けてください。キーはこのタブを閉じると消去されます。',
    keySubmit: '受信箱を表示',
    keyRefused: 'この API キーは使えません。入力の誤りか、取り消されたキーです。',
    keyLacksScope: 'この API キーには受信箱を読む権限（read）がありません。',
    csvHeader: ['受信日時', '顧客の声', '種類', 'タグ', 'チャネル', '取引先ID', '取引先名', 'お客様', '役職', '商談ID', 'ステージ', 'リードソース', '報告者', '公開可否', '同意状況', 'ID'],
  },
  en: {
    pageTitle: 'Customer voice inbox - Koe CRM',
    navLabel: 'Main',
    heading: 'Customer voice inbox',
    lead: 'What customers said, as filed by sales and customer success. For a voice worth a case study, ask the customer for consent.',
    reload: 'Reload',
    exportCsv: 'Export CSV',
    weekHeading: (since) => `This week by tag (since ${since})`,
    weekEmpty: 'Nothing has come in this week yet.',
    filterTag: 'Tag',
    filterChannel: 'Channel',
    all: 'All',
    showing: (shown, total) => `Showing ${shown} of ${total}`,
    loading: 'Loading…',
    loadFailed: (detail) => `The inbox could not be loaded (${detail}).`,
    retry: 'Try again',
    empty: 'No customer voices have come in yet.',
    emptyLink: 'File one from the deal page',
    noMatch: 'No customer voices match these filters.',
    clearFilters: 'Clear filters',
    status: { none: 'No consent requested', waiting: 'Awaiting consent', granted: 'Consent granted', 'partly-granted': 'Partly granted', 'partly-withdrawn': 'Partly withdrawn', declined: 'Declined', withdrawn: 'Withdrawn' },
    history: (steps) => `History (${steps} ${steps === 1 ? 'step' : 'steps'})`,
    historyBy: (name) => `signed by ${name}`,
    historyWithdrew: 'Withdrew',
    historyGranted: 'Allowed',
    expired: 'expired',
    company: 'Account',
    deal: 'Deal',
    reporter: 'Filed by',
    received: 'Received',
    contact: 'Customer',
    fromSelection: 'from an email',
    requestConsent: 'Request consent',
    requests: 'Consent requests',
    issuedAt: (when) => `issued ${when}`,
    copyLink: 'Copy link',
    copyWithdrawLink: 'Copy withdrawal link',
    copied: 'Link copied.',
    copyFailed: 'Could not copy automatically. Select the link below and copy it.',
    openConsentPage: 'See what the customer sees',
    csvPurpose: 'Customer-voices',
    loadOlder: 'Load older customer voices',
    forgetKey: 'Forget API key',
    keyHeading: 'Enter an API key',
    keyLead: 'The inbox needs an API key for the receiver with the read scope (and issue, to request consent).',
    keyLabel: 'API key',
    keyHint: 'Open the link npm start printed, or paste a key made with npx koe-receiver keys create --name inbox --scope read,issue. The key is forgotten when this tab closes.',
    keySubmit: 'Show the inbox',
    keyRefused: 'This API key does not work: it was mistyped or has been revoked.',
    keyLacksScope: 'This API key may not read the inbox (it lacks the read scope).',
    csvHeader: ['Received', 'Customer voice', 'Kind', 'Tags', 'Channel', 'Account ID', 'Account', 'Customer', 'Title', 'Deal ID', 'Stage', 'Lead source', 'Filed by', 'Publication', 'Consent', 'ID'],
  },
};
