// Where the element's input comes from: the `request`/`withdraw` properties, else the URL fragment.
import type { ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import * as link from './request-link.js';

export type Problem = link.LinkProblem | 'insecure';

export interface Source {
  req?: ConsentRequest;
  wd?: link.WithdrawLink;
  problem?: Problem;
  /** The request as read even when unusable, so messages speak its language and name its expiry. */
  seen?: { locale?: Locale; expiresAt?: string };
}

interface Inputs {
  mode: string;
  request?: unknown;
  withdraw?: unknown;
  hash: string;
  secure: boolean;
}

/** Withdraw mode when asked for, or when the page carries `#koe-withdraw=` and no request was set. */
export function resolveSource({ mode, request, withdraw, hash, secure }: Inputs): Source {
  const withdrawing = mode === 'withdraw' || (request === undefined && link.fragmentParam(link.WITHDRAW_PARAM, hash) !== undefined);
  const result = withdrawing
    ? withdraw !== undefined
      ? link.checkWithdrawLink(withdraw)
      : link.decodeWithdrawLink(hash)
    : request !== undefined
      ? link.checkConsentRequest(request)
      : link.decodeConsentLink(hash);
  const seen = result.value;
  // SubtleCrypto (the notice hash) exists only in secure contexts: refuse before showing a form.
  if (!secure) return { problem: 'insecure', seen };
  if (!result.ok) return { problem: result.reason, seen };
  if (!withdrawing) return { req: result.value as ConsentRequest, seen };
  // A host may also set `request` in withdraw mode; it supplies the term and the contact.
  const known = request !== undefined ? link.checkConsentRequest(request).value : undefined;
  return { wd: result.value as link.WithdrawLink, seen, ...(known ? { req: known } : {}) };
}
