// HMAC signing of consent requests, so a consent record can only answer a request this server issued.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { Storage } from './store.js';

/** base64url(HMAC-SHA256(key, canonicalJson(request without `token`))). */
export function consentRequestToken(request: object, key: string): string {
  const { token: _omit, ...unsigned } = request as Record<string, unknown>;
  return createHmac('sha256', key).update(canonicalJson(unsigned), 'utf8').digest('base64url');
}

/** Returns a copy of `request` carrying its token; the token covers every other field. */
export function signConsentRequest<T extends object>(request: T, key: string): T & { token: string } {
  return { ...request, token: consentRequestToken(request, key) };
}

/** Constant-time string comparison (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when `request.token` matches the rest of the request under `key`. */
export function verifyConsentRequest(request: object, key: string): boolean {
  const token = (request as { token?: unknown }).token;
  return typeof token === 'string' && safeEqual(token, consentRequestToken(request, key));
}

/** The name under which the consent-request HMAC key is kept in the database's secrets table. */
export const HMAC_SECRET = 'consent-request-hmac';

/**
 * The HMAC key every instance signs with: the configured one (KOE_HMAC_KEY), else one generated once and kept in
 * the database, never on one instance's disk, so a request issued by any instance is accepted by all of them.
 */
export function consentRequestKey(storage: Pick<Storage, 'secret'>, configured?: string): Promise<string> {
  if (configured) return Promise.resolve(configured);
  return storage.secret(HMAC_SECRET, () => randomBytes(32).toString('base64url'));
}

/**
 * The withdrawal token of a granted receipt: base64url(HMAC-SHA256(key, "koe-withdrawal", receiptId, requestId)).
 * The 201 for a grant returns it and the receipt's withdrawal link carries it; a withdrawal must present it, so only
 * whoever holds the receipt can withdraw. Same key as consent requests (environment or database), another message
 * shape, so neither kind of token can stand in for the other.
 */
export function withdrawalToken(receiptId: string, requestId: string, key: string): string {
  return createHmac('sha256', key).update(`koe-withdrawal\n${receiptId}\n${requestId}`, 'utf8').digest('base64url');
}
