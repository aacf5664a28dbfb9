// How a delivery went, in English: the consent form and the intake's outbox list.
import type { DeliveryStrings } from './delivery.js';

export const deliveryEn: DeliveryStrings = {
  sent: 'Sent.',
  queued: 'You are offline, so this was saved on this device. It will be sent automatically when the connection returns.',
  needsAttention: 'The destination did not accept this. Check it and resend, or discard it.',
  authRequired: 'The destination needs you to sign in. Sign in again, then resend.',
  serverSaid: (message) => `Message from the destination: ${message}`,
  discard: 'Discard',
};
