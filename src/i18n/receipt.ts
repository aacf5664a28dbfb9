// Strings of the receipt <koe-consent> shows after sending, one typed object per locale (loaded with the signing code).
import type { Locale } from './locale.js';
import { receiptJa } from './receipt-ja.js';
import { receiptEn } from './receipt-en.js';

export interface ReceiptStrings {
  receiptGranted: string;
  receiptPartly: string;
  receiptDeclined: string;
  receiptWithdrawn: string;
  receiptKeep: string;
  receiptId: string;
  noticeHash: string;
  signedAt: string;
  allowedScopes: string;
  deniedScopes: string;
  withdrawnScopes: string;
  remainingScopes: string;
  none: string;
  constraintsShown: string;
  howToWithdraw: string;
  withdrawLink: string;
  download: string;
  print: string;
  /** Queued: the receiver gives the withdrawal token with its answer. */
  withdrawLinkPending: string;
  alreadyWithdrawn: (receiptId: string) => string;
  receivedAt: string;
  sealTitle: string;
  sealKey: string;
  sealSignature: string;
  verifyWith: string;
  verifyHint: string;
  // The printed receipt (receipt-print.ts).
  printTitle: string;
  printDecision: string;
  decisions: { granted: string; partly: string; declined: string; withdrawn: string };
  declineReason: string;
  signerHeading: string;
  signerName: string;
  signerTitle: string;
  signerCompany: string;
  signerEmail: string;
  signature: string;
  drawnSignature: string;
  intent: string;
  noticeHeading: string;
  notSealedYet: string;
}

/** Both locales, for code that needs either at once; the element loads the one it shows. */
export const receiptStrings: Record<Locale, ReceiptStrings> = { ja: receiptJa, en: receiptEn };
