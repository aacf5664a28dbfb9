// Consent and withdrawal links, both ways: base64url JSON in the URL fragment (`#koe=`, `#koe-withdraw=`), so it never
// reaches server logs. Encoding (for the inbox and the receipt) and decoding with validation (for <koe-consent>) live here.
import type { ConsentRecord, ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import { readConsentRequest, readWithdrawLink, type WithdrawLink } from './link-rules.js';

export const CONSENT_PARAM = 'koe';
export const WITHDRAW_PARAM = 'koe-withdraw';

export type LinkProblem = 'missing' | 'undecodable' | 'invalid' | 'expired';
/** A decoded link: its value, or why it cannot be used (an expired request keeps its value, for its language and date). */
export type LinkResult<T> = { ok: true; value: T } | { ok: false; reason: LinkProblem; value?: T };

// ---- the encoding: UTF-8 JSON as base64url ----

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

/** The page a link points at: `base` (default: this page) without its fragment. */
function pageOf(base?: string): string {
  const href = base ?? (typeof location !== 'undefined' ? location.href : '');
  return href.split('#')[0] ?? '';
}

// ---- consent links ----

/** The consent link for `request`: `base` (default: this page) + `#koe=<base64url JSON>`. */
export function encodeConsentLink(request: ConsentRequest, base?: string): string {
  return `${pageOf(base)}#${CONSENT_PARAM}=${toBase64Url(request)}`;
}

/** Validates a request object (from a link or the `request` property); an expired one keeps its value for its locale and date. */
export function checkConsentRequest(value: unknown, now: number = Date.now()): LinkResult<ConsentRequest> {
  if (value == null) return { ok: false, reason: 'missing' };
  const request = readConsentRequest(value);
  if (!request) return { ok: false, reason: 'invalid' };
  if (Date.parse(request.expiresAt) <= now) return { ok: false, reason: 'expired', value: request };
  return { ok: true, value: request };
}

/** Reads a consent request from `#koe=<base64url JSON>` in `source` (default: location.hash). */
export function decodeConsentLink(source?: string, now: number = Date.now()): LinkResult<ConsentRequest> {
  const read = readFragment(CONSENT_PARAM, source);
  return read.ok ? checkConsentRequest(read.value, now) : read;
}

// ---- withdrawal links ----

/** The withdrawal link for a receipt: `base` (default: this page) + `#koe-withdraw=<base64url JSON>`. */
export function encodeWithdrawLink(info: WithdrawLink, base?: string): string {
  return `${pageOf(base)}#${WITHDRAW_PARAM}=${toBase64Url(info)}`;
}

/**
 * The withdrawal link for a granted record, with the withdrawal token the receiver returned for it (undefined when
 * nothing was granted, or the token has not come yet), so withdrawing is as easy as granting.
 */
export function withdrawLinkFor(record: ConsentRecord, locale: Locale, withdrawalToken: string | undefined, base?: string): string | undefined {
  const scopes = record.scopes.filter((scope) => scope.granted).map((scope) => scope.id);
  if (record.decision !== 'granted' || !scopes.length || !withdrawalToken) return undefined;
  const info: WithdrawLink = {
    receiptId: record.receiptId,
    requestId: record.requestId,
    withdrawalToken,
    scopes,
    termMonths: record.term.months,
    ...(record.signer.company ? { company: record.signer.company } : {}),
    locale,
  };
  return encodeWithdrawLink(info, base);
}

/** Validates a withdrawal object (from a link or the `withdraw` property). */
export function checkWithdrawLink(value: unknown): LinkResult<WithdrawLink> {
  if (value == null) return { ok: false, reason: 'missing' };
  const withdrawal = readWithdrawLink(value);
  return withdrawal ? { ok: true, value: withdrawal } : { ok: false, reason: 'invalid' };
}

/** Reads a withdrawal link (`#koe-withdraw=<base64url JSON>`) in `source` (default: location.hash). */
export function decodeWithdrawLink(source?: string): LinkResult<WithdrawLink> {
  const read = readFragment(WITHDRAW_PARAM, source);
  return read.ok ? checkWithdrawLink(read.value) : read;
}

/** The decoded JSON of a fragment parameter, before any schema check. */
function readFragment(param: string, source?: string): { ok: true; value: unknown } | { ok: false; reason: 'missing' | 'undecodable' } {
  const encoded = fragmentParam(param, source);
  if (!encoded) return { ok: false, reason: 'missing' };
  try {
    return { ok: true, value: fromBase64Url(encoded) };
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
}
