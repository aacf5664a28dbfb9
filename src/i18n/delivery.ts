// How a delivery went (sent, kept on this device, refused): shown by the consent form and the intake's outbox list.

export interface DeliveryStrings {
  sent: string;
  queued: string;
  needsAttention: string;
  authRequired: string;
  serverSaid: (message: string) => string;
  discard: string;
}
