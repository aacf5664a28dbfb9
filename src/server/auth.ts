// API keys for reads and for issuing consent requests: `koe_<id>_<secret>`, shown once, stored as SHA-256 of
// the secret (the secret is 256 random bits, so a fast hash is enough), looked up by id on every request so a
// revocation holds at once on every instance.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http.js';
import type { ApiKey, Scope, Storage, StoredApiKey } from './store.js';

export const SCOPES: readonly Scope[] = ['read', 'issue', 'intake'];

export const SCOPE_HELP: Record<Scope, string> = {
  read: 'GET /api/records, /api/feed and /api/consent-requests',
  issue: 'POST /api/consent-requests',
  intake: 'POST /api/intake when KOE_INTAKE_REQUIRES_KEY is set',
};

/** "read,issue" → ['read', 'issue']; an unknown or empty list throws with the valid names. */
export function parseScopes(text: string): Scope[] {
  const scopes = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  const unknown = scopes.filter((s) => !SCOPES.includes(s as Scope));
  if (!scopes.length || unknown.length) {
    throw new Error(`Scopes must be a comma list of ${SCOPES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`);
  }
  return scopes as Scope[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A new key: the full secret (to show once) and what is stored. */
export function newApiKey(name: string, scopes: Scope[], now: Date): { key: string; stored: StoredApiKey } {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return {
    key: `koe_${id}_${secret}`,
    stored: { id, name, scopes, createdAt: now.toISOString(), revokedAt: null, secretSha256: sha256(secret) },
  };
}

const KEY_PATTERN = /^koe_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** The key a request presents, verified against storage; throws 401 (missing, unknown, revoked) or 403 (scope). */
export async function requireKey(req: IncomingMessage, storage: Storage, scope: Scope): Promise<ApiKey> {
  const header = req.headers.authorization;
  if (!header) throw unauthorized('missing', `This endpoint needs an API key with the "${scope}" scope: send Authorization: Bearer <key> (create one with \`koe-receiver keys create\`).`);
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  const parts = match ? KEY_PATTERN.exec(match[1]!) : null;
  if (!parts) throw unauthorized('invalid', 'The Authorization header must be "Bearer koe_…" with a key made by `koe-receiver keys create`.');
  const stored = await storage.findKey(parts[1]!);
  if (!stored || !sameHash(stored.secretSha256, sha256(parts[2]!))) throw unauthorized('invalid', 'This API key is not known to this receiver.');
  if (stored.revokedAt) throw unauthorized('revoked', 'This API key was revoked.');
  if (!stored.scopes.includes(scope)) {
    throw new HttpError(403, 'insufficient-scope', `This API key lacks the "${scope}" scope (it has: ${stored.scopes.join(', ')}).`, { scope }, {
      'WWW-Authenticate': `Bearer realm="koe", error="insufficient_scope", scope="${scope}"`,
    });
  }
  const { secretSha256: _hash, ...key } = stored;
  return key;
}

/** True when the request carries some Authorization header (then it is checked, never ignored). */
export function presentsKey(req: IncomingMessage): boolean {
  return req.headers.authorization !== undefined;
}

function unauthorized(reason: 'missing' | 'invalid' | 'revoked', message: string): HttpError {
  const error = reason === 'missing' ? '' : ', error="invalid_token"';
  return new HttpError(401, reason === 'missing' ? 'unauthorized' : `key-${reason}`, message, {}, { 'WWW-Authenticate': `Bearer realm="koe"${error}` });
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
