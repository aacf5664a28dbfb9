// Consent and withdrawal links: base64url JSON in the URL fragment (`#koe=`, `#koe-withdraw=`), so it never reaches server logs.
// Validation (zod) lives here; encoding and reading without it in link-codec.ts, which this module re-exports.
import * as z from 'zod/mini';
import { consentRequestSchema, localeSchema, type ConsentRequest } from '../core/schemas.js';
import { CONSENT_PARAM, fragmentParam, fromBase64Url, WITHDRAW_PARAM, type LinkResult } from './link-codec.js';

export * from './link-codec.js';

/** What a withdrawal link carries: the receipt it withdraws and the scopes that were granted. */
export const withdrawLinkSchema = z.object({
  receiptId: z.uuid(),
  requestId: z.string().check(z.minLength(1), z.maxLength(128)),
  token: z.optional(z.string().check(z.maxLength(512))),
  scopes: z.array(z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/))).check(z.minLength(1), z.maxLength(50)),
  termMonths: z.optional(z.number().check(z.int(), z.positive(), z.lte(120))),
  company: z.optional(z.string().check(z.maxLength(100))),
  locale: z.optional(localeSchema),
});
export type WithdrawLink = z.infer<typeof withdrawLinkSchema>;

/** Validates a request object (from a link or the `request` property); an expired one keeps its value for its locale and date. */
export function checkConsentRequest(value: unknown, now: number = Date.now()): LinkResult<ConsentRequest> {
  if (value == null) return { ok: false, reason: 'missing' };
  const parsed = consentRequestSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  if (Date.parse(parsed.data.expiresAt) <= now) return { ok: false, reason: 'expired', value: parsed.data };
  return { ok: true, value: parsed.data };
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

/** Reads a consent request from `#koe=<base64url JSON>` in `source` (default: location.hash). */
export function decodeConsentLink(source?: string, now: number = Date.now()): LinkResult<ConsentRequest> {
  const read = readFragment(CONSENT_PARAM, source);
  return read.ok ? checkConsentRequest(read.value, now) : read;
}

/** Validates a withdrawal object (from a link or the `withdraw` property). */
export function checkWithdrawLink(value: unknown): LinkResult<WithdrawLink> {
  if (value == null) return { ok: false, reason: 'missing' };
  const parsed = withdrawLinkSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'invalid' };
}

/** Reads a withdrawal link (`#koe-withdraw=<base64url JSON>`). */
export function decodeWithdrawLink(source?: string): LinkResult<WithdrawLink> {
  const read = readFragment(WITHDRAW_PARAM, source);
  return read.ok ? checkWithdrawLink(read.value) : read;
}
