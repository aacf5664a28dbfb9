// The storage engines themselves: uniqueness enforced by the database, migrations safe to run at once,
// SQLite durability settings, and one receiver per SQLite data dir.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { createReceiver, DataDirLockedError } from '../../src/server/index.js';
import { MIGRATIONS } from '../../src/server/storage/migrations.js';
import { openStorage } from '../../src/server/storage/open.js';
import { openSqlite } from '../../src/server/storage/sqlite.js';
import type { NewRecord } from '../../src/server/store.js';
import { validConsentRequestInput, validIntake } from '../fixtures/submissions.js';
import { admin, engines, post, start, TEST_DATABASE_URL, type Target } from './helpers.js';

const open = (target: Target) => openStorage({ dataDir: target.dataDir, databaseUrl: target.databaseUrl, serve: false }).storage;

function intakeRow(id: string, key = id): NewRecord {
  return { kind: 'intake', recordId: id, idempotencyKey: key, receivedAt: new Date().toISOString(), format: 'json', bodySha256: 'f', tags: ['faq'], channel: 'email', record: validIntake({ id }) };
}

for (const engine of engines()) {
  describe(`uniqueness is the database's job [${engine.name}]`, () => {
    it('refuses a second row with the same key or the same own id, even from two connections at once', async () => {
      const target = await engine.target();
      const [a, b] = [await open(target), await open(target)];
      try {
        const id = crypto.randomUUID();
        const results = await Promise.all([a.insert(intakeRow(id)), b.insert(intakeRow(id))]);
        assert.deepEqual(results.sort(), [false, true]);
        assert.equal(await a.insert(intakeRow(id, 'another-key')), false, 'same intake id under another key');
        const other = crypto.randomUUID();
        assert.equal(await a.insert(intakeRow(other, id)), false, 'same key for another intake');
        assert.equal(await a.count('intake'), 1);

        const request = { ...validConsentRequestInput(), id: 'req-1', issuedAt: new Date().toISOString(), expiresAt: new Date().toISOString(), token: 't' };
        const row = { kind: 'consent-request' as const, idempotencyKey: null, bodySha256: null, record: request };
        assert.deepEqual((await Promise.all([a.insert(row), b.insert({ ...row, record: { ...request, token: 'u' } })])).sort(), [false, true]);
        assert.equal(await a.count('consent-request'), 1);
      } finally {
        await a.close();
        await b.close();
        await target.cleanup();
      }
    });
  });
}

describe('migrations', () => {
  it('are versioned, each applied once', async () => {
    const versions = MIGRATIONS.map((m) => m.version);
    assert.deepEqual(versions, [...versions].sort((x, y) => x - y));
    assert.equal(new Set(versions).size, versions.length);
  });

  it('run safely when three PostgreSQL instances start at once', { skip: !TEST_DATABASE_URL && 'needs KOE_TEST_DATABASE_URL' }, async () => {
    const [, postgres] = engines();
    const target = await postgres!.target();
    try {
      const storages = await Promise.all([open(target), open(target), open(target)]);
      const applied = await admin<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version', [], target.databaseUrl);
      assert.deepEqual(applied.map((row) => row.version), MIGRATIONS.map((m) => m.version));
      assert.ok(await storages[2]!.insert(intakeRow(crypto.randomUUID())));
      await Promise.all(storages.map((s) => s.close()));
    } finally {
      await target.cleanup();
    }
  });
});

describe('SQLite: one receiver per data dir, durable commits', () => {
  it('uses WAL with synchronous=FULL, so a commit is on disk before it is answered', async () => {
    const [sqlite] = engines();
    const target = await sqlite!.target();
    // Keep the engine's own connection, to ask it what it runs with.
    const connections: Database.Database[] = [];
    const Keep = function (...args: ConstructorParameters<typeof Database>) {
      const db = new Database(...args);
      connections.push(db);
      return db;
    } as unknown as typeof Database;
    const storage = openSqlite(target.dataDir, Keep);
    const connection = connections[0];
    try {
      assert.equal(connection!.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(connection!.pragma('synchronous', { simple: true }), 2, 'FULL');
    } finally {
      await storage.close();
      await target.cleanup();
    }
  });

  it('refuses a second receiver on the same dir before it reads anything, and lets one start after the first closes', async () => {
    const [sqlite] = engines();
    const target = await sqlite!.target();
    const first = await start(target);
    try {
      const intake = validIntake();
      assert.equal((await post(`${first.url}/api/intake`, intake, intake.id)).status, 201);
      assert.throws(() => createReceiver({ dataDir: target.dataDir }), (error: Error) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, new RegExp(`already using the data dir ${target.dataDir}.*pid ${process.pid}`));
        return true;
      });
      const again = await post(`${first.url}/api/intake`, intake, intake.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true', 'the first receiver carries on, its data untouched');
      await first.stop();
      const next = await start(target);
      assert.equal((await next.receiver.records('intake')).length, 1);
      await next.stop();
    } finally {
      await target.cleanup();
    }
  });
});
