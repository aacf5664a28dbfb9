// Strings shared by every element, in Japanese.
import type { CommonStrings } from './common.js';

export const commonJa: CommonStrings = {
  configErrorTitle: '設定に誤りがあるため、送信できません',
  endpointMissing: '送信先（endpoint 属性）が設定されていません。管理者にお問い合わせください。',
  endpointInvalid: (value) => `送信先「${value}」は URL として読み取れません。`,
  endpointScheme: (scheme) => `送信先に「${scheme}」は使えません。https: の URL か、同じサイト内のパスを指定してください。`,
  endpointInsecure: (host) => `送信先「${host}」は暗号化されていない http: です。https: を使ってください（http: はこのパソコン上の localhost のみ可）。`,
  endpointCredentials: '送信先の URL にユーザー名やパスワードを含めないでください。',
  formatInvalid: (value) => `送信形式「${value}」には対応していません。json か cloudevents を指定してください。`,
  sending: '送信しています…',
  sent: '送信しました。',
  queued: 'オフラインのため、この端末に保存しました。接続が戻りしだい自動で送信します。',
  queuedMemoryOnly: '送信できませんでした。接続が戻りしだい再送しますが、端末に保存できないため、このページを閉じると失われます。',
  needsAttention: '送信先で受け付けられませんでした。内容を確認して再送するか、破棄してください。',
  authRequired: '送信先での認証が必要です。ログインし直してから再送してください。',
  serverSaid: (message) => `送信先からのメッセージ：${message}`,
  discard: '破棄',
  required: '入力してください。',
  tooLong: (max, count) => `${max} 文字以内で入力してください（現在 ${count} 文字）。`,
  invalidEmail: 'メールアドレスの形式が正しくありません。',
  fixFields: (n) => `${n} 件の項目を確認してください。`,
};
