// Small HTTP helpers: JSON answers, bounded body reading, header and path parsing. Malformed input is a 400 here, never a 500.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error that becomes a JSON `{ error, message, ...extra }` answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.code, message: error.message, ...error.extra }, error.headers);
}

/** The media type without parameters, lower-cased ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A client that went away mid-request: expected, never logged as an error. */
export class ClientAbort extends Error {}

/**
 * Reads the body up to `limit` bytes. Past the limit it stops reading and throws 413 at once,
 * so an oversized upload is never buffered.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    // Connection: close so Node does not keep draining the rest of an oversized upload on this socket.
    new HttpError(413, 'payload-too-large', `The request body is larger than the ${limit} bytes this receiver accepts.`, { limit }, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onAbort = () => {
      cleanup();
      reject(new ClientAbort('The client closed the connection before sending the whole body.'));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}

/** Deeper than any Koe submission nests (about 5 levels); deeper input would only exhaust recursion. */
export const MAX_JSON_DEPTH = 32;

/** True when arrays/objects in `text` nest deeper than `max` (strings are skipped, escapes honoured). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}

/** Parses a JSON body; malformed JSON or bad UTF-8 is a 400 with the parser's reason. */
export function parseJson(body: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError(400, 'malformed-json', 'The request body is not valid UTF-8 text.');
  }
  if (!text.trim()) throw new HttpError(400, 'malformed-json', 'The request body is empty; a JSON document was expected.');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new HttpError(400, 'json-too-deep', `The request body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'malformed-json', `The request body is not valid JSON (${(error as Error).message}).`);
  }
}

/**
 * The Idempotency-Key value: a structured-field string (`"<uuid>"`, IETF draft), or a bare token for leniency.
 * Returns undefined when the header is absent.
 */
export function idempotencyKey(req: IncomingMessage): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const value = (Array.isArray(raw) ? raw.join(',') : raw).trim();
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  const key = quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : value;
  if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new HttpError(400, 'idempotency-key-invalid', 'The Idempotency-Key header must be a non-empty quoted string of up to 255 visible ASCII characters, e.g. "2f1c…".');
  }
  return key;
}

/**
 * The request target split into a path and its query. Only origin-form targets ("/path?query") are accepted;
 * the path is matched as sent (percent-escapes are decoded per segment by `pathSegment`).
 */
export function requestTarget(req: IncomingMessage): { path: string; query: URLSearchParams } {
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) {
    throw new HttpError(400, 'bad-request-target', 'The request target must be a path starting with a single "/".');
  }
  const at = target.indexOf('?');
  return { path: at === -1 ? target : target.slice(0, at), query: new URLSearchParams(at === -1 ? '' : target.slice(at + 1)) };
}

/** A percent-decoded path segment; a malformed escape (e.g. "%E0%A4%A") is a 400. */
export function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'bad-escape', 'The path contains a malformed percent-escape.');
  }
}

/** The client's address: the socket's, or with `trustProxyHops` > 0 the one the nearest trusted proxy saw. */
export function clientAddress(req: IncomingMessage, trustProxyHops: number): string {
  const socket = req.socket.remoteAddress ?? '';
  if (trustProxyHops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  if (!hops.length) return socket;
  // Each trusted proxy appends the address it saw; anything left of those was written by the client.
  return hops[Math.max(0, hops.length - trustProxyHops)]!;
}
