// CORS: an explicit allow-list plus same-origin; everyone else gets no CORS headers at all.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Authorization',
  'Access-Control-Expose-Headers': 'Retry-After, Idempotent-Replayed',
  'Access-Control-Max-Age': '600',
} as const;

export type OriginVerdict = { kind: 'none' } | { kind: 'allowed'; origin: string } | { kind: 'refused'; origin: string };

/** Classifies the request's Origin header against the allow-list (and the request's own host). */
export function checkOrigin(req: IncomingMessage, allowed: readonly string[]): OriginVerdict {
  const origin = req.headers.origin;
  if (!origin) return { kind: 'none' };
  if (allowed.includes('*') || allowed.includes(origin)) return { kind: 'allowed', origin };
  try {
    // Same-origin: browsers send Origin on same-origin POSTs too; match it against the Host we were reached on.
    if (new URL(origin).host === req.headers.host) return { kind: 'allowed', origin };
  } catch {
    // "null" or garbage: not same-origin.
  }
  return { kind: 'refused', origin };
}

/** Headers every answer to an allowed cross-origin (or same-origin) request carries. */
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
  res.writeHead(204, { ...CORS_HEADERS, ...corsHeaders(verdict), 'Access-Control-Expose-Headers': CORS_HEADERS['Access-Control-Expose-Headers'] });
  res.end();
}
