// CORS: an explicit allow-list plus the receiver's own public origin(s) from configuration. The Host header
// is never consulted: any client can set it, so it cannot say what is same-origin.
import type { ServerResponse } from 'node:http';

export const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Authorization',
  'Access-Control-Expose-Headers': 'Retry-After, Idempotent-Replayed',
  'Access-Control-Max-Age': '600',
} as const;

export type OriginVerdict = { kind: 'none' } | { kind: 'allowed'; origin: string } | { kind: 'refused'; origin: string };

/** `scheme://host[:port]` as browsers send it in Origin; undefined when `value` is not an http(s) URL. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Classifies an Origin header against the allow-list and the configured public origins. */
export function checkOrigin(origin: string | undefined, allowed: readonly string[], publicOrigins: readonly string[]): OriginVerdict {
  if (!origin) return { kind: 'none' };
  if (allowed.includes('*') || allowed.includes(origin) || publicOrigins.includes(origin)) return { kind: 'allowed', origin };
  return { kind: 'refused', origin };
}

/** Headers every answer to an allowed cross-origin (or same-origin) request carries, errors included. */
export function corsHeaders(verdict: OriginVerdict): Record<string, string> {
  if (verdict.kind !== 'allowed') return {};
  return {
    'Access-Control-Allow-Origin': verdict.origin,
    Vary: 'Origin',
    'Access-Control-Expose-Headers': CORS_HEADERS['Access-Control-Expose-Headers'],
  };
}

/** Answers a preflight: 204 with the CORS headers when allowed, 403 without them otherwise. */
export function answerPreflight(res: ServerResponse, verdict: OriginVerdict): void {
  if (verdict.kind === 'refused') {
    const body = JSON.stringify({ error: 'origin-not-allowed', message: `Requests from ${verdict.origin} are not allowed by this receiver.` });
    res.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8', Vary: 'Origin' });
    res.end(body);
    return;
  }
  res.writeHead(204, { ...CORS_HEADERS, ...corsHeaders(verdict) });
  res.end();
}
