// Strings shared by every element: configuration errors, delivery and storage states.
import type { Locale } from './locale.js';

export interface CommonStrings {
  configErrorTitle: string;
  endpointMissing: string;
  endpointInvalid: (value: string) => string;
  endpointScheme: (scheme: string) => string;
  endpointInsecure: (host: string) => string;
  formatInvalid: (value: string) => string;
  offlineSafetyOff: string;
  draftSaveFailed: string;
  sending: string;
  sent: string;
  queued: string;
  queuedMemoryOnly: string;
  retryScheduled: (when: string) => string;
  needsAttention: string;
  authRequired: string;
  serverSaid: (message: string) => string;
  outboxWaiting: (n: number) => string;
  outboxAttention: (n: number) => string;
  retryNow: string;
  editAndResend: string;
  discard: string;
  discardConfirm: string;
  expiring: (n: number) => string;
  required: string;
  tooLong: (max: number, count: number) => string;
  characterCount: (count: number, max: number) => string;
  invalidEmail: string;
  fixFields: (n: number) => string;
}

export const common: Record<Locale, CommonStrings> = {
  ja: {
    configErrorTitle: '設定に誤りがあるため、送信できません',
    endpointMissing: '送信先（endpoint 属性）が設定されていません。管理者にお問い合わせください。',
    endpointInvalid: (value) => `送信先「${value}」は URL として読み取れません。`,
    endpointScheme: (scheme) => `送信先に「${scheme}」は使えません。https: の URL か、同じサイト内のパスを指定してください。`,
    endpointInsecure: (host) => `送信先「${host}」は暗号化されていない http: です。https: を使ってください（http: はこのパソコン上の localhost のみ可）。`,
    formatInvalid: (value) => `送信形式「${value}」には対応していません。json か cloudevents を指定してください。`,
    offlineSafetyOff:
      'このブラウザでは端末内に保存できないため、オフライン時の保護が無効です。送信が完了するまで、このページを閉じないでください。',
    draftSaveFailed: '下書きを保存できませんでした（端末の空き容量が不足している可能性があります）。入力内容はこの画面に残っています。',
    sending: '送信しています…',
    sent: '送信しました。',
    queued: 'オフラインのため、この端末に保存しました。接続が戻りしだい自動で送信します。',
    queuedMemoryOnly: '送信できませんでした。接続が戻りしだい再送しますが、端末に保存できないため、このページを閉じると失われます。',
    retryScheduled: (when) => `送信できませんでした。${when}に自動で再送します。`,
    needsAttention: '送信先で受け付けられませんでした。内容を確認して再送するか、破棄してください。',
    authRequired: '送信先での認証が必要です。ログインし直してから再送してください。',
    serverSaid: (message) => `送信先からのメッセージ：${message}`,
    outboxWaiting: (n) => `送信待ち ${n} 件`,
    outboxAttention: (n) => `要対応 ${n} 件`,
    retryNow: '今すぐ再送',
    editAndResend: '修正して再送',
    discard: '破棄',
    discardConfirm: 'この送信内容を破棄します。元に戻せません。よろしいですか？',
    expiring: (n) => `${n} 件の送信待ちが、まもなく保存期限を迎えます。接続を確認して再送してください。`,
    required: '入力してください。',
    tooLong: (max, count) => `${max} 文字以内で入力してください（現在 ${count} 文字）。`,
    characterCount: (count, max) => `${count} / ${max} 文字`,
    invalidEmail: 'メールアドレスの形式が正しくありません。',
    fixFields: (n) => `${n} 件の項目を確認してください。`,
  },
  en: {
    configErrorTitle: 'This form cannot send because of a configuration problem',
    endpointMissing: 'No destination (the endpoint attribute) is set. Please contact your administrator.',
    endpointInvalid: (value) => `The destination “${value}” is not a valid URL.`,
    endpointScheme: (scheme) => `“${scheme}” cannot be used as a destination. Use an https: URL or a path on this site.`,
    endpointInsecure: (host) => `The destination “${host}” uses unencrypted http:. Use https: (plain http: is allowed only for localhost).`,
    formatInvalid: (value) => `The format “${value}” is not supported. Use json or cloudevents.`,
    offlineSafetyOff:
      'This browser cannot store data on this device, so offline protection is off. Keep this page open until sending has finished.',
    draftSaveFailed: 'Your draft could not be saved (the device may be out of space). What you typed is still here.',
    sending: 'Sending…',
    sent: 'Sent.',
    queued: 'You are offline, so this was saved on this device. It will be sent automatically when the connection returns.',
    queuedMemoryOnly: 'Could not send. It will be retried when the connection returns, but it could not be saved on this device, so closing this page will lose it.',
    retryScheduled: (when) => `Could not send. It will be retried automatically ${when}.`,
    needsAttention: 'The destination did not accept this. Check it and resend, or discard it.',
    authRequired: 'The destination needs you to sign in. Sign in again, then resend.',
    serverSaid: (message) => `Message from the destination: ${message}`,
    outboxWaiting: (n) => `${n} waiting to send`,
    outboxAttention: (n) => `${n} need${n === 1 ? 's' : ''} attention`,
    retryNow: 'Retry now',
    editAndResend: 'Edit and resend',
    discard: 'Discard',
    discardConfirm: 'Discard this submission? This cannot be undone.',
    expiring: (n) => `${n} waiting submission${n === 1 ? ' is' : 's are'} close to the storage limit. Check your connection and resend.`,
    required: 'Please fill this in.',
    tooLong: (max, count) => `Please keep this to ${max} characters (now ${count}).`,
    characterCount: (count, max) => `${count} / ${max} characters`,
    invalidEmail: 'This email address does not look right.',
    fixFields: (n) => `Please check ${n} field${n === 1 ? '' : 's'}.`,
  },
};
