// Receiver idempotency. A POST carries an Idempotency-Key (for submissions: the submission's own id). First the
// request claims the key through the storage engine: on PostgreSQL a transaction-scoped advisory lock on a hash
// of (kind, key), which every instance sees and which PostgreSQL drops with the transaction or the connection,
// so a killed instance never leaves a key stuck; on SQLite an in-process set, which is the whole truth because
// the data-dir lock allows one receiver process. A request that cannot claim gets 409 with Retry-After. Holding
// the claim, it looks the key up (on PostgreSQL in the same round trip as the lock): stored with the same body
// fingerprint (SHA-256 of the canonical JSON) → the stored answer again, marked Idempotent-Replayed; stored with
// another body → 422. Otherwise it builds the row (a refusal there leaves the key unused; routes validate the body
// before claiming), inserts it — unique indexes on (kind, key) and on the record's own id make the database the
// final judge — and commits before anything is answered, so a 2xx is never lost.
import { HttpError } from './http.js';
import { TYPE_OF, type NewRow, type RecordKind, type Storage, type StoredLine } from './store.js';

export interface IdempotentRequest {
  kind: RecordKind;
  key: string;
  /** SHA-256 of the canonical submission: equal bodies have equal fingerprints whatever their key order. */
  fingerprint: string;
}

export interface IdempotentOutcome {
  line: StoredLine;
  /** True when the answer is the stored one for an earlier request with this key. */
  replayed: boolean;
}

/**
 * Claims the key, replays or refuses a seen key, else stores what `build` returns and commits it. When the insert loses
 * on another unique column (the record's own id, or a consent's answer key), `explainConflict` says why (it throws).
 */
export async function runIdempotent<R extends NewRow>(
  storage: Storage,
  request: IdempotentRequest,
  build: () => Promise<R>,
  explainConflict: (row: R) => Promise<never> = idTaken(request),
): Promise<IdempotentOutcome> {
  const claim = await storage.claimKey(request.kind, request.key);
  if (!claim) {
    throw new HttpError(409, 'request-in-progress', 'A request with this Idempotency-Key is still being processed; retry shortly.', {}, { 'Retry-After': '1' });
  }
  let committed = false;
  try {
    const seen = await claim.stored();
    if (seen) return { line: answerFor(seen, request), replayed: true };
    const row = await build();
    // Not this key (we hold it and it was not stored): another unique column.
    if (!(await claim.insert(row))) await explainConflict(row);
    await claim.release(true);
    committed = true;
    return { line: lineOf(row), replayed: false };
  } finally {
    if (!committed) await claim.release(false);
  }
}

/** The usual reason: the record's own id is taken under another key. */
function idTaken(request: IdempotentRequest): () => Promise<never> {
  return () => Promise.reject(new HttpError(409, 'id-taken', `A ${request.kind} with this id is already stored under another Idempotency-Key.`));
}

function answerFor(seen: StoredLine, request: IdempotentRequest): StoredLine {
  if (seen.bodySha256 !== request.fingerprint) {
    throw new HttpError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used with a different request body; use a new key for a new submission.');
  }
  return seen;
}

/** The stored line a new row becomes (what reads return and what the answer is derived from). */
export function lineOf(row: NewRow): StoredLine {
  if (row.kind === 'consent-request') {
    return {
      receivedAt: row.record.issuedAt,
      idempotencyKey: row.idempotencyKey,
      type: TYPE_OF['consent-request'],
      format: 'json',
      ...(row.bodySha256 ? { bodySha256: row.bodySha256 } : {}),
      record: row.record,
    };
  }
  return {
    receivedAt: row.receivedAt,
    idempotencyKey: row.idempotencyKey,
    type: TYPE_OF[row.kind],
    format: row.format,
    ...(row.clientIp !== undefined ? { clientIp: row.clientIp } : {}),
    bodySha256: row.bodySha256,
    ...(row.seal ? { seal: row.seal } : {}),
    record: row.record,
  };
}
