// Signing, loaded when the signer first sends: the record, its hashes, the receipt view and the withdrawal link.
export { buildConsentRecord, buildWithdrawRecord, choiceErrors } from './record.js';
export { canonicalJson, sha256Hex } from './notice-hash.js';
export { downloadReceipt, renderReceipt } from './receipt-view.js';
export { withdrawLinkFor } from './link-codec.js';
