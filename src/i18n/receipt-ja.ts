// Strings of the consent receipt, in Japanese.
import type { ReceiptStrings } from './receipt.js';

export const receiptJa: ReceiptStrings = {
  receiptGranted: '同意を受け付けました',
  receiptPartly: '一部の項目について同意を受け付けました',
  receiptDeclined: 'お断りのご回答を受け付けました',
  receiptWithdrawn: '同意の撤回を受け付けました',
  receiptKeep: 'この受領証は、印刷するかダウンロードして保管してください。',
  receiptId: '受付番号',
  noticeHash: '同意書の指紋（SHA-256）',
  signedAt: '署名日時',
  allowedScopes: '許可した項目',
  deniedScopes: '許可しなかった項目',
  withdrawnScopes: '撤回した項目',
  remainingScopes: '引き続き許可する項目',
  none: 'なし',
  constraintsShown: 'ご要望',
  howToWithdraw: '撤回の方法',
  withdrawLink: '撤回用のページ（このリンクを保管してください）',
  download: '受領証をダウンロード（JSON）',
  print: '印刷する',
};
