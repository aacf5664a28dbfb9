// The server's retry signals: which statuses are worth retrying, and Retry-After (read by transport.ts). The delay between attempts: backoff.ts.

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

export const isRetryableStatus = (status: number): boolean => RETRYABLE.has(status);

/** Retry-After as milliseconds from `nowMs` (delta-seconds or HTTP-date); undefined when absent or garbage. */
export function parseRetryAfter(header: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only IMF-fixdate style dates (contain a weekday/month name and a colon); Date.parse accepts too much otherwise.
  if (!/[a-z]{3}.*\d{1,2}:\d{2}/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
