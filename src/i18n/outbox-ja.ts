// The intake's outbox list, edit-and-resend and delivery warnings, in Japanese (fetched with the outbox view).
import { deliveryJa } from './delivery-ja.js';
import type { OutboxStrings } from './outbox.js';

export const outboxJa: OutboxStrings = {
  ...deliveryJa,
  resend: '修正して再送',
  cancelEdit: '修正をやめる',
  cancel: 'キャンセル',
  editing: '送信先で受け付けられなかった内容を修正しています。',
  outboxLabel: '送信待ちの状況',
  offlineSafetyOff:
    'このブラウザでは端末内に保存できないため、オフライン時の保護が無効です。送信が完了するまで、このページを閉じないでください。',
  draftSaveFailed: '下書きを保存できませんでした（端末の空き容量が不足している可能性があります）。入力内容はこの画面に残っています。',
  outboxWaiting: (n) => `送信待ち ${n} 件`,
  outboxAttention: (n) => `要対応 ${n} 件`,
  retryNow: '今すぐ再送',
  editAndResend: '修正して再送',
  discardConfirm: 'この送信内容を破棄します。元に戻せません。よろしいですか？',
  expired: '保存期限までに送信できませんでした。再送するか、破棄してください。',
  expiring: (n) => `${n} 件の送信待ちが、まもなく保存期限を迎えます。接続を確認して再送してください。`,
};
