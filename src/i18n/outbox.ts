// Wording of the intake's outbox list, edit-and-resend and delivery warnings: rare views, fetched with src/intake/outbox-view.ts.
import type { DeliveryStrings } from './delivery.js';

export interface OutboxStrings extends DeliveryStrings {
  resend: string;
  cancelEdit: string;
  cancel: string;
  editing: string;
  outboxLabel: string;
  offlineSafetyOff: string;
  draftSaveFailed: string;
  outboxWaiting: (n: number) => string;
  outboxAttention: (n: number) => string;
  retryNow: string;
  editAndResend: string;
  discardConfirm: string;
  expiring: (n: number) => string;
  /** An item kept past the retention limit without being delivered (the outbox's verdict, not the receiver's). */
  expired: string;
}
