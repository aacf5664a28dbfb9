// The reference receiver: a plain Node (req, res, next?) handler for /api/* — no framework.
// Storage is SQLite under the data dir (one receiver process per dir) or PostgreSQL (any number of instances).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsentRequest } from '../core/schemas.js';
import { apiRoutes, issueConsentRequest, type ApiDeps, type Services } from './api/index.js';
import { newApiKey } from './auth.js';
import { FaultController } from './faults.js';
import { rateLimiterFor, type RateLimit } from './rate-limit.js';
import { createEmbedPages, type EmbedPages } from './embed-pages.js';
import { createRouter, type Logger, type Route } from './router.js';
import { loadSealer } from './seal.js';
import { consentRequestKey } from './signing.js';
import type { RecordKind, Scope, StoredLine } from './store.js';
import { isPostgresUrl, openStorage } from './storage/open.js';

export { canonicalJson, sha256Hex } from './canonical.js';
export { signConsentRequest, verifyConsentRequest, consentRequestToken, withdrawalToken } from './signing.js';
export { verifyJws, jwkThumbprint, sealedContent, SEAL_KEYS_PATH } from './seal.js';
export { EXPIRY_SKEW_MS, type ConsentRule, type Violation } from './consent-rules.js';
export { FaultController } from './faults.js';
export { createReceiverServer, type ServerLimits } from './http-server.js';
export { DataDirLockedError } from './storage/data-dir-lock.js';
export { MissingDriverError } from './storage/open.js';
export type { FaultPlan, FaultAction, Hit } from './faults.js';
export type { StoredLine, RecordKind, Scope } from './store.js';
export type { Route, RouteContext, Logger } from './router.js';
export type { RateLimit } from './rate-limit.js';

/** Unauthenticated element writes per client address: 120 a minute, refilled evenly (2 a second). */
export const DEFAULT_RATE_LIMIT: RateLimit = { max: 120, windowSeconds: 60 };

export interface ReceiverOptions {
  /** SQLite data dir (koe.sqlite, receiver.lock). Default `.koe-data`. Unused with `databaseUrl`. */
  dataDir?: string;
  /** postgres://… to store in PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** PostgreSQL connections per instance. Default 10. */
  databasePoolSize?: number;
  /** Origins allowed cross-origin (exact `scheme://host:port`, or '*'). */
  allowedOrigins?: string[];
  /** This receiver's own public origin(s): pages served from there are same-origin. A function is asked per request. */
  publicOrigins?: readonly string[] | (() => readonly string[]);
  /** Largest accepted request body. Default 256 KiB. */
  maxBodyBytes?: number;
  /** HMAC key for consent requests and withdrawal tokens. Default: one generated once and kept in the database. */
  hmacKey?: string;
  /** Ed25519 private key (PKCS#8 PEM, or its DER in base64) that seals consent and signs receipts. Default: generated once into the database. */
  sealKey?: string;
  /** Unauthenticated writes per client; false switches the limit off. Default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimit | false;
  /** Proxies in front whose X-Forwarded-For entries are trusted. Default 0 (the socket address). */
  trustProxyHops?: number;
  /** POST /api/intake requires a key with the `intake` scope. */
  intakeRequiresKey?: boolean;
  /** Extra routes served beside the API (e.g. embed pages), matched before `next()`. */
  routes?: Route[];
  logger?: Logger;
  now?: () => Date;
}

export interface Receiver {
  /** Node/connect handler: answers /api/* (and extra routes), calls `next()` for anything else (404 without `next`). */
  handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  /** Resolves once the database is open and migrated (`handle` waits for it on its own). */
  ready: Promise<void>;
  /** Fault injection for tests; in-process only. */
  faults: FaultController;
  dataDir: string;
  engine: 'sqlite' | 'postgres';
  /** Every stored record of one kind, newest first (tests; reads page by page). */
  records(kind: RecordKind): Promise<StoredLine[]>;
  /** Issues and stores a signed consent request, as POST /api/consent-requests does. */
  issueConsentRequest(input: Partial<ConsentRequest>): Promise<ConsentRequest & { token: string }>;
  /** Creates an API key, as `koe-receiver keys create` does (the key is returned once); optionally revokes older keys of that name. */
  createKey(name: string, scopes: Scope[], options?: { replaceSameName?: boolean }): Promise<{ id: string; key: string }>;
  /** Resolves when every request being handled now has been answered. */
  settled(): Promise<void>;
  /** Deletes all records and consent requests, clears faults and hits (tests only). */
  reset(): Promise<void>;
  /** Waits for requests in progress, closes the database and releases the data-dir lock. */
  close(): Promise<void>;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error ?? ''),
};

/**
 * Creates the receiver. On SQLite the data-dir lock is taken here, synchronously: a second receiver on the same
 * dir throws DataDirLockedError before reading anything. The database opens in the background (`ready`).
 */
export function createReceiver(options: ReceiverOptions = {}): Receiver {
  const dataDir = options.dataDir ?? '.koe-data';
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? consoleLogger;
  const faults = new FaultController(now);
  const opened = openStorage({ dataDir, databaseUrl: options.databaseUrl, serve: true, poolSize: options.databasePoolSize });
  const services: Promise<Services> = opened.storage.then(async (storage) => ({
    storage,
    hmacKey: await consentRequestKey(storage, options.hmacKey),
    sealer: await loadSealer(storage, options.sealKey, now()),
  }));
  const ready = services.then(({ storage }) => hintAtJsonl(storage, dataDir, logger));
  ready.catch(() => undefined); // reported to whoever awaits `ready`, and as 503s to requests

  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const deps: ApiDeps = {
    services,
    faults,
    now,
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    ...(rateLimit ? { rateLimiter: rateLimiterFor(rateLimit, () => now().getTime(), services) } : {}),
    intakeRequiresKey: options.intakeRequiresKey ?? false,
    trustProxyHops: options.trustProxyHops ?? 0,
  };
  const publicOrigins = options.publicOrigins;
  const router = createRouter({
    routes: [...(options.routes ?? []), embedPageRoute(createEmbedPages({ parentOrigins: options.allowedOrigins ?? [] })), ...apiRoutes(deps)],
    allowedOrigins: options.allowedOrigins ?? [],
    publicOrigins: typeof publicOrigins === 'function' ? publicOrigins : () => publicOrigins ?? [],
    faults,
    now,
    logger,
  });
  const inProgress = new Set<Promise<void>>();
  let closing: Promise<void> | undefined;

  return {
    handle(req, res, next) {
      const answered = router.handle(req, res, next);
      if (!answered) return;
      inProgress.add(answered);
      void answered.finally(() => inProgress.delete(answered));
    },
    ready: ready.then(() => undefined),
    faults,
    dataDir,
    engine: isPostgresUrl(options.databaseUrl) ? 'postgres' : 'sqlite',
    async records(kind) {
      const { storage } = await services;
      const lines: StoredLine[] = [];
      let after;
      do {
        const page = await storage.list({ kind, limit: 200, ...(after ? { after } : {}) });
        lines.push(...page.items);
        after = page.next;
      } while (after);
      return lines;
    },
    issueConsentRequest: async (input) => (await issueConsentRequest(deps, input)).signed,
    async createKey(name, scopes, { replaceSameName = false } = {}) {
      const { storage } = await services;
      if (replaceSameName) {
        for (const old of await storage.listKeys()) if (old.name === name && !old.revokedAt) await storage.revokeKey(old.id, now().toISOString());
      }
      const { key, stored } = newApiKey(name, scopes, now());
      await storage.createKey(stored);
      return { id: stored.id, key };
    },
    settled: async () => void (await Promise.allSettled([...inProgress])),
    async reset() {
      faults.clear();
      faults.resetHits();
      await (await services).storage.reset();
    },
    close() {
      closing ??= (async () => {
        await Promise.allSettled([...inProgress]);
        const storage = await opened.storage.catch(() => undefined);
        await storage?.close();
        opened.lock?.release();
      })();
      return closing;
    },
  };
}

/** Data from before the database (JSONL files) is not read any more: say how to bring it in. */
async function hintAtJsonl(storage: Services['storage'], dataDir: string, logger: Logger): Promise<void> {
  if (storage.engine !== 'sqlite') return;
  const legacy = ['intake.jsonl', 'consent.jsonl', 'consent-requests.jsonl'].some((file) => existsSync(join(dataDir, file)));
  if (legacy && (await storage.count('intake')) + (await storage.count('consent')) === 0) {
    logger.warn(`[koe-receiver] ${dataDir} has JSONL files from an earlier version; load them with: npx koe-receiver import ${dataDir}`);
  }
}

/** GET /embed/* — the iframe pages for hosts without scripts, framed only by (and posting only to) the allowed origins. */
function embedPageRoute(pages: EmbedPages): Route {
  return { method: 'GET', path: /^\/embed\/[^/]+$/, handle: ({ req, res }) => pages.serve(req, res) };
}
