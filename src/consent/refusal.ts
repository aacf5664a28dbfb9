// The receiver's refusal of a consent record, worded for the signer: the rule it names (its answer's `error` code,
// src/server/consent-rules.ts) → a sentence in their language and what to do next. Fetched with its wording when a
// refusal arrives (consent-loaders.ts: refusalWording), never before.
import type { RefusalStrings } from '../i18n/refusal.js';

/** Reason for each rule code; codes not listed here get the general refusal message (the server's own words). */
const REASON: Record<string, keyof RefusalStrings> = {
  'request-expired': 'expired',
  'request-not-issued': 'notIssued',
  'request-token-mismatch': 'notIssued',
  'request-hash-missing': 'notIssued',
  'request-hash-mismatch': 'notIssued',
  'scope-not-offered': 'scopes',
  'scope-answered-twice': 'scopes',
  'scope-unanswered': 'scopes',
  'decision-inconsistent': 'decision',
  'term-mismatch': 'term',
  'review-mismatch': 'review',
  'review-window-mismatch': 'review',
  'signer-company-mismatch': 'company',
  'withdrawal-token-invalid': 'withdrawalLink',
  'withdrawal-receipt-missing': 'withdrawalLink',
  'withdrawal-receipt-unknown': 'withdrawalReceipt',
  'withdrawal-other-request': 'withdrawalReceipt',
  'withdrawal-not-granted': 'withdrawalReceipt',
  'withdrawal-signer-mismatch': 'withdrawalEmail',
  'withdrawal-scopes-mismatch': 'withdrawalScopes',
  'withdrawal-nothing-withdrawn': 'withdrawalScopes',
};

/** Reasons the signer fixes on this page: nothing to ask the sender for. */
const FIXABLE = new Set<keyof RefusalStrings>(['withdrawalEmail', 'withdrawalLink']);

/**
 * The sentence for a refusal the receiver named, or undefined for one it did not (the caller then shows the general
 * refusal with the receiver's own message). `email` is whom to ask: the request's contact, when known.
 */
export function refusalText(s: RefusalStrings, code: string | undefined, email: string | undefined): string | undefined {
  const contact = email ?? s.sender;
  if (code === 'consent-already-answered') return s.alreadyAnswered(contact);
  const reason = code ? REASON[code] : undefined;
  if (!reason) return undefined;
  const sentence = s[reason] as string;
  return FIXABLE.has(reason) ? sentence : `${sentence}${s.then(contact)}`;
}
