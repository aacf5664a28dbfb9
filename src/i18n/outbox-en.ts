// The intake's outbox list, edit-and-resend and delivery warnings, in English (fetched with the outbox view).
import { deliveryEn } from './delivery-en.js';
import type { OutboxStrings } from './outbox.js';

export const outboxEn: OutboxStrings = {
  ...deliveryEn,
  resend: 'Resend',
  cancelEdit: 'Stop editing',
  cancel: 'Cancel',
  editing: 'You are editing a submission the destination did not accept.',
  outboxLabel: 'Outbox',
  offlineSafetyOff:
    'This browser cannot store data on this device, so offline protection is off. Keep this page open until sending has finished.',
  draftSaveFailed: 'Your draft could not be saved (the device may be out of space). What you typed is still here.',
  outboxWaiting: (n) => `${n} waiting to send`,
  outboxAttention: (n) => `${n} need${n === 1 ? 's' : ''} attention`,
  retryNow: 'Retry now',
  editAndResend: 'Edit and resend',
  discardConfirm: 'Discard this submission? This cannot be undone.',
  expired: 'Not delivered before the storage limit. Resend it or discard it.',
  expiring: (n) => `${n} waiting submission${n === 1 ? ' is' : 's are'} close to the storage limit. Check your connection and resend.`,
};
