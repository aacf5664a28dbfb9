// Per-client token buckets for unauthenticated writes: `max` requests per `windowSeconds`, refilled evenly.
// Each instance counts its own clients; behind a load balancer the effective limit is N times this.

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

interface Bucket {
  tokens: number;
  at: number;
}

/** Forgotten once this many clients are tracked and their buckets are full again (a full bucket equals no entry). */
const SWEEP_AT = 10_000;

export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  /** Tokens refilled per millisecond. */
  readonly #perMs: number;

  constructor(limit: RateLimit, now: () => number) {
    this.#limit = limit;
    this.#now = now;
    this.#perMs = limit.max / (limit.windowSeconds * 1000);
  }

  /** Takes one token for `client`; when none is left, the whole seconds until one is. */
  take(client: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.#now();
    const bucket = this.#refill(this.#buckets.get(client), now);
    if (bucket.tokens < 1) {
      this.#buckets.set(client, bucket);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)) };
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
