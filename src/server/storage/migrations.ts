// Versioned schema changes, applied in order at start (and by every CLI command) by the engine's own runner.
// Append a migration; never edit one that has shipped. Each engine runs all pending ones in one transaction,
// under a lock, so three instances starting at once apply each migration exactly once.

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** The column types in which the two engines differ; everything else in a migration is the same SQL. */
const TYPES = {
  sqlite: { serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', bigint: 'INTEGER', time: 'TEXT', rowidFree: ' WITHOUT ROWID' },
  postgres: { serial: 'BIGSERIAL PRIMARY KEY', bigint: 'BIGINT', time: 'TIMESTAMPTZ', rowidFree: '' },
};

// Records keep the canonical JSON text of what was received (`record`), the raw evidence later seals sign;
// the other columns are copies for indexes. Uniqueness lives here: (kind, idempotency_key) and each record's
// own id (intake id, consent receiptId, consent request id). SQLite stores times as ISO 8601 UTC text of one
// width, so text order is time order; PostgreSQL as timestamptz.
function initialSchema(t: (typeof TYPES)['sqlite']): string {
  return `
    CREATE TABLE records (
      seq ${t.serial},
      kind TEXT NOT NULL CHECK (kind IN ('intake', 'consent')),
      record_id TEXT NOT NULL,
      idempotency_key TEXT NOT NULL,
      received_at ${t.time} NOT NULL,
      format TEXT NOT NULL,
      body_sha256 TEXT NOT NULL,
      client_ip TEXT,
      channel TEXT,
      request_id TEXT,
      record TEXT NOT NULL
    );
    CREATE UNIQUE INDEX records_kind_key ON records (kind, idempotency_key);
    CREATE UNIQUE INDEX records_kind_id ON records (kind, record_id);
    CREATE INDEX records_kind_time ON records (kind, received_at, seq);
    CREATE INDEX records_kind_channel_time ON records (kind, channel, received_at, seq);
    CREATE INDEX records_request_time ON records (request_id, received_at, seq) WHERE request_id IS NOT NULL;
    CREATE TABLE record_tags (
      tag TEXT NOT NULL,
      received_at ${t.time} NOT NULL,
      seq ${t.bigint} NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
      PRIMARY KEY (tag, received_at, seq)
    )${t.rowidFree};
    CREATE TABLE consent_requests (
      seq ${t.serial},
      id TEXT NOT NULL UNIQUE,
      idempotency_key TEXT UNIQUE,
      body_sha256 TEXT,
      issued_at ${t.time} NOT NULL,
      intake_id TEXT,
      record TEXT NOT NULL
    );
    CREATE INDEX consent_requests_time ON consent_requests (issued_at, seq);
    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      scopes TEXT NOT NULL,
      secret_sha256 TEXT NOT NULL,
      created_at ${t.time} NOT NULL,
      revoked_at ${t.time}
    );
    CREATE TABLE secrets (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      created_at ${t.time} NOT NULL
    );`;
}

// Consent that holds up (issue 13). `decision` copies the record's decision out for queries. `answer_key` is what makes
// "one answer per request" the database's rule: 'answer:<request id>' on a grant or decline (and
// 'withdraw:<receipt id>:<scopes>' on a withdrawal), under a unique index, so a second answer loses on any instance.
// Rows stored earlier keep their history: only the first grant or decline of each request takes the request's key.
// `seal_key_id` and `seal_signature` are the server's seal (seal.ts): Ed25519 over the receive time and the record;
// `seal_keys` publishes every public key that ever sealed (GET /api/seal-keys), so old seals stay verifiable.
function consentThatHoldsUp(t: (typeof TYPES)['sqlite'], decisionOf: string): string {
  return `
    ALTER TABLE records ADD COLUMN decision TEXT;
    ALTER TABLE records ADD COLUMN answer_key TEXT;
    ALTER TABLE records ADD COLUMN seal_key_id TEXT;
    ALTER TABLE records ADD COLUMN seal_signature TEXT;
    UPDATE records SET decision = ${decisionOf} WHERE kind = 'consent';
    UPDATE records SET answer_key = 'answer:' || request_id
      WHERE seq IN (SELECT min(seq) FROM records WHERE kind = 'consent' AND decision IN ('granted', 'declined') GROUP BY request_id);
    CREATE UNIQUE INDEX records_answer_key ON records (answer_key);
    CREATE TABLE seal_keys (
      id TEXT PRIMARY KEY,
      public_jwk TEXT NOT NULL,
      created_at ${t.time} NOT NULL
    );`;
}

// Rate limits shared by every instance on one PostgreSQL database: one token bucket per client, the client kept as a
// keyed hash (rate-limit.ts), never as an address. A bucket untouched for a whole window is full again and may go.
// SQLite serves one receiver process per data directory, which counts in memory: nothing to create there.
const RATE_BUCKETS = `
    CREATE TABLE rate_buckets (
      client TEXT PRIMARY KEY,
      tokens DOUBLE PRECISION NOT NULL,
      at_ms BIGINT NOT NULL
    );`;

// The feed (GET /api/feed; storage/sql.ts feedSql). PostgreSQL: each row keeps the id of the transaction that inserted it,
// since instances commit in any order and the feed reads only rows of transactions that have all ended. The column is
// added without a value for the rows already there (NULL: they come first, in sequence order), so the upgrade does not
// rewrite the tables; the default fills it from then on. SQLite commits in sequence order.
const FEED = {
  sqlite: `
    CREATE INDEX records_kind_seq ON records (kind, seq);`,
  postgres: `
    ALTER TABLE records ADD COLUMN tx xid8;
    ALTER TABLE records ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
    ALTER TABLE consent_requests ADD COLUMN tx xid8;
    ALTER TABLE consent_requests ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
    CREATE INDEX records_kind_tx ON records (kind, (coalesce(tx, '0'::xid8)), seq);
    CREATE INDEX consent_requests_tx ON consent_requests ((coalesce(tx, '0'::xid8)), seq);`,
};

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'records, consent requests, API keys, secrets', sqlite: initialSchema(TYPES.sqlite), postgres: initialSchema(TYPES.postgres) },
  {
    version: 2,
    name: 'consent decisions, one answer per request, seals',
    sqlite: consentThatHoldsUp(TYPES.sqlite, "json_extract(record, '$.decision')"),
    postgres: consentThatHoldsUp(TYPES.postgres, "(record::jsonb) ->> 'decision'"),
  },
  { version: 3, name: 'rate limits shared by the instances', sqlite: '-- PostgreSQL only', postgres: RATE_BUCKETS },
  { version: 4, name: 'the feed: every record once, in commit order', ...FEED },
];

/** The bookkeeping table both runners create first. */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;
