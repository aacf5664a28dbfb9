// The reference receiver: a plain Node (req, res, next?) handler for /api/* — no framework.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsentRequest } from '../core/schemas.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { answerPreflight, checkOrigin, corsHeaders } from './cors.js';
import { FaultController, faultMessage, type FaultAction, type Hit } from './faults.js';
import { HttpError, idempotencyKey, mediaType, parseJson, readBody, requestPath, sendError, sendJson } from './http.js';
import { loadHmacKey, safeEqual, signConsentRequest } from './signing.js';
import { ReceiverStore, TYPE_OF, responseFor, type RecordKind, type StoredLine } from './store.js';
import { CLOUDEVENTS_TYPE, parseSubmission, prepareConsentRequest, submissionOf, type SubmissionKind } from './submissions.js';
import { createEmbedPages } from './embed-pages.js';

export { canonicalJson, sha256Hex } from './canonical.js';
export { signConsentRequest, verifyConsentRequest, consentRequestToken } from './signing.js';
export { FaultController } from './faults.js';
export type { FaultPlan, FaultAction, Hit } from './faults.js';
export type { StoredLine, RecordKind } from './store.js';

export interface ReceiverOptions {
  /** Where the JSONL files and the generated HMAC key live. Default `.koe-data`. */
  dataDir?: string;
  /** Origins allowed cross-origin (exact `scheme://host:port`, or '*'); same-origin is always allowed. */
  allowedOrigins?: string[];
  /** Largest accepted request body. Default 256 KiB. */
  maxBodyBytes?: number;
  /** HMAC key for consent requests. Default: KOE_HMAC_KEY, else generated once into dataDir/hmac.key. */
  hmacKey?: string;
  now?: () => Date;
}

export interface Receiver {
  /** Node/connect handler: answers /api/*, calls `next()` for anything else (404 when no `next`). */
  handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  /** Fault injection for tests; in-process only. */
  faults: FaultController;
  dataDir: string;
  /** Stored lines of one kind, newest first. */
  records(kind: RecordKind): Promise<StoredLine[]>;
  /** Issues and stores a signed consent request, as POST /api/consent-requests does. */
  issueConsentRequest(input: Partial<ConsentRequest>): Promise<ConsentRequest & { token: string }>;
  /** Deletes all records and idempotency keys, clears faults and hits (tests only). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const KINDS: Record<string, SubmissionKind> = { '/api/intake': 'intake', '/api/consent': 'consent' };
const RECORD_KINDS: readonly RecordKind[] = ['intake', 'consent', 'consent-request'];

export function createReceiver(options: ReceiverOptions = {}): Receiver {
  const dataDir = options.dataDir ?? '.koe-data';
  const allowed = options.allowedOrigins ?? [];
  const limit = options.maxBodyBytes ?? 256 * 1024;
  const now = options.now ?? (() => new Date());
  const key = loadHmacKey(dataDir, options.hmacKey);
  const store = new ReceiverStore(dataDir);
  const faults = new FaultController(now);
  // The iframe embed pages (/embed/*): framed only by, and posting events only to, the allowed origins.
  const embedPages = createEmbedPages({ parentOrigins: allowed });

  async function issue(input: unknown, idemKey: string | null, fingerprint?: string): Promise<ConsentRequest & { token: string }> {
    const prepared = prepareConsentRequest(input, now(), randomUUID);
    if (store.request(prepared.id)) {
      throw new HttpError(409, 'conflict', `A consent request with id "${prepared.id}" already exists; leave id out to get a new one.`);
    }
    const signed = signConsentRequest(prepared, key);
    await store.append('consent-request', {
      receivedAt: prepared.issuedAt,
      idempotencyKey: idemKey,
      type: TYPE_OF['consent-request'],
      format: 'json',
      ...(fingerprint ? { bodySha256: fingerprint } : {}),
      record: signed,
    });
    return signed;
  }

  // Consent records must answer a request this server issued, unaltered (same HMAC token).
  function checkConsentRequest(record: { requestId: string; requestToken?: string; requestSha256?: string }): void {
    const request = store.request(record.requestId);
    if (!request) {
      throw new HttpError(422, 'consent-request-invalid', `Consent request "${record.requestId}" was never issued by this receiver.`);
    }
    if (!record.requestToken || !request.token || !safeEqual(record.requestToken, request.token)) {
      throw new HttpError(422, 'consent-request-invalid', 'The consent request token does not match the issued request; the request was altered or forged.');
    }
    // The hash of the request as the signer saw it (token included) must match the issued one exactly.
    if (record.requestSha256 !== undefined && record.requestSha256 !== sha256Hex(canonicalJson(request))) {
      throw new HttpError(422, 'consent-request-invalid', 'The consent request shown to the signer differs from the one issued; it was altered.');
    }
  }

  async function post(req: IncomingMessage, res: ServerResponse, path: string, cors: Record<string, string>, hit: Hit): Promise<void> {
    const kind: RecordKind = KINDS[path] ?? 'consent-request';
    const idemKey = idempotencyKey(req);
    if (!idemKey && kind !== 'consent-request') {
      throw new HttpError(400, 'idempotency-key-missing', 'The Idempotency-Key header is required, e.g. Idempotency-Key: "<submission id>".');
    }
    const media = mediaType(req);
    if (media !== 'application/json' && !(media === CLOUDEVENTS_TYPE && kind !== 'consent-request')) {
      throw new HttpError(415, 'unsupported-media-type', `Content-Type must be application/json${kind === 'consent-request' ? '' : ' or application/cloudevents+json'}; got ${media || 'none'}.`);
    }
    const body = parseJson(await readBody(req, limit));

    const fault = faults.next('POST', path);
    if (fault) hit.fault = fault.kind;
    if (fault && applyEarlyFault(fault, req, res, cors)) return;

    const fingerprint = sha256Hex(canonicalJson(submissionOf(body, media)));
    if (idemKey) {
      const stored = store.lookup(kind, idemKey);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          throw new HttpError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used with a different request body; use a new key for a new submission.');
        }
        return sendJson(res, stored.status, stored.body, { ...cors, 'Idempotent-Replayed': 'true' });
      }
      if (!store.begin(kind, idemKey)) {
        throw new HttpError(409, 'request-in-progress', 'A request with this Idempotency-Key is still being processed; retry shortly.', {}, { 'Retry-After': '1' });
      }
    }
    try {
      if (fault?.kind === 'slow') await sleep(fault.ms);
      let line: StoredLine;
      if (kind === 'consent-request') {
        const signed = await issue(body, idemKey ?? null, idemKey ? fingerprint : undefined);
        line = { receivedAt: signed.issuedAt, idempotencyKey: idemKey ?? null, type: TYPE_OF[kind], format: 'json', record: signed };
      } else {
        const parsed = parseSubmission(kind, media, body);
        if (parsed.kind === 'consent') checkConsentRequest(parsed.record);
        line = {
          receivedAt: now().toISOString(),
          idempotencyKey: idemKey!,
          type: TYPE_OF[kind],
          format: parsed.format,
          ...(kind === 'consent' ? { clientIp: req.socket.remoteAddress ?? '' } : {}),
          bodySha256: fingerprint,
          record: parsed.record,
        };
        await store.append(kind, line);
      }
      if (fault?.kind === 'drop-after-commit') {
        req.socket.destroy();
        return;
      }
      const answer = responseFor(kind, line);
      sendJson(res, answer.status, answer.body, cors);
    } finally {
      if (idemKey) store.end(kind, idemKey);
    }
  }

  async function get(res: ServerResponse, path: string, query: URLSearchParams, cors: Record<string, string>): Promise<void> {
    if (path === '/api/records') {
      const type = query.get('type') ?? '';
      if (!RECORD_KINDS.includes(type as RecordKind)) {
        throw new HttpError(400, 'bad-request', 'Query parameter "type" must be intake, consent or consent-request.');
      }
      return sendJson(res, 200, await store.list(type as RecordKind), cors);
    }
    if (path === '/api/consent-requests') {
      return sendJson(res, 200, (await store.list('consent-request')).map((l) => l.record), cors);
    }
    const id = decodeURIComponent(path.slice('/api/consent-requests/'.length));
    const request = store.request(id);
    if (!request) throw new HttpError(404, 'not-found', `No consent request with id "${id}".`);
    sendJson(res, 200, request, cors);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, hit: Hit): Promise<void> {
    const method = req.method ?? 'GET';
    const verdict = checkOrigin(req, allowed);
    if (method === 'OPTIONS') return answerPreflight(res, verdict);
    if (verdict.kind === 'refused') {
      throw new HttpError(403, 'origin-not-allowed', `Requests from ${verdict.origin} are not allowed by this receiver.`);
    }
    const cors = corsHeaders(verdict);
    try {
      const isPost = path in KINDS || path === '/api/consent-requests';
      const isGet = path === '/api/records' || path === '/api/consent-requests' || /^\/api\/consent-requests\/[^/]+$/.test(path);
      if (method === 'POST' && isPost) return await post(req, res, path, cors, hit);
      if ((method === 'GET' || method === 'HEAD') && isGet) return await get(res, path, query, cors);
      if (isPost || isGet) {
        throw new HttpError(405, 'method-not-allowed', `${method} is not supported on ${path}.`, {}, { Allow: isPost && isGet ? 'GET, POST, OPTIONS' : isPost ? 'POST, OPTIONS' : 'GET, OPTIONS' });
      }
      throw new HttpError(404, 'not-found', `There is no API endpoint at ${path}.`);
    } catch (error) {
      if (error instanceof HttpError) throw new HttpError(error.status, error.code, error.message, error.extra, { ...cors, ...error.headers });
      throw error;
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void {
    const { path, query } = requestPath(req);
    if (embedPages.matches(path)) return void embedPages.serve(req, res);
    if (!path.startsWith('/api/')) {
      if (next) return next();
      return sendError(res, new HttpError(404, 'not-found', `There is no API endpoint at ${path}.`));
    }
    let key: string | undefined;
    try {
      key = idempotencyKey(req);
    } catch {
      key = String(req.headers['idempotency-key']);
    }
    const hit = faults.record({ at: now().getTime(), method: req.method ?? 'GET', path, ...(key ? { idempotencyKey: key } : {}) });
    res.on('finish', () => (hit.status = res.statusCode));
    dispatch(req, res, path, query, hit).catch((error: unknown) => {
      if (error instanceof HttpError) return sendError(res, error);
      console.error('[koe-receiver] unexpected error', error);
      sendError(res, new HttpError(500, 'internal', 'The receiver failed unexpectedly; the submission was not stored. Please retry.'));
    });
  }

  // Status faults answer before anything is stored; drops close the connection without an answer.
  function applyEarlyFault(fault: FaultAction, req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): boolean {
    if (fault.kind === 'status') {
      const { error, message } = faultMessage(fault.status);
      sendJson(res, fault.status, { error, message: fault.message ?? message }, { ...cors, ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}) });
      return true;
    }
    if (fault.kind === 'drop') {
      req.socket.destroy();
      return true;
    }
    return false;
  }

  return {
    handle,
    faults,
    dataDir,
    records: (kind) => store.list(kind),
    issueConsentRequest: (input) => issue(input, null),
    async reset() {
      faults.clear();
      faults.resetHits();
      await store.reset();
    },
    close: () => store.idle(),
  };
}
