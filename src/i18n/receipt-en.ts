// Strings of the consent receipt, in English.
import type { ReceiptStrings } from './receipt.js';

export const receiptEn: ReceiptStrings = {
  receiptGranted: 'Your consent has been received',
  receiptPartly: 'Your consent to some uses has been received',
  receiptDeclined: 'Your decision to decline has been received',
  receiptWithdrawn: 'Your withdrawal has been received',
  receiptKeep: 'Please print or download this receipt and keep it.',
  receiptId: 'Receipt ID',
  noticeHash: 'Fingerprint of the consent form (SHA-256)',
  signedAt: 'Signed at',
  allowedScopes: 'Allowed',
  deniedScopes: 'Not allowed',
  withdrawnScopes: 'Withdrawn',
  remainingScopes: 'Still allowed',
  none: 'None',
  constraintsShown: 'Conditions',
  howToWithdraw: 'How to withdraw',
  withdrawLink: 'Withdrawal page (keep this link)',
  download: 'Download receipt (JSON)',
  print: 'Print',
};
