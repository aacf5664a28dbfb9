// Every environment variable the receiver reads, in one table: `--help` prints it and README's Deploy section
// mirrors it. A malformed value stops the start with a message naming the variable.
import { resolve } from 'node:path';
import { normalizeOrigin } from './cors.js';
import type { ReceiverOptions } from './index.js';
import type { ServerLimits } from './http-server.js';
import { parseRateLimit } from './rate-limit.js';

export const ENVIRONMENT: ReadonlyArray<{ name: string; default: string; what: string }> = [
  { name: 'PORT', default: '8787', what: 'TCP port to listen on (0 picks a free one).' },
  { name: 'HOST', default: '127.0.0.1', what: 'Address to bind; 0.0.0.0 or :: to accept connections from other machines.' },
  { name: 'KOE_DATA_DIR', default: '.koe-data', what: 'SQLite data dir (koe.sqlite; one receiver per dir). Ignored with KOE_DATABASE_URL.' },
  { name: 'KOE_DATABASE_URL', default: '(unset: SQLite)', what: 'postgres://user:password@host:5432/db to share one PostgreSQL database between instances.' },
  { name: 'KOE_DATABASE_POOL_SIZE', default: '10', what: 'PostgreSQL connections per instance.' },
  { name: 'KOE_ALLOWED_ORIGINS', default: '(none)', what: 'Comma list of origins whose pages may POST cross-origin (https://crm.example.com), or *.' },
  { name: 'KOE_PUBLIC_ORIGIN', default: 'http://localhost:PORT,http://127.0.0.1:PORT', what: "Comma list of this receiver's own public origin(s), treated as same-origin (never taken from the Host header)." },
  { name: 'KOE_HMAC_KEY', default: '(generated once, kept in the database)', what: 'Key that signs consent requests and withdrawal tokens; set the same value on every instance, or let the database hold it.' },
  { name: 'KOE_SEAL_KEY', default: '(generated once, kept in the database)', what: 'Ed25519 private key (PKCS#8 PEM from `openssl genpkey -algorithm ed25519`, or its DER in base64) that seals stored consent and signs receipts; its public key is published at GET /api/seal-keys.' },
  { name: 'KOE_RATE_LIMIT', default: '120/60', what: 'Unauthenticated writes per client address: N/seconds (120/60, 5/s, 300/min) or off.' },
  { name: 'KOE_TRUST_PROXY', default: '0', what: 'Number of proxies in front whose X-Forwarded-For entries are trusted (0: use the socket address).' },
  { name: 'KOE_INTAKE_REQUIRES_KEY', default: 'false', what: 'true: POST /api/intake needs a key with the intake scope (the element sends it through its headers provider).' },
  { name: 'KOE_MAX_BODY_BYTES', default: '262144', what: 'Largest request body accepted (413 beyond).' },
  { name: 'KOE_MAX_CONNECTIONS', default: '1024', what: 'Connections open at once; more are closed on arrival.' },
  { name: 'KOE_HEADERS_TIMEOUT_MS', default: '10000', what: 'Time allowed to send the request headers.' },
  { name: 'KOE_REQUEST_TIMEOUT_MS', default: '30000', what: 'Time allowed to send the whole request.' },
  { name: 'KOE_IDLE_TIMEOUT_MS', default: '15000', what: 'A connection that sends nothing for this long is closed.' },
];

export interface ServeConfig {
  port: number;
  host: string;
  receiver: ReceiverOptions;
  limits: ServerLimits;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name} must be a whole number${min ? ` ≥ ${min}` : ''}; got "${raw}".`);
  return Number(raw);
}

function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw || raw === 'false' || raw === '0' || raw === 'no') return false;
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  throw new Error(`${name} must be true or false; got "${env[name]}".`);
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function origins(env: Env, name: string, fallback: string[]): string[] {
  const values = list(env, name);
  return (values.length ? values : fallback).map((value) => {
    if (value === '*' && name === 'KOE_ALLOWED_ORIGINS') return value;
    const origin = normalizeOrigin(value);
    if (!origin) throw new Error(`${name} must list origins such as https://crm.example.com; "${value}" is not one.`);
    return origin;
  });
}

/** Where the data lives: SQLite dir, or the PostgreSQL URL (CLI commands use this too). */
export function storageConfig(env: Env): { dataDir: string; databaseUrl?: string; databasePoolSize: number } {
  const databaseUrl = env.KOE_DATABASE_URL?.trim();
  return {
    dataDir: resolve(env.KOE_DATA_DIR?.trim() || '.koe-data'),
    ...(databaseUrl ? { databaseUrl } : {}),
    databasePoolSize: integer(env, 'KOE_DATABASE_POOL_SIZE', 10, 1),
  };
}

export function serveConfig(env: Env): ServeConfig {
  const port = integer(env, 'PORT', 8787);
  if (port > 65535) throw new Error(`PORT must be at most 65535; got ${port}.`);
  const rateLimit = parseRateLimit(env.KOE_RATE_LIMIT ?? '120/60');
  const hmacKey = env.KOE_HMAC_KEY?.trim();
  const sealKey = env.KOE_SEAL_KEY?.trim();
  const storage = storageConfig(env);
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    receiver: {
      ...storage,
      allowedOrigins: origins(env, 'KOE_ALLOWED_ORIGINS', []),
      // Filled in with the real port once listening when PORT=0 (see cli.ts).
      publicOrigins: origins(env, 'KOE_PUBLIC_ORIGIN', [`http://localhost:${port}`, `http://127.0.0.1:${port}`]),
      maxBodyBytes: integer(env, 'KOE_MAX_BODY_BYTES', 256 * 1024, 1),
      ...(hmacKey ? { hmacKey } : {}),
      ...(sealKey ? { sealKey } : {}),
      rateLimit,
      trustProxyHops: integer(env, 'KOE_TRUST_PROXY', 0),
      intakeRequiresKey: flag(env, 'KOE_INTAKE_REQUIRES_KEY'),
    },
    limits: {
      maxConnections: integer(env, 'KOE_MAX_CONNECTIONS', 1024, 1),
      headersTimeoutMs: integer(env, 'KOE_HEADERS_TIMEOUT_MS', 10_000, 1),
      requestTimeoutMs: integer(env, 'KOE_REQUEST_TIMEOUT_MS', 30_000, 1),
      idleTimeoutMs: integer(env, 'KOE_IDLE_TIMEOUT_MS', 15_000, 1),
    },
  };
}

export function helpText(): string {
  const width = Math.max(...ENVIRONMENT.map((e) => e.name.length));
  const env = ENVIRONMENT.map((e) => `  ${e.name.padEnd(width)}  ${e.what}\n  ${' '.repeat(width)}  default: ${e.default}`).join('\n');
  return `koe-receiver: the Koe reference receiver (intake, consent, consent requests).

Usage:
  koe-receiver [serve]                                    run the receiver
  koe-receiver keys create --name <name> --scope <scopes>  make an API key (printed once, on the last line)
  koe-receiver keys list                                  list keys (never their secrets)
  koe-receiver keys revoke <id>                           revoke a key at once, on every instance
  koe-receiver import <dir>                               load .koe-data/*.jsonl from an earlier version (idempotent)
  koe-receiver verify                                     re-check every consent seal and request token; exit 1 and name
                                                          each row changed after it was written
  koe-receiver --help                                     this text

Scopes: read (GET /api/records, /api/feed, /api/consent-requests), issue (POST /api/consent-requests),
        intake (POST /api/intake when KOE_INTAKE_REQUIRES_KEY=true). Send keys as Authorization: Bearer <key>.
Public: GET /api/seal-keys, the JWK Set that verifies seals and the signed receipts (JWS, EdDSA).

Environment:
${env}
`;
}
