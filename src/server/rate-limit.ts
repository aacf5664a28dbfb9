// Per-client token buckets for unauthenticated writes: `max` requests per `windowSeconds`, refilled evenly.
// On PostgreSQL the buckets live in the database, so every instance behind a load balancer counts against the same
// allowance; on SQLite (one receiver process per data directory) they live in this process.
import { createHmac } from 'node:crypto';
import type { Storage } from './store.js';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** "120/60" (120 per 60 s), "120/min", "5/s"; "off" or "0" disables. */
export function parseRateLimit(text: string): RateLimit | false {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === '0' || value === 'false') return false;
  const match = /^(\d+)\s*\/\s*(\d+\s*s?|s|sec|second|min|minute|h|hour)$/.exec(value);
  if (!match) throw new Error(`KOE_RATE_LIMIT must look like 120/60 (requests per seconds), 120/min or off; got "${text}".`);
  const unit = match[2]!.trim();
  const windowSeconds = /^\d/.test(unit) ? Number.parseInt(unit, 10) : unit.startsWith('h') ? 3600 : unit.startsWith('m') ? 60 : 1;
  const max = Number(match[1]);
  if (max < 1 || windowSeconds < 1) throw new Error(`KOE_RATE_LIMIT needs at least 1 request per at least 1 second; got "${text}".`);
  return { max, windowSeconds };
}

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Takes one token for a client. The database-backed one answers asynchronously. */
export interface RateLimiter {
  take(client: string): RateVerdict | Promise<RateVerdict>;
}

/** Tokens refilled per millisecond. */
export const refillPerMs = (limit: RateLimit): number => limit.max / (limit.windowSeconds * 1000);

/** Whole seconds (at least 1) until a bucket holding `tokens` has one again. */
export const secondsUntilToken = (tokens: number, limit: RateLimit): number => Math.max(1, Math.ceil((1 - tokens) / refillPerMs(limit) / 1000));

interface Bucket {
  tokens: number;
  at: number;
}

/** Forgotten once this many clients are tracked and their buckets are full again (a full bucket equals no entry). */
const SWEEP_AT = 10_000;

/** This process's own buckets. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  /** Tokens refilled per millisecond. */
  readonly #perMs: number;

  constructor(limit: RateLimit, now: () => number) {
    this.#limit = limit;
    this.#now = now;
    this.#perMs = refillPerMs(limit);
  }

  /** Takes one token for `client`; when none is left, the whole seconds until one is. */
  take(client: string): RateVerdict {
    const now = this.#now();
    const bucket = this.#refill(this.#buckets.get(client), now);
    if (bucket.tokens < 1) {
      this.#buckets.set(client, bucket);
      return { ok: false, retryAfterSeconds: secondsUntilToken(bucket.tokens, this.#limit) };
    }
    bucket.tokens -= 1;
    if (this.#buckets.size >= SWEEP_AT) this.#sweep(now);
    this.#buckets.set(client, bucket);
    return { ok: true };
  }

  #refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.#limit.max, at: now };
    return { tokens: Math.min(this.#limit.max, bucket.tokens + Math.max(0, now - bucket.at) * this.#perMs), at: now };
  }

  #sweep(now: number): void {
    for (const [client, bucket] of this.#buckets) {
      if (this.#refill(bucket, now).tokens >= this.#limit.max) this.#buckets.delete(client);
    }
  }
}

/**
 * The receiver's limiter: the database's buckets where instances share it (PostgreSQL), else this process's. The
 * database keeps each client as an HMAC of its address under the receiver's key, never the address itself.
 */
export function rateLimiterFor(limit: RateLimit, now: () => number, services: Promise<{ storage: Storage; hmacKey: string }>): RateLimiter {
  const inMemory = new MemoryRateLimiter(limit, now);
  return {
    async take(client) {
      const { storage, hmacKey } = await services;
      if (!storage.takeRateToken) return inMemory.take(client);
      const bucket = createHmac('sha256', hmacKey).update(`rate-limit ${client}`).digest('base64url');
      return storage.takeRateToken(bucket, limit, now());
    },
  };
}
