// How a delivery went, in Japanese: the consent form and the intake's outbox list.
import type { DeliveryStrings } from './delivery.js';

export const deliveryJa: DeliveryStrings = {
  sent: '送信しました。',
  queued: 'オフラインのため、この端末に保存しました。接続が戻りしだい自動で送信します。',
  needsAttention: '送信先で受け付けられませんでした。内容を確認して再送するか、破棄してください。',
  authRequired: '送信先での認証が必要です。ログインし直してから再送してください。',
  serverSaid: (message) => `送信先からのメッセージ：${message}`,
  discard: '破棄',
};
