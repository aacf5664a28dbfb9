// Consent records (POST /api/consent, after the shared submission steps in submissions.ts): checked against the
// request or receipt they answer (consent-rules.ts), one answer per request (the database's unique answer_key),
// sealed when stored (seal.ts); the answer carries the signed Kantara receipt and, for a grant, the withdrawal token.
// Also: GET /api/seal-keys (public) and GET /api/withdrawal-tokens/:receiptId (key: issue; the inbox's withdrawal link).
import { regexes } from 'zod/v4/core';
import { requireKey } from '../auth.js';
import type { ConsentRecord, ConsentRequest } from '../../core/schemas.js';
import { toConsentReceipt } from '../../consent/receipt.js';
import { answerViolations, newlyWithdrawn, withdrawalViolations, type Violation } from '../consent-rules.js';
import { HttpError, pathSegment, sendJson } from '../http.js';
import type { Route } from '../router.js';
import { SEAL_KEYS_PATH, sealedContent, signJws } from '../seal.js';
import { withdrawalToken } from '../signing.js';
import type { NewRecord, Storage, StoredLine } from '../store.js';
import type { ApiDeps, Services } from './deps.js';

type SignedRequest = ConsentRequest & { token: string };

/** A withdrawal that withdraws nothing new: answered with the stored withdrawal that already did (200, not stored again). */
export class AlreadyWithdrawn extends Error {
  constructor(readonly line: StoredLine) {
    super('Everything this withdrawal withdraws was withdrawn already.');
  }
}

/** 422 for broken rules: `error` is the first rule's code, `fields` lists each with its own `code`. */
function refused(violations: Violation[]): HttpError {
  const [first] = violations;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more: see fields)` : '';
  return new HttpError(422, first!.code, `${first!.message}${more}`, { fields: violations });
}

function alreadyAnswered(request: SignedRequest): HttpError {
  return new HttpError(
    409,
    'consent-already-answered',
    `Consent request "${request.id}" has already been answered; a request takes one answer. To change a grant, withdraw it with the withdrawal link on the receipt; for anything else contact ${request.controller.email}.`,
  );
}

/** Every consent record answering a request (few: one answer and its withdrawals), newest first. */
async function linesOf(storage: Storage, requestId: string): Promise<StoredLine[]> {
  const lines: StoredLine[] = [];
  let after;
  do {
    const page = await storage.list({ kind: 'consent', limit: 200, requestId, ...(after ? { after } : {}) });
    lines.push(...page.items);
    after = page.next;
  } while (after);
  return lines;
}

const recordOf = (line: StoredLine) => line.record as ConsentRecord;
const withdrawalsOf = (lines: StoredLine[], receiptId: string) =>
  lines.filter((l) => recordOf(l).decision === 'withdrawn' && recordOf(l).withdrawsReceiptId === receiptId);

/** Scopes of a receipt withdrawn by the stored withdrawals (a withdrawal marks what it withdraws `granted: false`). */
function withdrawnSoFar(lines: StoredLine[], receiptId: string): Set<string> {
  return new Set(withdrawalsOf(lines, receiptId).flatMap((l) => recordOf(l).scopes.filter((s) => !s.granted).map((s) => s.id)));
}

/**
 * Checks a consent record against what is stored and returns the row to insert: sealed, with its answer key. Throws a
 * 422 naming the broken rule, a 409 for a second answer, or AlreadyWithdrawn. Runs holding the record's key claim.
 */
export async function consentRow({ storage, hmacKey, sealer }: Services, row: NewRecord, record: ConsentRecord, now: Date): Promise<NewRecord> {
  const request = await storage.consentRequest(record.requestId);
  if (!request) throw refused([{ code: 'request-not-issued', path: 'requestId', message: `Consent request "${record.requestId}" was never issued by this receiver.` }]);
  const lines = await linesOf(storage, request.id);
  let answerKey: string;
  if (record.decision === 'withdrawn') {
    const original = record.withdrawsReceiptId ? (await storage.consentRecord(record.withdrawsReceiptId))?.record as ConsentRecord | undefined : undefined;
    const alreadyWithdrawn = original ? withdrawnSoFar(lines, original.receiptId) : new Set<string>();
    const expectedToken = original && withdrawalToken(original.receiptId, original.requestId, hmacKey);
    const violations = withdrawalViolations(record, { original, expectedToken, alreadyWithdrawn });
    if (violations.length) throw refused(violations);
    const fresh = newlyWithdrawn(record, alreadyWithdrawn);
    if (!fresh.length) throw new AlreadyWithdrawn(withdrawalsOf(lines, original!.receiptId)[0]!);
    answerKey = `withdraw:${original!.receiptId}:${fresh.join(',')}`;
  } else {
    const violations = answerViolations(record, request, now);
    // Who holds the request's token learns that it was answered (whatever else is wrong); nobody else does.
    const genuine = !violations.some((v) => v.code === 'request-token-mismatch');
    if (genuine && lines.some((l) => recordOf(l).decision !== 'withdrawn')) throw alreadyAnswered(request);
    if (violations.length) throw refused(violations);
    answerKey = `answer:${request.id}`;
  }
  // The token is a capability: checked above, never kept (whoever reads records must not be able to withdraw).
  const { withdrawalToken: _checked, ...stored } = record;
  const receivedAt = row.receivedAt;
  return { ...row, record: stored, decision: record.decision, answerKey, seal: { keyId: sealer.keyId, signature: sealer.sign(sealedContent(receivedAt, stored)) } };
}

/** The insert lost on the answer key (another instance stored an answer meanwhile): say which answer won. */
export async function explainConflict({ storage }: Services, row: NewRecord): Promise<never> {
  const record = row.record as ConsentRecord;
  const lines = await linesOf(storage, record.requestId);
  if (row.answerKey?.startsWith('answer:') && lines.some((l) => recordOf(l).decision !== 'withdrawn' && recordOf(l).receiptId !== record.receiptId)) {
    const request = await storage.consentRequest(record.requestId);
    throw alreadyAnswered(request!);
  }
  const earlier = row.answerKey?.startsWith('withdraw:') && record.withdrawsReceiptId ? withdrawalsOf(lines, record.withdrawsReceiptId)[0] : undefined;
  if (earlier) throw new AlreadyWithdrawn(earlier);
  throw new HttpError(409, 'id-taken', 'A consent record with this receiptId is already stored under another Idempotency-Key.');
}

/**
 * The answer to a stored consent record, derived from the stored row (so a replay answers the same on any instance; Ed25519
 * signatures are deterministic): id and receive time, the seal, the Kantara receipt as a JWS, and for a grant its
 * withdrawal token; for a withdrawal, the scopes still granted after it.
 */
export async function consentAnswer({ storage, hmacKey, sealer }: Services, line: StoredLine): Promise<Record<string, unknown>> {
  const record = recordOf(line);
  const request = await storage.consentRequest(record.requestId);
  let effective = record;
  let remaining: string[] | undefined;
  if (record.decision === 'withdrawn' && record.withdrawsReceiptId) {
    const lines = await linesOf(storage, record.requestId);
    const withdrawn = withdrawnSoFar(lines.filter((l) => l.receivedAt <= line.receivedAt), record.withdrawsReceiptId);
    for (const s of record.scopes) if (!s.granted) withdrawn.add(s.id);
    effective = { ...record, scopes: record.scopes.map((s) => ({ id: s.id, granted: !withdrawn.has(s.id) })) };
    remaining = effective.scopes.filter((s) => s.granted).map((s) => s.id);
  }
  const receipt = { ...toConsentReceipt(effective, request, { publicKey: sealer.publicJwk.x }), iat: Math.floor(Date.parse(line.receivedAt) / 1000) };
  const granted = record.decision === 'granted';
  return {
    id: record.receiptId,
    receivedAt: line.receivedAt,
    ...(line.seal ? { seal: { ...line.seal, keys: SEAL_KEYS_PATH } } : {}),
    receipt: signJws(sealer, receipt),
    ...(granted ? { withdrawalToken: withdrawalToken(record.receiptId, record.requestId, hmacKey) } : {}),
    ...(remaining ? { remainingScopes: remaining } : {}),
  };
}

export function consentRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      path: SEAL_KEYS_PATH,
      async handle({ res, cors }) {
        const { storage } = await deps.services;
        const keys = (await storage.sealKeys()).map((k) => ({ ...k.publicJwk, kid: k.id, alg: 'EdDSA', use: 'sig' }));
        sendJson(res, 200, { keys }, cors);
      },
    },
    {
      method: 'GET',
      path: /^\/api\/withdrawal-tokens\/(?<receiptId>[^/]+)$/,
      async handle({ req, res, params, cors }) {
        const { storage, hmacKey } = await deps.services;
        await requireKey(req, storage, 'issue');
        const receiptId = pathSegment(params.receiptId!);
        if (!regexes.uuid().test(receiptId)) throw new HttpError(400, 'bad-id', 'A receipt ID is a UUID, as the consent receipt shows it.');
        const record = (await storage.consentRecord(receiptId))?.record as ConsentRecord | undefined;
        if (record?.decision !== 'granted') throw new HttpError(404, 'not-found', `No granted consent with receipt ID "${receiptId}".`);
        sendJson(res, 200, { receiptId, requestId: record.requestId, withdrawalToken: withdrawalToken(receiptId, record.requestId, hmacKey) }, cors);
      },
    },
  ];
}
