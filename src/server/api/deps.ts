// What the API routes share: the opened storage and HMAC key (once ready), faults, the clock and the limits.
import type { FaultController } from '../faults.js';
import type { RateLimiter } from '../rate-limit.js';
import type { Sealer } from '../seal.js';
import type { Storage } from '../store.js';

export interface Services {
  storage: Storage;
  /** The consent-request HMAC key (environment or database); withdrawal tokens use it too. */
  hmacKey: string;
  /** Seals stored consent and signs receipts (KOE_SEAL_KEY or the database). */
  sealer: Sealer;
}

export interface ApiDeps {
  /** Resolves once the database is open and migrated; every API route awaits it. */
  services: Promise<Services>;
  faults: FaultController;
  now: () => Date;
  maxBodyBytes: number;
  /** Unauthenticated writes per client; undefined when switched off. */
  rateLimiter?: RateLimiter;
  /** POST /api/intake needs a key with the `intake` scope. */
  intakeRequiresKey: boolean;
  /** How many proxies in front may be trusted to append X-Forwarded-For (0: use the socket address). */
  trustProxyHops: number;
}
