// Small HTTP helpers: JSON answers, bounded body reading, header parsing.
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
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
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

/** The path part of the request URL. */
export function requestPath(req: IncomingMessage): { path: string; query: URLSearchParams } {
  const url = new URL(req.url ?? '/', 'http://receiver.invalid');
  return { path: url.pathname, query: url.searchParams };
}
