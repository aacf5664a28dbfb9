// Strings shared by every element, in Japanese.
import type { CommonStrings } from './common.js';

export const commonJa: CommonStrings = {
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
