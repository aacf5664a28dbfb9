// What a consent record must be to be stored: checked against the request it answers, field by field (a grant or a
// decline), or against the receipt it withdraws (a withdrawal). Pure: the route (api/consent.ts) reads what is stored
// and turns the first violation into a 422 whose `error` is the rule's code; `fields` lists every violation.
import { DEFAULT_REVIEW_DAYS, type ConsentRecord, type ConsentRequest } from '../core/schemas.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { safeEqual } from './signing.js';

/** Clocks differ: a request still counts as open this long after its expiresAt, by the receiver's clock. */
export const EXPIRY_SKEW_MS = 5 * 60 * 1000;

/** One broken rule: `code` names it (the element words it in the signer's language), `path` the field at fault. */
export interface Violation {
  code: ConsentRule;
  path: string;
  message: string;
}

export type ConsentRule =
  | 'request-not-issued'
  | 'request-token-mismatch'
  | 'request-hash-missing'
  | 'request-hash-mismatch'
  | 'request-expired'
  | 'scope-not-offered'
  | 'scope-answered-twice'
  | 'scope-unanswered'
  | 'decision-inconsistent'
  | 'term-mismatch'
  | 'review-mismatch'
  | 'review-window-mismatch'
  | 'signer-company-mismatch'
  | 'withdrawal-receipt-missing'
  | 'withdrawal-receipt-unknown'
  | 'withdrawal-other-request'
  | 'withdrawal-not-granted'
  | 'withdrawal-token-invalid'
  | 'withdrawal-signer-mismatch'
  | 'withdrawal-scopes-mismatch'
  | 'withdrawal-nothing-withdrawn';

const violation = (code: ConsentRule, path: string, message: string): Violation => ({ code, path, message });

/** A grant or decline against the request it answers, as issued (token, hash, expiry, scopes, term, review, company). */
export function answerViolations(record: ConsentRecord, request: ConsentRequest & { token: string }, now: Date): Violation[] {
  const found: Violation[] = [];
  if (!record.requestToken || !safeEqual(record.requestToken, request.token)) {
    found.push(violation('request-token-mismatch', 'requestToken', 'The consent request token does not match the issued request; the request was altered or forged.'));
  }
  if (record.requestSha256 === undefined) {
    found.push(violation('request-hash-missing', 'requestSha256', 'requestSha256 (the SHA-256 of the request as the signer saw it) is required.'));
  } else if (record.requestSha256 !== sha256Hex(canonicalJson(request))) {
    found.push(violation('request-hash-mismatch', 'requestSha256', 'The consent request shown to the signer differs from the one issued; it was altered.'));
  }
  const expiresAt = Date.parse(request.expiresAt);
  if (now.getTime() > expiresAt + EXPIRY_SKEW_MS) {
    found.push(violation('request-expired', 'requestId', `The consent request expired at ${request.expiresAt}; it can no longer be answered (receiver time ${now.toISOString()}).`));
  }
  found.push(...scopeViolations(record, request.scopes));
  if (record.term.months !== request.termMonths) {
    found.push(violation('term-mismatch', 'term.months', `term.months must be the request's term, ${request.termMonths}; got ${record.term.months}.`));
  }
  if (record.reviewBeforePublication !== request.reviewBeforePublication) {
    found.push(violation('review-mismatch', 'reviewBeforePublication', `reviewBeforePublication must be the request's, ${request.reviewBeforePublication}.`));
  }
  const window = request.reviewBeforePublication ? (request.reviewWindowBusinessDays ?? DEFAULT_REVIEW_DAYS) : undefined;
  if (record.reviewWindowBusinessDays !== window) {
    found.push(violation('review-window-mismatch', 'reviewWindowBusinessDays', `reviewWindowBusinessDays must be the request's, ${window ?? 'absent (no review)'}; got ${record.reviewWindowBusinessDays ?? 'none'}.`));
  }
  if (record.signer.company !== request.customer.company) {
    found.push(violation('signer-company-mismatch', 'signer.company', `signer.company must be the company the request was issued to, "${request.customer.company}".`));
  }
  return found;
}

/** Every offered scope answered exactly once, no other; a grant allows at least one, a decline none. */
function scopeViolations(record: ConsentRecord, offered: readonly string[]): Violation[] {
  const found: Violation[] = [];
  const seen = new Set<string>();
  record.scopes.forEach(({ id }, i) => {
    if (!offered.includes(id)) found.push(violation('scope-not-offered', `scopes.${i}.id`, `The request does not offer the scope "${id}".`));
    else if (seen.has(id)) found.push(violation('scope-answered-twice', `scopes.${i}.id`, `The scope "${id}" is answered more than once.`));
    seen.add(id);
  });
  for (const id of offered) {
    if (!seen.has(id)) found.push(violation('scope-unanswered', 'scopes', `The offered scope "${id}" is not answered; every offered scope must be, granted or not.`));
  }
  const anyGranted = record.scopes.some((s) => s.granted);
  if (record.decision === 'granted' && !anyGranted) found.push(violation('decision-inconsistent', 'decision', 'A grant must allow at least one scope; a record that allows none is a decline.'));
  if (record.decision === 'declined' && anyGranted) found.push(violation('decision-inconsistent', 'decision', 'A decline cannot allow a scope.'));
  return found;
}

/** What a withdrawal is checked against: the receipt it names (if stored) and what was withdrawn from it so far. */
export interface WithdrawalContext {
  original?: ConsentRecord;
  /** The token the receipt's grant was answered with (HMAC over its receiptId and requestId), when it exists. */
  expectedToken?: string;
  /** Scopes of the original already withdrawn by earlier withdrawals. */
  alreadyWithdrawn: ReadonlySet<string>;
}

/** A withdrawal: names a granted receipt of the same request, carries its token, by its signer, of scopes it granted. */
export function withdrawalViolations(record: ConsentRecord, { original, expectedToken }: WithdrawalContext): Violation[] {
  if (!record.withdrawsReceiptId) {
    return [violation('withdrawal-receipt-missing', 'withdrawsReceiptId', 'A withdrawal must name the receipt it withdraws (withdrawsReceiptId).')];
  }
  if (!original) return [violation('withdrawal-receipt-unknown', 'withdrawsReceiptId', `No consent with receipt ID ${record.withdrawsReceiptId} is stored here.`)];
  if (original.requestId !== record.requestId) {
    return [violation('withdrawal-other-request', 'requestId', `Receipt ${original.receiptId} answers another consent request, not "${record.requestId}".`)];
  }
  if (original.decision !== 'granted') {
    return [violation('withdrawal-not-granted', 'withdrawsReceiptId', `Receipt ${original.receiptId} is not a grant (it is ${original.decision}); there is nothing to withdraw.`)];
  }
  const found: Violation[] = [];
  if (!record.withdrawalToken || !expectedToken || !safeEqual(record.withdrawalToken, expectedToken)) {
    found.push(violation('withdrawal-token-invalid', 'withdrawalToken', 'The withdrawal token is missing or is not the one issued with this receipt; use the withdrawal link on the receipt.'));
  }
  if (record.signer.email.trim().toLowerCase() !== original.signer.email.trim().toLowerCase()) {
    found.push(violation('withdrawal-signer-mismatch', 'signer.email', 'The email address is not the one the consent was signed with.'));
  }
  // The link lists what was granted (or, made later, what still is): only scopes the receipt granted, each once.
  const granted = original.scopes.filter((s) => s.granted).map((s) => s.id);
  const listed = record.scopes.map((s) => s.id);
  if (new Set(listed).size !== listed.length || !listed.every((id) => granted.includes(id))) {
    found.push(violation('withdrawal-scopes-mismatch', 'scopes', `A withdrawal lists only scopes the receipt granted (${granted.join(', ')}), each once.`));
  }
  if (!record.scopes.some((s) => !s.granted)) {
    found.push(violation('withdrawal-nothing-withdrawn', 'scopes', 'A withdrawal must withdraw at least one scope (granted: false).'));
  }
  return found;
}

/** The scopes a valid withdrawal withdraws that were not withdrawn before (empty: it asks for nothing new). */
export function newlyWithdrawn(record: ConsentRecord, alreadyWithdrawn: ReadonlySet<string>): string[] {
  return record.scopes
    .filter((s) => !s.granted && !alreadyWithdrawn.has(s.id))
    .map((s) => s.id)
    .sort();
}
