// Strings shared by every element, in English.
import type { CommonStrings } from './common.js';

export const commonEn: CommonStrings = {
  sending: 'Sending…',
  sent: 'Sent.',
  queued: 'You are offline, so this was saved on this device. It will be sent automatically when the connection returns.',
  queuedMemoryOnly: 'Could not send. It will be retried when the connection returns, but it could not be saved on this device, so closing this page will lose it.',
  needsAttention: 'The destination did not accept this. Check it and resend, or discard it.',
  authRequired: 'The destination needs you to sign in. Sign in again, then resend.',
  serverSaid: (message) => `Message from the destination: ${message}`,
  discard: 'Discard',
  required: 'Please fill this in.',
  tooLong: (max, count) => `Please keep this to ${max} characters (now ${count}).`,
  invalidEmail: 'This email address does not look right.',
  fixFields: (n) => `Please check ${n} field${n === 1 ? '' : 's'}.`,
};
