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
  | { kind: 'rejected'; status: number; message: string; fields?: Array<{ path: string; message: string }> };

export interface SendOptions {
  fetch?: typeof fetch;
  headers?: HeadersInput;
  timeoutMs?: number;
  now?: () => number;
}

/** Bodies above this cannot use keepalive (browsers cap keepalive bodies at 64 KiB in total). */
export const KEEPALIVE_LIMIT = 60 * 1024;
const MESSAGE_LIMIT = 500;

/** The request body as sent: the submission, or a CloudEvents 1.0 structured-mode envelope around it. */
export function buildBody(input: SendInput, nowMs: number): string {
  if (input.format === 'cloudevents') {
    return JSON.stringify({
      specversion: '1.0',
      id: input.id,
      type: input.type,
      source: input.source,
      time: new Date(nowMs).toISOString(),
      datacontenttype: 'application/json',
      data: input.payload,
    });
  }
  return JSON.stringify(input.payload);
}

/** Everything `fetch` needs except the abort signal. Host headers cannot override our content type or key. */
export function buildRequest(input: SendInput, hostHeaders: HeaderRecord = {}, nowMs = Date.now()): { url: string; init: RequestInit } {
  const body = buildBody(input, nowMs);
  const headers = new Headers(hostHeaders);
  headers.set('Content-Type', input.format === 'cloudevents' ? 'application/cloudevents+json' : 'application/json');
  headers.set('Idempotency-Key', `"${input.id}"`);
  const size = new TextEncoder().encode(body).byteLength;
  return {
    url: input.endpoint,
    init: { method: 'POST', headers, body, credentials: 'same-origin', keepalive: size < KEEPALIVE_LIMIT, mode: 'cors' },
  };
}

/** Calls the host's headers provider; a throwing provider becomes an Error with a clear message. */
export async function resolveHeaders(provider: HeadersInput | undefined): Promise<HeaderRecord> {
  if (!provider) return {};
  try {
    const value = typeof provider === 'function' ? await provider() : provider;
    return value ?? {};
  } catch (error) {
    throw new Error(`The host's headers provider failed: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

const truncate = (s: string) => (s.length > MESSAGE_LIMIT ? `${s.slice(0, MESSAGE_LIMIT - 1)}…` : s);

async function readBody(response: Response): Promise<{ json?: unknown; text: string }> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    return { text: '' };
  }
  try {
    return { json: text ? JSON.parse(text) : undefined, text };
  } catch {
    return { text };
  }
}

function serverMessage(json: unknown, text: string, status: number): string {
  const message = json && typeof json === 'object' && 'message' in json ? (json as { message: unknown }).message : undefined;
  if (typeof message === 'string' && message.trim()) return truncate(message.trim());
  if (json === undefined && text.trim()) return truncate(text.trim());
  return `HTTP ${status}`;
}

function serverFields(json: unknown): Array<{ path: string; message: string }> | undefined {
  const fields = json && typeof json === 'object' ? (json as { fields?: unknown }).fields : undefined;
  if (!Array.isArray(fields)) return undefined;
  const clean = fields
    .filter((f): f is { path: unknown; message: unknown } => !!f && typeof f === 'object')
    .map((f) => ({ path: String(f.path ?? ''), message: truncate(String(f.message ?? '')) }));
  return clean.length ? clean : undefined;
}

/** Classifies an HTTP answer into the outbox's result classes. */
export async function classifyResponse(response: Response, nowMs: number): Promise<SendResult> {
  const { json, text } = await readBody(response);
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'sent', status, body: json };
  // 409 with Retry-After: the idempotency-key draft's "same key still in flight"; come back later.
  if (isRetryableStatus(status) || (status === 409 && response.headers.has('Retry-After'))) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), nowMs);
    return { kind: 'retry', status, message: serverMessage(json, text, status), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (status === 401 || status === 403) return { kind: 'auth', status, message: serverMessage(json, text, status) };
  if (status >= 400 && status < 500) {
    const fields = serverFields(json);
    return { kind: 'rejected', status, message: serverMessage(json, text, status), ...(fields ? { fields } : {}) };
  }
  // 1xx/3xx that fetch did not follow, or an unknown 5xx: try again later rather than lose the item.
  return { kind: 'retry', status, message: serverMessage(json, text, status) };
}

/** Sends one attempt. Never throws: every failure is a result class. */
export async function send(input: SendInput, options: SendOptions = {}): Promise<SendResult> {
  const { fetch: doFetch = globalThis.fetch.bind(globalThis), timeoutMs = 15_000, now = Date.now } = options;
  let hostHeaders: HeaderRecord;
  try {
    hostHeaders = await resolveHeaders(options.headers);
  } catch (error) {
    return { kind: 'retry', message: describe(error) };
  }
  let request: { url: string; init: RequestInit };
  try {
    request = buildRequest(input, hostHeaders, now());
  } catch (error) {
    // e.g. an invalid header name from the host: nothing was sent, so trying later is safe.
    return { kind: 'retry', message: `Could not build the request: ${describe(error)}` };
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await doFetch(request.url, { ...request.init, signal: controller.signal });
    return await classifyResponse(response, now());
  } catch (error) {
    return { kind: 'retry', message: timedOut ? `No answer within ${Math.round(timeoutMs / 1000)} s` : `Network error: ${describe(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
