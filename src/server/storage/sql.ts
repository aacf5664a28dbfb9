// SQL both engines share: the paged read and the mapping from rows to what the API returns.
// Written with `?` placeholders; the PostgreSQL engine numbers them ($1, $2 …) before sending.
import {
  TYPE_OF,
  type ApiKey,
  type AuditRow,
  type Cursor,
  type FeedPage,
  type FeedQuery,
  type ListQuery,
  type NewRow,
  type Page,
  type SealKey,
  type StoredLine,
} from '../store.js';

export interface Row {
  seq: string | number | bigint;
  kind: string;
  idempotency_key: string | null;
  received_at: string | Date;
  format: string;
  body_sha256: string | null;
  client_ip: string | null;
  seal_key_id: string | null;
  seal_signature: string | null;
  record: string;
}

const RECORD_COLUMNS = 'r.seq, r.kind, r.idempotency_key, r.received_at, r.format, r.body_sha256, r.client_ip, r.seal_key_id, r.seal_signature, r.record';
const REQUEST_COLUMNS =
  "r.seq, 'consent-request' AS kind, r.idempotency_key, r.issued_at AS received_at, 'json' AS format, r.body_sha256, NULL AS client_ip, NULL AS seal_key_id, NULL AS seal_signature, r.record";

/** One page, newest first: fetches limit + 1 rows to learn whether another page follows. */
export function listSql(query: ListQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const isRequest = query.kind === 'consent-request';
  // With a tag filter the tag index drives the scan, so time and position are read from it.
  const t = query.tag ? 't' : 'r';
  const time = isRequest ? 'r.issued_at' : `${t}.received_at`;
  let from = isRequest ? 'consent_requests r' : 'records r';
  if (query.tag) {
    from += ' JOIN record_tags t ON t.seq = r.seq';
    where.push('t.tag = ?');
    params.push(query.tag);
  }
  if (!isRequest) {
    where.push('r.kind = ?');
    params.push(query.kind);
  }
  if (query.channel) {
    where.push('r.channel = ?');
    params.push(query.channel);
  }
  if (query.requestId) {
    where.push('r.request_id = ?');
    params.push(query.requestId);
  }
  if (query.from) {
    where.push(`${time} >= ?`);
    params.push(query.from);
  }
  if (query.to) {
    where.push(`${time} < ?`);
    params.push(query.to);
  }
  if (query.after) {
    where.push(`(${time}, ${t}.seq) < (?, ?)`);
    params.push(query.after.receivedAt, query.after.seq);
  }
  params.push(query.limit + 1);
  const sql =
    `SELECT ${isRequest ? REQUEST_COLUMNS : RECORD_COLUMNS} FROM ${from}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${time} DESC, ${t}.seq DESC LIMIT ?`;
  return { sql, params };
}

/**
 * The next rows of the feed (store.ts FeedQuery) with each row's position, oldest first. On SQLite rows commit in
 * sequence order. On PostgreSQL several instances insert at once, and a transaction that took a sequence number first
 * may commit after one that took a later number: a reader that went by sequence alone would pass over the late row for
 * good. So each row keeps its transaction's id (`tx`), the feed goes by (tx, seq), and it returns only rows of
 * transactions older than every one still running (`pg_snapshot_xmin`): those are all committed or gone, and no row
 * can appear before them any more. A row held in a running transaction holds back the rows after it until it is in.
 */
export function feedSql(engine: 'sqlite' | 'postgres', query: FeedQuery): { sql: string; params: unknown[] } {
  const isRequest = query.kind === 'consent-request';
  const where = isRequest ? [] : ['r.kind = ?'];
  const params: unknown[] = isRequest ? [] : [query.kind];
  let position: string;
  let order: string;
  if (engine === 'sqlite') {
    where.push('r.seq > ?');
    params.push(BigInt(query.after ?? 0));
    [position, order] = ['r.seq', 'r.seq'];
  } else {
    // Rows stored before the feed existed have no transaction id: they count as 0, first. The same expression as the
    // feed's indexes (migrations.ts), so an index serves both the order and the bounds.
    const tx = "coalesce(r.tx, '0'::xid8)";
    const [afterTx, afterSeq] = (query.after ?? '0.0').split('.');
    where.push(`(${tx}, r.seq) > (?::xid8, ?::bigint)`, `${tx} < pg_snapshot_xmin(pg_current_snapshot())`);
    params.push(afterTx, afterSeq);
    [position, order] = [`${tx}::text || '.' || r.seq`, `${tx}, r.seq`];
  }
  params.push(query.limit);
  const columns = isRequest ? REQUEST_COLUMNS : RECORD_COLUMNS;
  const sql = `SELECT ${columns}, ${position} AS position FROM ${isRequest ? 'consent_requests' : 'records'} r WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`;
  return { sql, params };
}

export function feedPageOf(rows: Array<Row & { position: string | number | bigint }>, after?: string): FeedPage {
  const position = rows.length ? String(rows.at(-1)!.position) : after;
  return { items: rows.map((row) => lineOf(row)), ...(position ? { position } : {}) };
}

export function toIso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** A row as the API shows it. List reads never carry a consent request's token; claims do (the issuer's replay). */
export function lineOf(row: Row, { withToken = false } = {}): StoredLine {
  const kind = row.kind as keyof typeof TYPE_OF;
  let record = JSON.parse(row.record) as Record<string, unknown>;
  if (kind === 'consent-request' && !withToken) {
    const { token: _secret, ...rest } = record;
    record = rest;
  }
  return {
    receivedAt: toIso(row.received_at),
    idempotencyKey: row.idempotency_key,
    type: TYPE_OF[kind],
    format: row.format as StoredLine['format'],
    ...(row.client_ip ? { clientIp: row.client_ip } : {}),
    ...(row.body_sha256 ? { bodySha256: row.body_sha256 } : {}),
    ...(row.seal_key_id && row.seal_signature ? { seal: { keyId: row.seal_key_id, signature: row.seal_signature } } : {}),
    record,
  };
}

export function pageOf(rows: Row[], limit: number): Page {
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  const next: Cursor | undefined = last ? { receivedAt: toIso(last.received_at), seq: String(last.seq) } : undefined;
  return { items: items.map((row) => lineOf(row)), ...(next ? { next } : {}) };
}

/** The columns of a NewRow, for the insert statements both engines run. */
export const RECORD_INSERT =
  'INSERT INTO records (kind, record_id, idempotency_key, received_at, format, body_sha256, client_ip, channel, request_id, decision, answer_key, seal_key_id, seal_signature, record) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';
/** The place of the tag list parameter after RECORD_INSERT's (PostgreSQL inserts tags in the same statement). */
export const RECORD_INSERT_PARAMS = 14;
export const REQUEST_INSERT =
  'INSERT INTO consent_requests (id, idempotency_key, body_sha256, issued_at, intake_id, record) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';

export const FIND_RECORD_BY_KEY = `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.kind = ? AND r.idempotency_key = ?`;
export const FIND_REQUEST_BY_KEY = `SELECT ${REQUEST_COLUMNS} FROM consent_requests r WHERE r.idempotency_key = ?`;

/** Parameters for RECORD_INSERT / REQUEST_INSERT, in column order. */
export function insertParams(row: NewRow, canonical: (value: unknown) => string): unknown[] {
  if (row.kind === 'consent-request') {
    const r = row.record;
    return [r.id, row.idempotencyKey, row.bodySha256, new Date(r.issuedAt).toISOString(), r.intakeId ?? null, canonical(r)];
  }
  return [
    row.kind,
    row.recordId,
    row.idempotencyKey,
    new Date(row.receivedAt).toISOString(),
    row.format,
    row.bodySha256,
    row.clientIp ?? null,
    row.channel ?? null,
    row.requestId ?? null,
    row.decision ?? null,
    row.answerKey ?? null,
    row.seal?.keyId ?? null,
    row.seal?.signature ?? null,
    canonical(row.record),
  ];
}

export const FIND_CONSENT_BY_ID = `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.kind = 'consent' AND r.record_id = ?`;
export const SEAL_KEY_INSERT = 'INSERT INTO seal_keys (id, public_jwk, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING';
export const SEAL_KEYS = 'SELECT id, public_jwk, created_at FROM seal_keys ORDER BY created_at, id';

export function sealKeyOf(row: { id: string; public_jwk: string; created_at: string | Date }): SealKey {
  return { id: row.id, publicJwk: JSON.parse(row.public_jwk) as SealKey['publicJwk'], createdAt: toIso(row.created_at) };
}

/** Every column `koe-receiver verify` checks, in insertion order; `seq` compared as a number on both engines. */
export function auditSql(table: 'records' | 'consent_requests'): string {
  const columns =
    table === 'records'
      ? 'seq, kind, record_id, request_id, decision, received_at, record, seal_key_id, seal_signature'
      : "seq, 'consent-request' AS kind, id AS record_id, NULL AS request_id, NULL AS decision, issued_at AS received_at, record, NULL AS seal_key_id, NULL AS seal_signature";
  return `SELECT ${columns} FROM ${table} WHERE seq > ? ORDER BY seq LIMIT ?`;
}

export function auditRowOf(row: Record<string, unknown>): AuditRow {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    seq: String(row.seq),
    kind: String(row.kind),
    recordId: String(row.record_id),
    requestId: text(row.request_id),
    decision: text(row.decision),
    receivedAt: toIso(row.received_at as string | Date),
    record: String(row.record),
    sealKeyId: text(row.seal_key_id),
    sealSignature: text(row.seal_signature),
  };
}

export interface KeyRow {
  id: string;
  name: string;
  scopes: string;
  secret_sha256: string;
  created_at: string | Date;
  revoked_at: string | Date | null;
}

export function keyOf(row: KeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.split(',').filter(Boolean) as ApiKey['scopes'],
    createdAt: toIso(row.created_at),
    revokedAt: row.revoked_at === null ? null : toIso(row.revoked_at),
  };
}
