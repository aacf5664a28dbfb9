// What the receiver stores and the one interface both database engines implement (storage/sqlite.ts, storage/postgres.ts).
import type { ConsentRequest } from '../core/schemas.js';
import type { RateLimit, RateVerdict } from './rate-limit.js';

export type RecordKind = 'intake' | 'consent' | 'consent-request';
export type SubmissionKind = 'intake' | 'consent';
export type Scope = 'read' | 'issue' | 'intake';

export const TYPE_OF = {
  intake: 'koe.intake.v1',
  consent: 'koe.consent.v1',
  'consent-request': 'koe.consent-request.v1',
} as const satisfies Record<RecordKind, string>;

/** One stored record as reads return it (the shape of the former JSONL lines, kept for clients). */
export interface StoredLine {
  receivedAt: string;
  idempotencyKey: string | null;
  type: (typeof TYPE_OF)[RecordKind];
  format: 'json' | 'cloudevents';
  clientIp?: string;
  /** SHA-256 of the canonical submission: a replay is told from a reused key by it. */
  bodySha256?: string;
  /** Consent records: the server's seal over the receive time and the record (seal.ts). */
  seal?: Seal;
  record: unknown;
}

/** The server's seal on a stored consent record: an Ed25519 signature by the key `keyId` (GET /api/seal-keys). */
export interface Seal {
  keyId: string;
  /** base64url Ed25519 signature over sealedContent(receivedAt, record) (seal.ts). */
  signature: string;
}

/** An intake or consent record to insert. The key equals the record's own id (checked before this point). */
export interface NewRecord {
  kind: SubmissionKind;
  recordId: string;
  idempotencyKey: string;
  receivedAt: string;
  format: 'json' | 'cloudevents';
  bodySha256: string;
  clientIp?: string;
  /** Intake only: the filterable fields, copied out of the record. */
  channel?: string;
  tags?: readonly string[];
  /** Consent only: the request it answers, its decision, its seal. */
  requestId?: string;
  decision?: string;
  /**
   * Consent only: unique among stored records, so the database refuses a second answer ('answer:<request id>' on a grant
   * or decline; 'withdraw:<receipt id>:<scopes>' on a withdrawal of those scopes).
   */
  answerKey?: string;
  seal?: Seal;
  record: unknown;
}

/** An issued (signed) consent request to insert; `token` is the HMAC the consent link carries. */
export interface NewConsentRequest {
  kind: 'consent-request';
  idempotencyKey: string | null;
  bodySha256: string | null;
  record: ConsentRequest & { token: string };
}

export type NewRow = NewRecord | NewConsentRequest;

/** Newest-first position: the receive time, then the insertion sequence to break ties. */
export interface Cursor {
  receivedAt: string;
  seq: string;
}

export interface ListQuery {
  kind: RecordKind;
  limit: number;
  /** Only rows strictly older than this position (the previous page's last row). */
  after?: Cursor;
  tag?: string;
  channel?: string;
  /** ISO instants: receivedAt >= from, receivedAt < to. */
  from?: string;
  to?: string;
  /** Consent records answering this request. */
  requestId?: string;
}

export interface Page {
  items: StoredLine[];
  /** Where the next page starts; absent on the last page. */
  next?: Cursor;
}

/**
 * The feed of one kind: rows in the order they can no longer be preceded by another, oldest first, after `after` (a
 * position an earlier feed page returned; the start when absent). Its text is the engine's own (isFeedPosition).
 */
export interface FeedQuery {
  kind: RecordKind;
  limit: number;
  after?: string;
}

export interface FeedPage {
  items: StoredLine[];
  /** The position after the last item, or `after` again when nothing new is final yet (absent at the start). */
  position?: string;
}

/** Whether both engines can store and compare `at`: a time in the years 0001–9999, UTC (PostgreSQL has no year 0000). */
export function isStorableInstant(at: Date): boolean {
  return !Number.isNaN(at.getTime()) && /^(?!0000)\d{4}-/.test(at.toISOString());
}

/**
 * Whether `text` is a feed position as `engine` writes them. SQLite: the row's sequence (one process writes, so rows
 * commit in sequence order). PostgreSQL: the inserting transaction's id, a dot, the sequence (instances commit in any
 * order; see storage/sql.ts). Numbers out of the columns' range are not positions (the database would refuse them).
 */
export function isFeedPosition(engine: Storage['engine'], text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== (engine === 'sqlite' ? 1 : 2) || !parts.every((part) => /^\d{1,20}$/.test(part))) return false;
  const [seq, tx] = [BigInt(parts.at(-1)!), BigInt(engine === 'postgres' ? parts[0]! : 0)];
  return seq < 2n ** 63n && tx < 2n ** 64n;
}

export interface SealKey {
  /** RFC 7638 JWK thumbprint of the public key. */
  id: string;
  /** The public key as a JWK: { kty: 'OKP', crv: 'Ed25519', x }. */
  publicJwk: { kty: string; crv: string; x: string };
  createdAt: string;
}

/** A stored row exactly as the database holds it, for `koe-receiver verify`. */
export interface AuditRow {
  seq: string;
  kind: string;
  recordId: string;
  requestId: string | null;
  decision: string | null;
  receivedAt: string;
  /** The record's JSON text. */
  record: string;
  sealKeyId: string | null;
  sealSignature: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt: string | null;
}

export interface StoredApiKey extends ApiKey {
  /** SHA-256 (hex) of the secret part; the secret itself is never stored. */
  secretSha256: string;
}

/**
 * The in-flight claim on one Idempotency-Key (see idempotency.ts). While it is held, every other
 * request with that key, on any instance, gets 409; `insert` runs inside it.
 */
export interface KeyClaim {
  /** Stores the row durably; false when its key or its own id is already stored. */
  insert(row: NewRow): Promise<boolean>;
  /** The stored row for this claim's key, if any (read inside the claim). */
  stored(): Promise<StoredLine | undefined>;
  /** Ends the claim: commits what `insert` wrote (or rolls it back) and lets other requests in. */
  release(commit: boolean): Promise<void>;
}

export interface Storage {
  readonly engine: 'sqlite' | 'postgres';
  /** Where the data lives, without secrets (for logs). */
  readonly location: string;
  /** Takes the in-flight claim on (kind, key); undefined when another request holds it. */
  claimKey(kind: RecordKind, key: string): Promise<KeyClaim | undefined>;
  /** Inserts outside any claim (consent requests without a key, imports); false on a duplicate key or id. */
  insert(row: NewRow): Promise<boolean>;
  consentRequest(id: string): Promise<(ConsentRequest & { token: string }) | undefined>;
  /** One stored consent record by its receipt id. */
  consentRecord(receiptId: string): Promise<StoredLine | undefined>;
  /** Public keys that have sealed records, oldest first (GET /api/seal-keys). */
  sealKeys(): Promise<SealKey[]>;
  /** Publishes a sealing key's public half (kept if already there). */
  addSealKey(key: SealKey): Promise<void>;
  /** Rows as stored, in insertion order after `afterSeq` (`koe-receiver verify` reads every one of them). */
  auditRows(table: 'records' | 'consent_requests', afterSeq: string, limit: number): Promise<AuditRow[]>;
  /** One page, newest first, read through an index: never the whole table. */
  list(query: ListQuery): Promise<Page>;
  /** The next rows of the feed (FeedQuery): every row exactly once, in one order, for a client that copies them elsewhere. */
  feed(query: FeedQuery): Promise<FeedPage>;
  count(kind: RecordKind): Promise<number>;
  createKey(key: StoredApiKey): Promise<void>;
  findKey(id: string): Promise<StoredApiKey | undefined>;
  listKeys(): Promise<ApiKey[]>;
  /** Marks a key revoked; false when no such key (or already revoked). */
  revokeKey(id: string, at: string): Promise<boolean>;
  /**
   * Takes a token from a client's bucket in the database, for every instance at once (PostgreSQL). Absent where one
   * process has the database to itself (SQLite): that process counts in memory.
   */
  takeRateToken?(client: string, limit: RateLimit, nowMs: number): Promise<RateVerdict>;
  /**
   * Refreshes the query planner's statistics after a bulk load (PostgreSQL). Until a table has them, PostgreSQL guesses
   * it is tiny and reads every row to sort one page of the feed or a list. Absent on SQLite, which plans by its indexes.
   */
  analyze?(): Promise<void>;
  /** The named secret, created with `generate()` by whichever instance gets there first. */
  secret(name: string, generate: () => string): Promise<string>;
  /** Deletes every record and request (tests only; keys and secrets stay). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** What a successful POST answers, derived from the stored row, so a replay answers the same on any instance. */
export function responseFor(line: StoredLine): { status: number; body: unknown } {
  if (line.type === TYPE_OF['consent-request']) return { status: 201, body: line.record };
  const record = line.record as { id?: string; receiptId?: string };
  return { status: 201, body: { id: line.type === TYPE_OF.intake ? record.id : record.receiptId, receivedAt: line.receivedAt } };
}
