// The server's seal on stored consent, and the signed receipt the customer keeps. Ed25519 from node:crypto:
// - a seal is a signature over the receive time and the canonical record, stored beside the row; `koe-receiver verify`
//   checks every one, so a row changed after it was written is found;
// - a receipt is a compact JWS (RFC 7515, alg EdDSA) whose payload is the Kantara Consent Receipt, verifiable offline
//   with the public key published at GET /api/seal-keys (a JWK Set; `kid` is the key's RFC 7638 thumbprint).
// The private key comes from KOE_SEAL_KEY or is generated once into the database's secrets table (never one
// instance's disk), as the consent-request HMAC key is, so every instance seals with the same key.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { SealKey, Storage } from './store.js';

/** The name under which a generated sealing key (PKCS#8 DER, base64url) is kept in the secrets table. */
export const SEAL_SECRET = 'consent-seal-ed25519';
/** Where the receiver publishes its sealing keys (a JWK Set); the element resolves it against its endpoint. */
export const SEAL_KEYS_PATH = '/api/seal-keys';

export interface Sealer {
  /** RFC 7638 thumbprint of the public key: the `kid` of receipts and the `keyId` of seals. */
  keyId: string;
  publicJwk: SealKey['publicJwk'];
  /** base64url Ed25519 signature of `content` (UTF-8). */
  sign(content: string): string;
}

/** What a seal signs: the receive time and the record, as canonical JSON (so key order and spacing never matter). */
export function sealedContent(receivedAt: string, record: unknown): string {
  return canonicalJson({ receivedAt, record, type: 'koe.consent.v1' });
}

/** The key pair from KOE_SEAL_KEY (PKCS#8 PEM, or its DER in base64) or the database; its public half is published. */
export async function loadSealer(storage: Pick<Storage, 'secret' | 'addSealKey'>, configured: string | undefined, now: Date): Promise<Sealer> {
  const privateKey = configured ? parsePrivateKey(configured, 'KOE_SEAL_KEY') : parsePrivateKey(await storage.secret(SEAL_SECRET, newPrivateKey), SEAL_SECRET);
  const sealer = sealerFor(privateKey);
  await storage.addSealKey({ id: sealer.keyId, publicJwk: sealer.publicJwk, createdAt: now.toISOString() });
  return sealer;
}

export function sealerFor(privateKey: KeyObject): Sealer {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  return { keyId: jwkThumbprint(publicJwk), publicJwk, sign: (content) => sign(null, Buffer.from(content, 'utf8'), privateKey).toString('base64url') };
}

/** A fresh Ed25519 private key as base64url PKCS#8 DER (what the secrets table keeps). */
function newPrivateKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url');
}

function parsePrivateKey(text: string, source: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, trimmed.includes('+') || trimmed.includes('/') ? 'base64' : 'base64url'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error(`${source} must be an Ed25519 private key: PKCS#8 PEM (openssl genpkey -algorithm ed25519) or its DER in base64.`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source} must be an Ed25519 key; got ${key.asymmetricKeyType}.`);
  return key;
}

/** RFC 7638: SHA-256 over the required members of the JWK, in lexicographic order, base64url. */
export function jwkThumbprint(jwk: SealKey['publicJwk']): string {
  return createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }), 'utf8').digest('base64url');
}

/** True when `signature` is `keyId`'s Ed25519 signature of `content`. */
export function verifySignature(publicJwk: SealKey['publicJwk'], content: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(content, 'utf8'), createPublicKey({ key: publicJwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** A compact JWS (EdDSA) of `payload`: base64url(header).base64url(JSON payload).base64url(signature). */
export function signJws(sealer: Sealer, payload: unknown): string {
  const header = { alg: 'EdDSA', kid: sealer.keyId, typ: 'JWT' };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${sealer.sign(input)}`;
}

/**
 * Checks a compact JWS against a JWK Set and returns its payload, or undefined when the signature does not hold.
 * This is all an offline verifier needs (README "Verifying a receipt"): node:crypto and the published keys.
 */
export function verifyJws(jws: string, keys: ReadonlyArray<SealKey['publicJwk'] & { kid?: string }>): unknown {
  const [header, payload, signature, extra] = jws.split('.');
  if (!header || !payload || !signature || extra !== undefined) return undefined;
  const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
  const key = keys.find((k) => (k.kid ?? jwkThumbprint(k)) === kid);
  if (alg !== 'EdDSA' || !key || !verifySignature(key, `${header}.${payload}`, signature)) return undefined;
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
