// Strings shared by every element, in English.
import type { CommonStrings } from './common.js';

export const commonEn: CommonStrings = {
  sending: 'Sending…',
  queuedMemoryOnly: 'Could not send. It will be retried when the connection returns, but it could not be saved on this device, so closing this page will lose it.',
  required: 'Please fill this in.',
  tooLong: (max, count) => `Please keep this to ${max} characters (now ${count}).`,
  fixFields: (n) => `Please check ${n} field${n === 1 ? '' : 's'}.`,
  deliveryUnavailable: 'Sending could not be prepared. Check the connection and send again (what you entered is still here).',
};
