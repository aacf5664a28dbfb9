// Consent and withdrawal links, both ways: base64url JSON in the URL fragment (`#koe=`, `#koe-withdraw=`), so it never
// reaches server logs. Encoding (for the inbox and the receipt) and decoding with validation (for <koe-consent>) live here.
import * as z from 'zod/mini';
import { consentRequestSchema, localeSchema, type ConsentRecord, type ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';

export const CONSENT_PARAM = 'koe';
export const WITHDRAW_PARAM = 'koe-withdraw';

export type LinkProblem = 'missing' | 'undecodable' | 'invalid' | 'expired';
/** A decoded link: its value, or why it cannot be used (an expired request keeps its value, for its language and date). */
export type LinkResult<T> = { ok: true; value: T } | { ok: false; reason: LinkProblem; value?: T };

/** What a withdrawal link carries: the receipt it withdraws, its withdrawal token (the receiver's), the scopes that were granted. */
/** A link is checked once per page: zod's compiled fast path (built on the first parse) would cost more than it saves. */
const ONE_PARSE = { jitless: true };

/** Built when first used, as the wire schemas are (core/schemas.ts). */
export const withdrawLinkSchema = z.lazy(() =>
  z.object({
    receiptId: z.uuid(),
    requestId: z.string().check(z.minLength(1), z.maxLength(128)),
    withdrawalToken: z.optional(z.string().check(z.maxLength(512))),
    scopes: z.array(z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/))).check(z.minLength(1), z.maxLength(50)),
    termMonths: z.optional(z.number().check(z.int(), z.positive(), z.lte(120))),
    company: z.optional(z.string().check(z.maxLength(100))),
    locale: z.optional(localeSchema),
  }),
);
export type WithdrawLink = z.infer<typeof withdrawLinkSchema>;

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
  const parsed = consentRequestSchema.safeParse(value, ONE_PARSE);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  if (Date.parse(parsed.data.expiresAt) <= now) return { ok: false, reason: 'expired', value: parsed.data };
  return { ok: true, value: parsed.data };
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
  const parsed = withdrawLinkSchema.safeParse(value, ONE_PARSE);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'invalid' };
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
