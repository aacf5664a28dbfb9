// Signing, fetched when the signer starts filling in the form: the record (built, hashed and checked: consent-record.ts),
// the receipt view and the withdrawal link the receipt offers.
export { signRecord } from './consent-record.js';
export { downloadReceipt, renderReceipt } from './receipt-view.js';
export { withdrawLinkFor } from './consent-links.js';
