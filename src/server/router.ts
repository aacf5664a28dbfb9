// A tiny router: a list of routes (method + exact path or RegExp with named groups), CORS on every answer,
// and one place where errors become JSON. Other modules add routes (e.g. the embed pages) through
// ReceiverOptions.routes without touching the API's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerPreflight, checkOrigin, corsHeaders } from './cors.js';
import type { FaultController, Hit } from './faults.js';
import { ClientAbort, HttpError, requestTarget, sendError } from './http.js';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  query: URLSearchParams;
  /** Named groups of a RegExp path, still percent-encoded (decode with `pathSegment`). */
  params: Record<string, string>;
  /** CORS headers for this request's Origin; add them to every answer. */
  cors: Record<string, string>;
  hit: Hit;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** An exact path, or a RegExp matched against the whole raw path. */
  path: string | RegExp;
  handle(ctx: RouteContext): Promise<void> | void;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface RouterOptions {
  routes: readonly Route[];
  allowedOrigins: readonly string[];
  publicOrigins: () => readonly string[];
  faults: FaultController;
  now: () => Date;
  logger: Logger;
}

/**
 * Storage failures only the operator can end: each answers 503 `answer.code` with `Retry-After: 60` (clients keep what
 * they send and retry) and logs one error line with the driver's message and code, then `advice`.
 */
const STORAGE_FAILURES = [
  {
    // The database's disk is full (SQLite, PostgreSQL): nothing can be stored until the operator frees space.
    errors: /SQLITE_FULL|53100/,
    label: 'storage full',
    advice: 'Free disk space for the database: until then every write is refused (503) and clients keep what they send to retry.',
    answer: { code: 'storage-full', message: 'The receiver cannot store anything right now (its storage is full); nothing was stored. Please retry later.' },
  },
  {
    // The database could not read or write its files (SQLite's SQLITE_IOERR and its extended codes, PostgreSQL's io_error).
    errors: /SQLITE_IOERR|58030/,
    label: 'storage I/O error',
    advice:
      'The database could not read or write its files: check its disk and file system (a failing disk, a file-size limit, a read-only mount). Until then clients keep what they send to retry.',
    answer: { code: 'storage-error', message: 'The receiver cannot read or write its storage right now; nothing was stored. Please retry later.' },
  },
];

/** Errors that mean the database is unreachable or restarting: retryable, so 503 rather than 500. */
const UNAVAILABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|57P01|57P02|57P03|53300|08000|08003|08006|SQLITE_BUSY|Connection terminated|not queryable/;

export function createRouter(options: RouterOptions) {
  const { routes, faults, logger } = options;

  function match(path: string, method: string): { route?: Route; params: Record<string, string>; allow: string[] } {
    const allow: string[] = [];
    for (const route of routes) {
      const params = paramsOf(route, path);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params, allow };
      allow.push(route.method);
    }
    return { params: {}, allow };
  }

  /** Node/connect handler: answers its routes, calls `next()` for any other path outside /api (404 without `next`). */
  function handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> | undefined {
    const verdict = checkOrigin(req.headers.origin, options.allowedOrigins, options.publicOrigins());
    const cors = corsHeaders(verdict);
    const method = req.method ?? 'GET';
    let target: { path: string; query: URLSearchParams };
    try {
      target = requestTarget(req);
    } catch (error) {
      sendError(res, withHeaders(error as HttpError, cors));
      return undefined;
    }
    const { path, query } = target;
    const found = match(path, method);
    const isApi = path.startsWith('/api/');
    if (!found.route && !found.allow.length && !isApi && method !== 'OPTIONS') {
      if (next) next();
      else sendError(res, new HttpError(404, 'not-found', `Nothing is served at ${path}.`, {}, cors));
      return undefined;
    }
    const hit = faults.record({ at: options.now().getTime(), method, path, ...keyOf(req) });
    res.on('finish', () => (hit.status = res.statusCode));
    if (method === 'OPTIONS') {
      answerPreflight(res, verdict);
      return undefined;
    }
    if (verdict.kind === 'refused') {
      // No CORS headers on purpose: a refused origin's page must not read the answer.
      sendError(res, new HttpError(403, 'origin-not-allowed', `Requests from ${verdict.origin} are not allowed by this receiver.`, {}, { Vary: 'Origin' }));
      return undefined;
    }
    const answer = async () => {
      if (!found.route) {
        if (found.allow.length) {
          // HEAD is answered wherever GET is (see match()), so it is allowed there too.
          const methods = found.allow.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
          const allow = [...new Set([...methods, 'OPTIONS'])].join(', ');
          throw new HttpError(405, 'method-not-allowed', `${method} is not supported on ${path}.`, {}, { Allow: allow });
        }
        throw new HttpError(404, 'not-found', `There is no API endpoint at ${path}.`);
      }
      await found.route.handle({ req, res, path, query, params: found.params, cors, hit });
    };
    return answer().catch((error: unknown) => {
      if (error instanceof HttpError) return sendError(res, withHeaders(error, cors));
      // The client left: nothing to answer, nothing to report. (Not `req.destroyed`: Node sets that once a body has been
      // read in full, so a failure after reading a POST would have gone unanswered and unlogged.)
      if (error instanceof ClientAbort || req.socket.destroyed || res.destroyed) return;
      const { code, message } = error as { code?: string; message?: string };
      const described = `${code ?? ''} ${message ?? ''}`;
      const failure = STORAGE_FAILURES.find(({ errors }) => errors.test(described));
      if (failure) {
        logger.error(`[koe-receiver] ${failure.label}: ${message} (${code ?? 'no code'}). ${failure.advice}`);
        return sendError(res, new HttpError(503, failure.answer.code, failure.answer.message, {}, { ...cors, 'Retry-After': '60' }));
      }
      if (UNAVAILABLE.test(described)) {
        logger.warn(`[koe-receiver] storage unavailable: ${message}`);
        return sendError(res, new HttpError(503, 'storage-unavailable', 'The receiver cannot reach its database right now; nothing was stored. Please retry.', {}, { ...cors, 'Retry-After': '2' }));
      }
      logger.error(`[koe-receiver] unexpected error on ${method} ${path}`, error);
      sendError(res, new HttpError(500, 'internal', 'The receiver failed unexpectedly; the submission was not stored. Please retry.', {}, cors));
    });
  }

  return { handle };
}

function paramsOf(route: Route, path: string): Record<string, string> | undefined {
  if (typeof route.path === 'string') return route.path === path ? {} : undefined;
  const found = route.path.exec(path);
  return found && found[0] === path ? { ...found.groups } : undefined;
}

function withHeaders(error: HttpError, headers: Record<string, string>): HttpError {
  return new HttpError(error.status, error.code, error.message, error.extra, { ...headers, ...error.headers });
}

/** The Idempotency-Key as sent, for the hit log (tests compare it with the submission id). */
function keyOf(req: IncomingMessage): { idempotencyKey?: string } {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return {};
  const value = (Array.isArray(raw) ? raw.join(',') : raw).trim();
  return { idempotencyKey: value.replace(/^"(.*)"$/, '$1') };
}
