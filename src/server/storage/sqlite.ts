// The embedded engine: one SQLite file (WAL, synchronous=FULL) under the data dir, for one receiver process.
// Concurrent POSTs are committed together (group commit): every insert queued in one turn of the event loop
// goes into one transaction and one fsync, and each waits for that commit before it is answered.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { canonicalJson } from '../canonical.js';
import type { ApiKey, AuditRow, FeedPage, FeedQuery, KeyClaim, ListQuery, NewRow, Page, RecordKind, SealKey, StoredApiKey, Storage, StoredLine } from '../store.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import {
  FIND_CONSENT_BY_ID, FIND_RECORD_BY_KEY, FIND_REQUEST_BY_KEY, RECORD_INSERT, REQUEST_INSERT, SEAL_KEYS, SEAL_KEY_INSERT,
  auditRowOf, auditSql, feedPageOf, feedSql, insertParams, keyOf, lineOf, listSql, pageOf, sealKeyOf, type KeyRow, type Row,
} from './sql.js';

type Database = BetterSqlite3.Database;

export const SQLITE_FILE = 'koe.sqlite';

/** Opens (creating and migrating) the data dir's database. The caller holds the data-dir lock if it serves. */
export function openSqlite(dataDir: string, Driver: typeof BetterSqlite3): Storage {
  mkdirSync(dataDir, { recursive: true });
  const db = new Driver(join(dataDir, SQLITE_FILE), { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    // FULL: the WAL is fsynced at every commit, so nothing answered 2xx is lost to a crash or power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStorage(db, join(dataDir, SQLITE_FILE));
}

function migrate(db: Database): void {
  const run = db.transaction(() => {
    db.exec(MIGRATIONS_TABLE);
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    }
  });
  // IMMEDIATE takes the write lock first, so a CLI command starting beside a receiver waits instead of racing.
  run.immediate();
}

interface Pending {
  row: NewRow;
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

class SqliteStorage implements Storage {
  readonly engine = 'sqlite';
  readonly location: string;
  /** Keys being processed. One process per data dir (the lock) makes this set the whole truth. */
  readonly #inFlight = new Set<string>();
  /** Inserts waiting for the next group commit. */
  #queue: Pending[] = [];
  readonly #db: Database;
  readonly #statements;

  constructor(db: Database, location: string) {
    this.#db = db;
    this.location = location;
    this.#statements = {
      record: db.prepare(RECORD_INSERT),
      request: db.prepare(REQUEST_INSERT),
      tag: db.prepare('INSERT INTO record_tags (tag, received_at, seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      recordByKey: db.prepare(FIND_RECORD_BY_KEY),
      requestByKey: db.prepare(FIND_REQUEST_BY_KEY),
    };
  }

  async claimKey(kind: RecordKind, key: string): Promise<KeyClaim | undefined> {
    const id = `${kind} ${key}`;
    if (this.#inFlight.has(id)) return undefined;
    this.#inFlight.add(id);
    return {
      insert: (row) => this.insert(row),
      stored: async () => this.#findByKey(kind, key),
      // Inserts commit on their own (group commit); releasing only lets the next request with this key in.
      release: async () => void this.#inFlight.delete(id),
    };
  }

  insert(row: NewRow): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.#queue.push({ row, resolve, reject }) === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    let results: boolean[];
    try {
      results = this.#db.transaction(() => batch.map(({ row }) => this.#insertNow(row)))();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => pending.resolve(results[i]!));
  }

  #insertNow(row: NewRow): boolean {
    const params = insertParams(row, canonicalJson);
    if (row.kind === 'consent-request') return this.#statements.request.run(...params).changes === 1;
    const result = this.#statements.record.run(...params);
    if (result.changes !== 1) return false;
    const receivedAt = params[3];
    for (const tag of row.tags ?? []) this.#statements.tag.run(tag, receivedAt, result.lastInsertRowid);
    return true;
  }

  #findByKey(kind: RecordKind, key: string): StoredLine | undefined {
    const row = (kind === 'consent-request' ? this.#statements.requestByKey.get(key) : this.#statements.recordByKey.get(kind, key)) as Row | undefined;
    return row && lineOf(row, { withToken: true });
  }

  async consentRequest(id: string) {
    const text = this.#db.prepare('SELECT record FROM consent_requests WHERE id = ?').pluck().get(id) as string | undefined;
    return text === undefined ? undefined : JSON.parse(text);
  }

  async consentRecord(receiptId: string): Promise<StoredLine | undefined> {
    const row = this.#db.prepare(FIND_CONSENT_BY_ID).get(receiptId) as Row | undefined;
    return row && lineOf(row);
  }

  async sealKeys(): Promise<SealKey[]> {
    return (this.#db.prepare(SEAL_KEYS).all() as Array<{ id: string; public_jwk: string; created_at: string }>).map(sealKeyOf);
  }

  async addSealKey(key: SealKey): Promise<void> {
    this.#db.prepare(SEAL_KEY_INSERT).run(key.id, JSON.stringify(key.publicJwk), key.createdAt);
  }

  async auditRows(table: 'records' | 'consent_requests', afterSeq: string, limit: number): Promise<AuditRow[]> {
    return (this.#db.prepare(auditSql(table)).all(Number(afterSeq), limit) as Array<Record<string, unknown>>).map(auditRowOf);
  }

  async list(query: ListQuery): Promise<Page> {
    const { sql, params } = listSql(query);
    return pageOf(this.#db.prepare(sql).all(...params) as Row[], query.limit);
  }

  async feed(query: FeedQuery): Promise<FeedPage> {
    const { sql, params } = feedSql('sqlite', query);
    return feedPageOf(this.#db.prepare(sql).all(...params) as Array<Row & { position: number }>, query.after);
  }

  async count(kind: RecordKind): Promise<number> {
    if (kind === 'consent-request') return this.#db.prepare('SELECT count(*) FROM consent_requests').pluck().get() as number;
    return this.#db.prepare('SELECT count(*) FROM records WHERE kind = ?').pluck().get(kind) as number;
  }

  async createKey(key: StoredApiKey): Promise<void> {
    this.#db
      .prepare('INSERT INTO api_keys (id, name, scopes, secret_sha256, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)')
      .run(key.id, key.name, key.scopes.join(','), key.secretSha256, key.createdAt);
  }

  async findKey(id: string): Promise<StoredApiKey | undefined> {
    const row = this.#db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as KeyRow | undefined;
    return row && { ...keyOf(row), secretSha256: row.secret_sha256 };
  }

  async listKeys(): Promise<ApiKey[]> {
    return (this.#db.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all() as KeyRow[]).map(keyOf);
  }

  async revokeKey(id: string, at: string): Promise<boolean> {
    return this.#db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async secret(name: string, generate: () => string): Promise<string> {
    this.#db.prepare('INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(name, generate(), new Date().toISOString());
    return this.#db.prepare('SELECT value FROM secrets WHERE name = ?').pluck().get(name) as string;
  }

  async reset(): Promise<void> {
    this.#db.exec('DELETE FROM record_tags; DELETE FROM records; DELETE FROM consent_requests;');
  }

  async close(): Promise<void> {
    if (this.#queue.length) this.#flush();
    if (this.#db.open) this.#db.close();
  }
}
