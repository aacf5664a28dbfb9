// Strings of <koe-intake> and <koe-snippet>, one typed object per locale.
import type { Locale } from './locale.js';
import type { CHANNELS, PERMISSIONS, VOICE_KINDS } from '../core/schemas.js';

export interface IntakeStrings {
  formLabel: string;
  voiceLabel: string;
  voiceHint: (max: number) => string;
  kindLegend: string;
  kinds: Record<(typeof VOICE_KINDS)[number], string>;
  tagsLegend: string;
  tagsHint: string;
  tagsRequired: string;
  channelLabel: string;
  channels: Record<(typeof CHANNELS)[number], string>;
  permissionLabel: string;
  permissions: Record<(typeof PERMISSIONS)[number], string>;
  contactNameLabel: string;
  contactTitleLabel: string;
  companyNameLabel: string;
  reporterNameLabel: string;
  optional: string;
  contextLabel: string;
  contextCompany: (name: string) => string;
  contextDeal: (deal: string) => string;
  contextLeadSource: (source: string) => string;
  contextReporter: (name: string) => string;
  contextFromSelection: string;
  submit: string;
  resend: string;
  cancelEdit: string;
  cancel: string;
  submitShortcut: string;
  empty: string;
  editing: string;
  sentTitle: string;
  queuedTitle: string;
  fileAnother: string;
  cancelled: string;
  draftRestored: string;
  outboxLabel: string;
  outboxEmpty: string;
  tagsConfigInvalid: (reason: string) => string;
  snippetButton: string;
  snippetShortcut: string;
  snippetDialogTitle: string;
  snippetTargetMissing: (selector: string) => string;
  close: string;
}

export const intake: Record<Locale, IntakeStrings> = {
  ja: {
    formLabel: '顧客の声を登録',
    voiceLabel: 'お客様の言葉',
    voiceHint: (max) => `${max} 文字以内。お客様の発言はできるだけそのまま書いてください。`,
    kindLegend: '記録の種類',
    kinds: { quote: '発言そのまま', paraphrase: '要約', observation: '気づき' },
    tagsLegend: 'タグ（1 つ以上）',
    tagsHint: '矢印キーで移動、Space で選択。数字キー 1〜9 で直接選べます。',
    tagsRequired: 'タグを 1 つ以上選んでください。',
    channelLabel: '接点',
    channels: { meeting: '商談・打ち合わせ', call: '電話', email: 'メール', chat: 'チャット', support: 'サポート', event: 'イベント', other: 'その他' },
    permissionLabel: '公開の可否',
    permissions: { unknown: '未確認', 'internal-only': '社内のみ', 'anonymous-ok': '匿名なら可', 'named-ok': '社名・氏名の公開可' },
    contactNameLabel: 'お客様の氏名',
    contactTitleLabel: 'お客様の役職',
    companyNameLabel: '会社名',
    reporterNameLabel: 'あなたの氏名',
    optional: '任意',
    contextLabel: '記録先',
    contextCompany: (name) => `会社：${name}`,
    contextDeal: (deal) => `商談：${deal}`,
    contextLeadSource: (source) => `リード元：${source}`,
    contextReporter: (name) => `記録者：${name}`,
    contextFromSelection: '選択したテキストから作成',
    submit: '送信',
    resend: '修正して再送',
    cancelEdit: '修正をやめる',
    cancel: 'キャンセル',
    submitShortcut: 'Ctrl+Enter（Mac は ⌘+Enter）でどこからでも送信できます。',
    empty: 'お客様の言葉を入力してください。',
    editing: '送信先で受け付けられなかった内容を修正しています。',
    sentTitle: '送信しました。ありがとうございます。',
    queuedTitle: 'この端末に保存しました。接続が戻りしだい自動で送信します。',
    fileAnother: '続けて登録する',
    cancelled: '送信は取り消されました。',
    draftRestored: '前回の下書きを復元しました。',
    outboxLabel: '送信待ちの状況',
    outboxEmpty: '送信待ちはありません。',
    tagsConfigInvalid: (reason) => `タグの設定（tags プロパティ）に誤りがあります：${reason}`,
    snippetButton: 'お客様の声として保存',
    snippetShortcut: 'テキストを選んで Alt+Shift+V でも保存できます。',
    snippetDialogTitle: '選択したテキストを顧客の声として保存',
    snippetTargetMissing: (selector) => `for 属性の「${selector}」に当たる要素がページにありません。`,
    close: '閉じる',
  },
  en: {
    formLabel: 'File a customer voice',
    voiceLabel: 'The customer’s words',
    voiceHint: (max) => `Up to ${max} characters. Keep the customer’s wording where you can.`,
    kindLegend: 'What this is',
    kinds: { quote: 'Exact quote', paraphrase: 'Paraphrase', observation: 'Observation' },
    tagsLegend: 'Tags (at least one)',
    tagsHint: 'Arrow keys to move, Space to pick. Number keys 1–9 pick a tag directly.',
    tagsRequired: 'Please pick at least one tag.',
    channelLabel: 'Where you heard it',
    channels: { meeting: 'Meeting', call: 'Phone call', email: 'Email', chat: 'Chat', support: 'Support', event: 'Event', other: 'Other' },
    permissionLabel: 'May it be published?',
    permissions: { unknown: 'Not yet asked', 'internal-only': 'Internal only', 'anonymous-ok': 'Yes, anonymously', 'named-ok': 'Yes, with names' },
    contactNameLabel: 'Customer’s name',
    contactTitleLabel: 'Customer’s job title',
    companyNameLabel: 'Company',
    reporterNameLabel: 'Your name',
    optional: 'optional',
    contextLabel: 'Filed under',
    contextCompany: (name) => `Company: ${name}`,
    contextDeal: (deal) => `Deal: ${deal}`,
    contextLeadSource: (source) => `Lead source: ${source}`,
    contextReporter: (name) => `By: ${name}`,
    contextFromSelection: 'From selected text',
    submit: 'Send',
    resend: 'Resend',
    cancelEdit: 'Stop editing',
    cancel: 'Cancel',
    submitShortcut: 'Press Ctrl+Enter (⌘+Enter on a Mac) anywhere in the form to send.',
    empty: 'Type the customer’s words.',
    editing: 'You are editing a submission the destination did not accept.',
    sentTitle: 'Sent. Thank you.',
    queuedTitle: 'Saved on this device. It will be sent automatically when the connection returns.',
    fileAnother: 'File another',
    cancelled: 'Sending was cancelled.',
    draftRestored: 'Your previous draft was restored.',
    outboxLabel: 'Outbox',
    outboxEmpty: 'Nothing is waiting to send.',
    tagsConfigInvalid: (reason) => `The tag setting (the tags property) is not valid: ${reason}`,
    snippetButton: 'Save as customer voice',
    snippetShortcut: 'You can also select text and press Alt+Shift+V.',
    snippetDialogTitle: 'Save the selected text as a customer voice',
    snippetTargetMissing: (selector) => `Nothing on the page matches the for attribute “${selector}”.`,
    close: 'Close',
  },
};
