// One HTTP attempt: builds the json/CloudEvents request, resolves host headers, times out, classifies the answer.
import type { SubmissionType } from './schemas.js';
import { isRetryableStatus, parseRetryAfter } from './retry.js';

export type Format = 'json' | 'cloudevents';
export type HeaderRecord = Record<string, string>;
/** Host headers: an object, or a (possibly async) function called at send time. Never stored. */
export type HeadersInput = HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>);

export interface SendInput {
  id: string;
  type: SubmissionType;
  endpoint: string;
  format: Format;
  payload: unknown;
  /** Page origin, the CloudEvents `source`. */
  source: string;
}

export type SendResult =
  | { kind: 'sent'; status: number; body?: unknown }
  | { kind: 'retry'; status?: number; message: string; retryAfterMs?: number }
  | { kind: 'auth'; status: 401 | 403; message: string }
  | { kind: 'rejected'; status: number; message: string; code?: string; fields?: Array<{ path: string; message: string }> };

export interface SendOptions {
  fetch?: typeof fetch;
  headers?: HeadersInput;
  timeoutMs?: number;
  now?: () => number;
  /**
   * Whether the request may outlive the page (default true; bodies under KEEPALIVE_LIMIT only). A keepalive request
   * takes a slower path through the browser (about 2 ms more per request in Chromium), so the outbox asks for it only
   * where the page may be going away: the attempt a user just asked for, or any attempt while the page is hidden.
   */
  keepalive?: boolean;
}

/** Bodies above this cannot use keepalive (browsers cap keepalive bodies at 64 KiB in total). */
export const KEEPALIVE_LIMIT = 60 * 1024;
const MESSAGE_LIMIT = 500;
const utf8 = new TextEncoder();

/**
 * Everything `fetch` needs except the abort signal. The body is the submission, or a CloudEvents 1.0 structured-mode
 * envelope around it. Host headers cannot override our content type or key.
 */
export function buildRequest(input: SendInput, hostHeaders: HeaderRecord | undefined, nowMs: number, keepalive = true): { url: string; init: RequestInit } {
  const { id, type, source, payload } = input;
  const cloudEvent = input.format === 'cloudevents';
  const body = JSON.stringify(cloudEvent ? { specversion: '1.0', id, type, source, time: new Date(nowMs).toISOString(), datacontenttype: 'application/json', data: payload } : payload);
  const headers = new Headers(hostHeaders);
  headers.set('Content-Type', cloudEvent ? 'application/cloudevents+json' : 'application/json');
  headers.set('Idempotency-Key', `"${id}"`);
  // keepalive (the request outlives the page) is capped by bytes. Counted with a TextEncoder: a Blob would do it too,
  // but registering one with the browser cost about a millisecond per send (profiled in Chromium).
  return { url: input.endpoint, init: { method: 'POST', headers, body, credentials: 'same-origin', keepalive: keepalive && utf8.encode(body).byteLength < KEEPALIVE_LIMIT } };
}

const truncate = (s: string) => (s.length > MESSAGE_LIMIT ? `${s.slice(0, MESSAGE_LIMIT - 1)}…` : s);

/** Classifies an HTTP answer into the outbox's result classes. */
export async function classifyResponse(response: Response, nowMs: number): Promise<SendResult> {
  const { status, headers } = response;
  const text = await response.text().catch(() => '');
  let json: { message?: unknown; fields?: unknown; error?: unknown } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    /* empty or not JSON: the text itself is the message */
  }
  if (response.ok) return { kind: 'sent', status, body: json };
  const m = json?.message;
  const message = truncate((typeof m === 'string' && m.trim()) || (json === undefined && text.trim()) || `HTTP ${status}`);
  // 409 with Retry-After: the idempotency-key draft's "same key still in flight"; come back later.
  if (isRetryableStatus(status) || (status === 409 && headers.has('Retry-After'))) {
    const retryAfterMs = parseRetryAfter(headers.get('Retry-After'), nowMs);
    return { kind: 'retry', status, message, ...(retryAfterMs !== undefined && { retryAfterMs }) };
  }
  if (status === 401 || status === 403) return { kind: 'auth', status, message };
  if (status >= 400 && status < 500) {
    const fields = (Array.isArray(json?.fields) ? (json.fields as Array<{ path?: unknown; message?: unknown } | null>) : [])
      .filter((f) => f instanceof Object)
      .map((f) => ({ path: String(f!.path ?? ''), message: truncate(String(f!.message ?? '')) }));
    // The receiver's machine-readable reason (e.g. consent-already-answered), so an element can word it itself.
    const code = typeof json?.error === 'string' ? json.error.slice(0, 100) : undefined;
    return { kind: 'rejected', status, message, ...(code && { code }), ...(fields.length > 0 && { fields }) };
  }
  // 1xx/3xx that fetch did not follow, or an unknown 5xx: try again later rather than lose the item.
  return { kind: 'retry', status, message };
}

/** Sends one attempt within `timeoutMs` (headers provider, request and answer together). Never throws: every failure is a result class. */
export async function send(input: SendInput, options: SendOptions = {}): Promise<SendResult> {
  const { fetch: doFetch = globalThis.fetch.bind(globalThis), headers: provider, timeoutMs = 15_000, now = Date.now, keepalive } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // A hanging headers provider must not hold the flush lock forever: the timeout rejects the race.
    const headers = await Promise.race([
      typeof provider === 'function' ? provider() : provider,
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    ]);
    const { url, init } = buildRequest(input, headers, now(), keepalive);
    return await classifyResponse(await doFetch(url, { ...init, signal }), now());
  } catch (error) {
    // A failing headers provider or an invalid header name (nothing was sent), the network or the timeout: trying later is safe.
    return { kind: 'retry', message: signal.aborted ? `timeout ${timeoutMs} ms` : error instanceof Error ? error.message || error.name : String(error) };
  }
}
