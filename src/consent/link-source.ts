// Which request or withdrawal <koe-consent> shows: its `request`/`withdraw` properties, else the link in the URL fragment.
// Loaded with the link rules (link-rules.ts); consent-link-controller.ts calls it and keeps the result.
import type { ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import { checkConsentRequest, checkWithdrawLink, decodeConsentLink, decodeWithdrawLink, fragmentParam, WITHDRAW_PARAM, type LinkProblem } from './consent-links.js';
import type { WithdrawLink } from './link-rules.js';

export type Problem = LinkProblem | 'insecure';

/** What the element shows: a request to sign, a withdrawal (with the request when the host gave it), or a problem. */
export interface LinkSource {
  request?: ConsentRequest;
  withdrawal?: WithdrawLink;
  problem?: Problem;
  /** The request as read even when unusable, so messages speak its language and name its expiry. */
  seen?: { locale?: Locale; expiresAt?: string };
}

export interface LinkInputs {
  mode: string;
  request?: unknown;
  withdraw?: unknown;
  /** The page's URL fragment. */
  hash: string;
  /** Whether the page is a secure context (SubtleCrypto, for the notice hash, needs one). */
  secure: boolean;
}

/** Withdraw mode when asked for, or when the page carries `#koe-withdraw=` and no request was set. */
export function resolveSource({ mode, request, withdraw, hash, secure }: LinkInputs): LinkSource {
  const withdrawing = mode === 'withdraw' || (request === undefined && fragmentParam(WITHDRAW_PARAM, hash) !== undefined);
  if (withdrawing) {
    const read = withdraw !== undefined ? checkWithdrawLink(withdraw) : decodeWithdrawLink(hash);
    if (!secure) return { problem: 'insecure', seen: read.value };
    if (!read.ok) return { problem: read.reason, seen: read.value };
    // A host may also set `request` in withdraw mode; it supplies the term and the contact.
    const known = request !== undefined ? checkConsentRequest(request).value : undefined;
    return { withdrawal: read.value, seen: read.value, ...(known ? { request: known } : {}) };
  }
  const read = request !== undefined ? checkConsentRequest(request) : decodeConsentLink(hash);
  // SubtleCrypto (the notice hash) exists only in secure contexts: refuse before showing a form.
  if (!secure) return { problem: 'insecure', seen: read.value };
  if (!read.ok) return { problem: read.reason, seen: read.value };
  return { request: read.value, seen: read.value };
}
