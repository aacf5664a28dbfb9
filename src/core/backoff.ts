// Backoff between delivery attempts: exponential with full jitter. Whether to retry at all, and Retry-After, are in retry.ts.

/** The knobs, named as in OutboxOptions (which is passed here as it is). */
export interface BackoffOptions {
  /** The ceiling of the first retry's delay; it doubles with every attempt. */
  baseDelayMs?: number;
  /** No delay is longer than this. */
  maxDelayMs?: number;
  /** For tests: a fixed random number in [0, 1). */
  random?: () => number;
}

/** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): random() * min(max, base * 2^attempt), attempt counted from 0. */
export function backoffDelay(attempt: number, { baseDelayMs = 1000, maxDelayMs = 5 * 60_000, random = Math.random }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
