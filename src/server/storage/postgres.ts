// The scale-out engine: PostgreSQL through node-postgres, shared by any number of receiver instances.
// A key's in-flight claim is a transaction holding pg_try_advisory_xact_lock on a hash of (kind, key):
// every instance sees it, and PostgreSQL drops it when the transaction ends or the connection does,
// so an instance killed mid-request (kill -9, power cut) never leaves a key stuck.
import { createHash } from 'node:crypto';
import type * as PG from 'pg';
import { canonicalJson } from '../canonical.js';
import { refillPerMs, secondsUntilToken, type RateLimit, type RateVerdict } from '../rate-limit.js';
import type { ApiKey, AuditRow, FeedPage, FeedQuery, KeyClaim, ListQuery, NewRow, Page, RecordKind, SealKey, StoredApiKey, Storage, StoredLine } from '../store.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import {
  FIND_CONSENT_BY_ID, FIND_RECORD_BY_KEY, FIND_REQUEST_BY_KEY, RECORD_INSERT, RECORD_INSERT_PARAMS, REQUEST_INSERT, SEAL_KEYS, SEAL_KEY_INSERT,
  auditRowOf, auditSql, feedPageOf, feedSql, insertParams, keyOf, lineOf, listSql, pageOf, sealKeyOf, type KeyRow, type Row,
} from './sql.js';

type Queryable = Pick<PG.Pool, 'query'> | PG.PoolClient;

/** Any advisory-lock id outside the per-key hashes: serializes migrations between instances starting together. */
const MIGRATION_LOCK = 4_711_001;
/** A connection idle inside a transaction this long is closed by the server, releasing its claim. */
const IDLE_IN_TRANSACTION = '60s';

export async function openPostgres(url: string, Driver: typeof PG, poolSize = 10): Promise<Storage> {
  const pool = new Driver.Pool({ connectionString: url, max: poolSize });
  // A dropped connection must not crash the process; the request using it fails and is retried.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    // The first use of the database: say which one (never the password) and what to check, with the driver's reason.
    throw Object.assign(new Error(`koe-receiver: PostgreSQL at ${describe(url)} cannot be used: ${(error as Error).message}. Check that it runs and that KOE_DATABASE_URL (user, password, database) is right.`), {
      code: 'KOE_DATABASE_UNUSABLE',
      cause: error,
    });
  }
  return new PostgresStorage(pool, describe(url));
}

async function migrate(pool: PG.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await client.query(MIGRATIONS_TABLE);
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.postgres);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** `?` placeholders → `$1, $2 …` (our SQL has no `?` inside literals). Exported for tests that run our SQL by hand. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A signed 64-bit lock id from (kind, key); a collision only makes one request wait with a 409. */
function lockId(kind: RecordKind, key: string): string {
  return createHash('sha256').update(`${kind} ${key}`).digest().readBigInt64BE(0).toString();
}

/** host:port/database, never the password. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.host}${u.pathname}`;
  } catch {
    return 'postgres (unparseable URL)';
  }
}

const RECORD_INSERT_WITH_TAGS = `WITH r AS (${numbered(RECORD_INSERT)} RETURNING seq, received_at),
  t AS (INSERT INTO record_tags (tag, received_at, seq) SELECT tag, r.received_at, r.seq FROM r CROSS JOIN unnest($${RECORD_INSERT_PARAMS + 1}::text[]) AS tag ON CONFLICT DO NOTHING)
  SELECT seq FROM r`;

async function insertWith(db: Queryable, row: NewRow): Promise<boolean> {
  const params = insertParams(row, canonicalJson);
  if (row.kind === 'consent-request') return ((await db.query(numbered(REQUEST_INSERT), params)).rowCount ?? 0) === 1;
  const result = await db.query(RECORD_INSERT_WITH_TAGS, [...params, [...new Set(row.tags ?? [])]]);
  return result.rows.length === 1;
}

// One statement per request: refill the client's bucket for the time since it was last used, then take a token if one is
// there. The row lock of ON CONFLICT orders concurrent takes for one client, whichever instance they come to.
// $1 client, $2 max, $3 now (ms), $4 tokens refilled per ms; an instance whose clock is behind refills nothing.
const REFILLED = 'LEAST($2::float8, b.tokens + GREATEST(0, $3::bigint - b.at_ms) * $4::float8)';
const RATE_TAKE = `INSERT INTO rate_buckets AS b (client, tokens, at_ms) VALUES ($1, $2::float8 - 1, $3::bigint)
  ON CONFLICT (client) DO UPDATE SET tokens = ${REFILLED} - 1, at_ms = GREATEST(b.at_ms, $3::bigint) WHERE ${REFILLED} >= 1
  RETURNING tokens`;
const RATE_TOKENS = `SELECT ${REFILLED} AS tokens FROM rate_buckets b WHERE b.client = $1`;
/** Every this many takes, an instance deletes the buckets that a whole window has filled again. */
const RATE_SWEEP_EVERY = 1000;

class PostgresStorage implements Storage {
  readonly engine = 'postgres';
  readonly location: string;
  readonly #pool: PG.Pool;
  #takesSinceSweep = 0;

  constructor(pool: PG.Pool, location: string) {
    this.#pool = pool;
    this.location = location;
  }

  async claimKey(kind: RecordKind, key: string): Promise<KeyClaim | undefined> {
    const client = await this.#pool.connect();
    // The pool listens for errors on idle connections only. This one stays checked out while its request is processed:
    // if the server ends it meanwhile (a restart, a failover), the next query on it fails, and the request gets 503;
    // unheard, the error would end the process.
    const ignoreLostConnection = (): void => undefined;
    client.on('error', ignoreLostConnection);
    const giveBack = (error?: Error): void => {
      client.off('error', ignoreLostConnection);
      client.release(error);
    };
    let locked: boolean;
    let seen: StoredLine | undefined;
    try {
      // One round trip: open the transaction, try the lock, and (a statement later, so it sees what an earlier
      // holder committed) look the key up. Parameters cannot go with several statements: the key is escaped.
      const lookup = kind === 'consent-request' ? FIND_REQUEST_BY_KEY.replace('?', client.escapeLiteral(key)) : FIND_RECORD_BY_KEY.replace('?', client.escapeLiteral(kind)).replace('?', client.escapeLiteral(key));
      const results = (await client.query(
        `BEGIN; SET LOCAL idle_in_transaction_session_timeout = '${IDLE_IN_TRANSACTION}'; SELECT pg_try_advisory_xact_lock(${lockId(kind, key)}) AS locked; ${lookup}`,
      )) as unknown as PG.QueryResult[];
      locked = results[2]!.rows[0].locked === true;
      const row = results[3]!.rows[0] as Row | undefined;
      seen = row && lineOf(row, { withToken: true });
      if (!locked) await client.query('ROLLBACK');
    } catch (error) {
      giveBack(error as Error);
      throw error;
    }
    if (!locked) {
      giveBack();
      return undefined;
    }
    let open = true;
    return {
      insert: (row) => insertWith(client, row),
      stored: async () => seen,
      release: async (commit) => {
        if (!open) return;
        open = false;
        try {
          await client.query(commit ? 'COMMIT' : 'ROLLBACK');
          giveBack();
        } catch (error) {
          // The connection is suspect: discard it rather than hand it to the next request.
          giveBack(error as Error);
          throw error;
        }
      },
    };
  }

  insert(row: NewRow): Promise<boolean> {
    return insertWith(this.#pool, row);
  }

  async consentRequest(id: string) {
    const row = (await this.#pool.query<{ record: string }>('SELECT record FROM consent_requests WHERE id = $1', [id])).rows[0];
    return row ? JSON.parse(row.record) : undefined;
  }

  async consentRecord(receiptId: string): Promise<StoredLine | undefined> {
    const row = (await this.#pool.query<Row>(numbered(FIND_CONSENT_BY_ID), [receiptId])).rows[0];
    return row && lineOf(row);
  }

  async sealKeys(): Promise<SealKey[]> {
    return (await this.#pool.query<{ id: string; public_jwk: string; created_at: Date }>(SEAL_KEYS)).rows.map(sealKeyOf);
  }

  async addSealKey(key: SealKey): Promise<void> {
    await this.#pool.query(numbered(SEAL_KEY_INSERT), [key.id, JSON.stringify(key.publicJwk), key.createdAt]);
  }

  async auditRows(table: 'records' | 'consent_requests', afterSeq: string, limit: number): Promise<AuditRow[]> {
    return (await this.#pool.query<Record<string, unknown>>(numbered(auditSql(table)), [afterSeq, limit])).rows.map(auditRowOf);
  }

  async list(query: ListQuery): Promise<Page> {
    const { sql, params } = listSql(query);
    return pageOf((await this.#pool.query<Row>(numbered(sql), params)).rows, query.limit);
  }

  async feed(query: FeedQuery): Promise<FeedPage> {
    const { sql, params } = feedSql('postgres', query);
    return feedPageOf((await this.#pool.query<Row & { position: string }>(numbered(sql), params)).rows, query.after);
  }

  async count(kind: RecordKind): Promise<number> {
    const result =
      kind === 'consent-request'
        ? await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM consent_requests')
        : await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE kind = $1', [kind]);
    return Number(result.rows[0]!.n);
  }

  async createKey(key: StoredApiKey): Promise<void> {
    await this.#pool.query('INSERT INTO api_keys (id, name, scopes, secret_sha256, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, NULL)', [
      key.id,
      key.name,
      key.scopes.join(','),
      key.secretSha256,
      key.createdAt,
    ]);
  }

  async findKey(id: string): Promise<StoredApiKey | undefined> {
    const row = (await this.#pool.query<KeyRow>('SELECT * FROM api_keys WHERE id = $1', [id])).rows[0];
    return row && { ...keyOf(row), secretSha256: row.secret_sha256 };
  }

  async listKeys(): Promise<ApiKey[]> {
    return (await this.#pool.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).rows.map(keyOf);
  }

  async revokeKey(id: string, at: string): Promise<boolean> {
    return ((await this.#pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount ?? 0) === 1;
  }

  async takeRateToken(client: string, limit: RateLimit, nowMs: number): Promise<RateVerdict> {
    const params = [client, limit.max, nowMs, refillPerMs(limit)];
    if ((this.#takesSinceSweep += 1) >= RATE_SWEEP_EVERY) {
      this.#takesSinceSweep = 0;
      await this.#pool.query('DELETE FROM rate_buckets WHERE at_ms < $1', [nowMs - limit.windowSeconds * 1000]);
    }
    if ((await this.#pool.query(RATE_TAKE, params)).rows.length === 1) return { ok: true };
    const bucket = (await this.#pool.query<{ tokens: number }>(RATE_TOKENS, params)).rows[0];
    return { ok: false, retryAfterSeconds: secondsUntilToken(bucket?.tokens ?? 0, limit) };
  }

  async analyze(): Promise<void> {
    await this.#pool.query('ANALYZE records, record_tags, consent_requests');
  }

  async secret(name: string, generate: () => string): Promise<string> {
    await this.#pool.query('INSERT INTO secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [name, generate(), new Date().toISOString()]);
    return (await this.#pool.query<{ value: string }>('SELECT value FROM secrets WHERE name = $1', [name])).rows[0]!.value;
  }

  async reset(): Promise<void> {
    await this.#pool.query('DELETE FROM record_tags; DELETE FROM records; DELETE FROM consent_requests; DELETE FROM rate_buckets;');
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
