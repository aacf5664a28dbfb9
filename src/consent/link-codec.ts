// Consent and withdrawal links without validation (no zod): base64url JSON in the URL fragment, encoding and reading.
import type { ConsentRecord, ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import type { WithdrawLink } from './request-link.js';

export type { WithdrawLink };
export type LinkProblem = 'missing' | 'undecodable' | 'invalid' | 'expired';
export type LinkResult<T> = { ok: true; value: T } | { ok: false; reason: LinkProblem; value?: T };

export const CONSENT_PARAM = 'koe';
export const WITHDRAW_PARAM = 'koe-withdraw';

/** UTF-8 JSON → base64url without padding. */
export function toBase64Url(value: unknown): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify(value))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → parsed JSON; throws on anything that is not valid base64url, UTF-8 and JSON. */
export function fromBase64Url(text: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new SyntaxError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/** The value of `param` in a URL, a fragment (`#koe=…`) or the current location's fragment. */
export function fragmentParam(param: string, source?: string): string | undefined {
  const raw = source ?? (typeof location !== 'undefined' ? location.hash : '');
  const hash = raw.includes('#') ? raw.slice(raw.indexOf('#') + 1) : raw;
  return new URLSearchParams(hash).get(param)?.trim() || undefined;
}

function baseOf(base?: string): string {
  const href = base ?? (typeof location !== 'undefined' ? location.href : '');
  return href.split('#')[0] ?? '';
}

/** The consent link for `request`: `base` (default: this page) + `#koe=<base64url JSON>`. */
export function encodeConsentLink(request: ConsentRequest, base?: string): string {
  return `${baseOf(base)}#${CONSENT_PARAM}=${toBase64Url(request)}`;
}

/** The withdrawal link for a receipt: `base` (default: this page) + `#koe-withdraw=<base64url JSON>`. */
export function encodeWithdrawLink(info: WithdrawLink, base?: string): string {
  return `${baseOf(base)}#${WITHDRAW_PARAM}=${toBase64Url(info)}`;
}

/** The withdrawal link for a granted record (undefined when nothing was granted), so withdrawing is as easy as granting. */
export function withdrawLinkFor(r: ConsentRecord, locale: Locale, base?: string): string | undefined {
  const scopes = r.scopes.filter((x) => x.granted).map((x) => x.id);
  if (r.decision !== 'granted' || !scopes.length) return undefined;
  return encodeWithdrawLink(
    {
      receiptId: r.receiptId,
      requestId: r.requestId,
      ...(r.requestToken ? { token: r.requestToken } : {}),
      scopes,
      termMonths: r.term.months,
      ...(r.signer.company ? { company: r.signer.company } : {}),
      locale,
    },
    base,
  );
}
