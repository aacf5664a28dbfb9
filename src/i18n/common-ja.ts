// Strings shared by every element, in Japanese.
import type { CommonStrings } from './common.js';

export const commonJa: CommonStrings = {
  sending: '送信しています…',
  queuedMemoryOnly: '送信できませんでした。接続が戻りしだい再送しますが、端末に保存できないため、このページを閉じると失われます。',
  required: '入力してください。',
  tooLong: (max, count) => `${max} 文字以内で入力してください（現在 ${count} 文字）。`,
  fixFields: (n) => `${n} 件の項目を確認してください。`,
  deliveryUnavailable: '送信の準備ができませんでした。接続を確認して、もう一度送信してください（入力した内容はそのまま残っています）。',
};
