// POST /api/intake and /api/consent: the element writes. Open to allowed origins without a login (a customer
// signing has no account), rate-limited per client; intake can require a key instead (KOE_INTAKE_REQUIRES_KEY).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { requireKey } from '../auth.js';
import { canonicalJson, sha256Hex } from '../canonical.js';
import { faultMessage, type FaultAction } from '../faults.js';
import { HttpError, clientAddress, idempotencyKey, mediaType, parseJson, readBody, sendJson } from '../http.js';
import { runIdempotent } from '../idempotency.js';
import type { Route, RouteContext } from '../router.js';
import { responseFor, type NewRecord, type SubmissionKind } from '../store.js';
import { CLOUDEVENTS_TYPE, parseSubmission, submissionOf } from '../submissions.js';
import { AlreadyWithdrawn, consentAnswer, consentRow, explainConflict } from './consent.js';
import type { ApiDeps } from './deps.js';

export function submissionRoutes(deps: ApiDeps): Route[] {
  return [
    { method: 'POST', path: '/api/intake', handle: (ctx) => post(deps, 'intake', ctx) },
    { method: 'POST', path: '/api/consent', handle: (ctx) => post(deps, 'consent', ctx) },
  ];
}

async function post(deps: ApiDeps, kind: SubmissionKind, { req, res, path, cors, hit }: RouteContext): Promise<void> {
  const services = await deps.services;
  const { storage } = services;
  const client = clientAddress(req, deps.trustProxyHops);
  if (kind === 'intake' && deps.intakeRequiresKey) await requireKey(req, storage, 'intake');
  else await limitRate(deps, client);

  const key = idempotencyKey(req);
  if (!key) throw new HttpError(400, 'idempotency-key-missing', 'The Idempotency-Key header is required, e.g. Idempotency-Key: "<submission id>".');
  const media = mediaType(req);
  if (media !== 'application/json' && media !== CLOUDEVENTS_TYPE) {
    throw new HttpError(415, 'unsupported-media-type', `Content-Type must be application/json or application/cloudevents+json; got ${media || 'none'}.`);
  }
  const body = parseJson(await readBody(req, deps.maxBodyBytes));

  const fault = deps.faults.next('POST', path);
  if (fault) hit.fault = fault.kind;
  if (fault && answeredByFault(fault, req, res, cors)) return;

  // Validated before the key is claimed: a claim (a database connection on PostgreSQL) is held only to store.
  const parsed = parseSubmission(kind, media, body);
  const ownId = parsed.kind === 'intake' ? parsed.record.id : parsed.record.receiptId;
  if (ownId !== key) {
    const field = kind === 'intake' ? 'id' : 'receiptId';
    throw new HttpError(422, 'idempotency-key-mismatch', `The Idempotency-Key must equal the submission's ${field} ("${ownId}"); got "${key}".`, {
      fields: [{ path: field, message: 'must equal the Idempotency-Key', code: 'idempotency_key_mismatch' }],
    });
  }
  const fingerprint = sha256Hex(canonicalJson(submissionOf(body, media)));
  const build = async (): Promise<NewRecord> => {
    await delayedByFault(deps, fault);
    const row: NewRecord = {
      kind,
      recordId: ownId,
      idempotencyKey: key,
      receivedAt: deps.now().toISOString(),
      format: parsed.format,
      bodySha256: fingerprint,
      record: parsed.record,
    };
    if (parsed.kind === 'intake') return { ...row, channel: parsed.record.channel, tags: parsed.record.tags };
    // After the replay check (a retry of a stored answer is not checked again), before storing.
    return consentRow(services, { ...row, clientIp: client, requestId: parsed.record.requestId }, parsed.record, deps.now());
  };
  let outcome;
  try {
    outcome = await runIdempotent(storage, { kind, key, fingerprint }, build, kind === 'consent' ? (row) => explainConflict(services, row) : undefined);
  } catch (error) {
    if (!(error instanceof AlreadyWithdrawn)) throw error;
    // Nothing new to withdraw: the stored withdrawal's answer, and nothing stored (200, not 201).
    return sendJson(res, 200, { ...(await consentAnswer(services, error.line)), alreadyWithdrawn: true }, cors);
  }
  const { line, replayed } = outcome;
  if (fault?.kind === 'drop-after-commit') {
    req.socket.destroy();
    return;
  }
  const answer = responseFor(line);
  const answerBody = kind === 'consent' ? await consentAnswer(services, line) : answer.body;
  sendJson(res, answer.status, answerBody, { ...cors, ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) });
}

async function limitRate(deps: ApiDeps, client: string): Promise<void> {
  const verdict = await deps.rateLimiter?.take(client);
  if (verdict && !verdict.ok) {
    throw new HttpError(429, 'rate-limited', `Too many submissions from this client; retry in ${verdict.retryAfterSeconds} s.`, {}, { 'Retry-After': String(verdict.retryAfterSeconds) });
  }
}

// Status faults answer before anything is stored; drops close the connection without an answer (tests only).
function answeredByFault(fault: FaultAction, req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): boolean {
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

/** 'slow' and 'hold' act while the key is claimed, so they show what an in-flight request looks like. */
async function delayedByFault(deps: ApiDeps, fault: FaultAction | undefined): Promise<void> {
  if (fault?.kind === 'slow') await sleep(fault.ms);
  if (fault?.kind === 'hold') await deps.faults.hold();
}
