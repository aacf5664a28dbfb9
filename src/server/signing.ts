// HMAC signing of consent requests, so a consent record can only answer a request this server issued.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './canonical.js';

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

/** The HMAC key: explicit, else KOE_HMAC_KEY, else one generated once and kept in dataDir/hmac.key (0600). */
export function loadHmacKey(dataDir: string, explicit?: string): string {
  const given = explicit ?? process.env.KOE_HMAC_KEY;
  if (given) return given;
  const file = join(dataDir, 'hmac.key');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  // 'wx' so two processes starting together never overwrite each other's key.
  try {
    writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
