// GET /api/feed: every record of a kind exactly once, oldest first, page by page and poll after poll, for a client that
// copies them elsewhere. On PostgreSQL a row whose transaction commits late is not passed over: the rows after it wait.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { numbered } from '../../src/server/storage/postgres.js';
import { feedSql } from '../../src/server/storage/sql.js';
import { validConsentRequestInput, validIntake } from '../fixtures/submissions.js';
import { engines, get, post, start, type Running } from './helpers.js';

interface FeedAnswer {
  items: { type: string; receivedAt: string; record: { id: string; token?: string } }[];
  position: string | null;
}

for (const engine of engines()) {
  describe(`GET /api/feed [${engine.name}]`, () => {
    let r: Running;
    let key = '';
    before(async () => {
      r = await start(await engine.target());
      key = await r.key(['read', 'issue']);
    });
    after(async () => {
      await r.stop();
      await r.target.cleanup();
    });

    async function feed(query: string, apiKey = key): Promise<FeedAnswer> {
      const res = await get(`${r.url}/api/feed?${query}`, apiKey);
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as FeedAnswer;
    }

    /**
     * Reads on from `position` until `count` records have come (the feed may hold rows back while a transaction anywhere
     * in the database server is still open), then once more to see that nothing else follows. Returns the ids and pages.
     */
    async function readOn(type: string, position: string | null, count: number, limit = 50) {
      const ids: string[] = [];
      const pages: number[] = [];
      const deadline = Date.now() + 20_000;
      while (ids.length < count) {
        assert.ok(Date.now() < deadline, `the feed gave ${ids.length} of ${count} records`);
        const page = await feed(`type=${type}&limit=${limit}${position ? `&after=${position}` : ''}`);
        if (page.items.length) pages.push(page.items.length);
        ids.push(...page.items.map((line) => line.record.id));
        if (page.items.length) assert.notEqual(page.position, position, 'the position did not move past the items');
        else assert.equal(page.position, position, 'an empty answer moved the position');
        position = page.position;
      }
      const rest = await feed(`type=${type}${position ? `&after=${position}` : ''}`);
      assert.deepEqual(rest.items, [], 'records came after the last one');
      assert.equal(rest.position, position);
      return { ids, pages, position };
    }

    /** The position after every record stored so far (read until an answer brings nothing new). */
    async function endOfFeed(type: string): Promise<string | null> {
      let position: string | null = null;
      for (;;) {
        const page = await feed(`type=${type}&limit=200${position ? `&after=${position}` : ''}`);
        if (!page.items.length) return position;
        position = page.position;
      }
    }

    async function sendIntake(): Promise<string> {
      const intake = validIntake();
      assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
      return intake.id;
    }

    it('gives every record once, oldest first, page by page; then, from its position, only what came since', async () => {
      const sent: string[] = [];
      for (let i = 0; i < 7; i += 1) sent.push(await sendIntake());
      const first = await readOn('intake', null, 7, 3);
      assert.deepEqual(first.ids, sent);
      assert.deepEqual(first.pages.slice(0, 1), [3]);
      const later = [await sendIntake(), await sendIntake()];
      const second = await readOn('intake', first.position, 2);
      assert.deepEqual(second.ids, later);
      // Another reader starting over gets all nine, in the same order.
      assert.deepEqual((await readOn('intake', null, 9)).ids, [...sent, ...later]);
    });

    it('gives a reader polling while 300 records are posted 12 at a time each of them once', async () => {
      const start = await endOfFeed('intake');
      const sent: string[] = [];
      const reading = readOn('intake', start, 300, 7);
      await Promise.all(
        Array.from({ length: 12 }, async () => {
          while (sent.length < 300) {
            const intake = validIntake();
            sent.push(intake.id);
            assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
          }
        }),
      );
      const { ids } = await reading;
      assert.deepEqual([...ids].sort(), [...sent].sort());
    });

    it('has a feed per kind; consent requests come without their link token', async () => {
      const issued: string[] = [];
      for (let i = 0; i < 2; i += 1) {
        const res = await post(`${r.url}/api/consent-requests`, validConsentRequestInput(), undefined, { Authorization: `Bearer ${key}` });
        assert.equal(res.status, 201);
        issued.push(((await res.json()) as { id: string }).id);
      }
      const requests = await feed('type=consent-request');
      assert.deepEqual(
        requests.items.map((line) => line.record.id),
        issued,
      );
      assert.ok(requests.items.every((line) => line.type === 'koe.consent-request.v1' && line.record.token === undefined));
      assert.deepEqual((await feed('type=consent')).items, []);
    });

    it('needs a key with the read scope, and names what is wrong with a query (400)', async () => {
      assert.equal((await get(`${r.url}/api/feed?type=intake`)).status, 401);
      const issueOnly = await r.key(['issue']);
      assert.equal((await get(`${r.url}/api/feed?type=intake`, issueOnly)).status, 403);
      const other = engine.name === 'sqlite' ? '1.2' : '12';
      const tooLarge = engine.name === 'sqlite' ? '9223372036854775808' : '1.9223372036854775808';
      const bad: [query: string, named: string][] = [
        ['type=records', '"type"'],
        ['type=intake&limit=0', '"limit"'],
        ['type=intake&limit=201', '"limit"'],
        ['type=intake&after=%%%', '"after"'],
        [`type=intake&after=${Buffer.from(other).toString('base64url')}`, '"after"'],
        [`type=intake&after=${Buffer.from(tooLarge).toString('base64url')}`, '"after"'],
        [`type=intake&after=${Buffer.from('-1').toString('base64url')}`, '"after"'],
      ];
      for (const [query, named] of bad) {
        const res = await get(`${r.url}/api/feed?${query}`, key);
        assert.equal(res.status, 400, query);
        const body = (await res.json()) as { error: string; message: string };
        assert.equal(body.error, 'bad-query');
        assert.ok(body.message.includes(named), `${query}: ${body.message}`);
      }
    });

    it('reads each page through an index on SQLite, from the position on', { skip: engine.name !== 'sqlite' }, () => {
      const db = new Database(join(r.target.dataDir, 'koe.sqlite'), { readonly: true });
      try {
        for (const kind of ['intake', 'consent', 'consent-request'] as const) {
          const { sql, params } = feedSql('sqlite', { kind, limit: 50, after: '3' });
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join('; ');
          // Straight from the position along an index in feed order: the rows of other kinds are never read.
          const index = kind === 'consent-request' ? 'INTEGER PRIMARY KEY (rowid>?)' : 'INDEX records_kind_seq (kind=? AND seq>?)';
          assert.equal(plan, `SEARCH r USING ${index}`, kind);
        }
      } finally {
        db.close();
      }
    });

    it(
      'on PostgreSQL, reads each page through the feed indexes, and rows stored before the feed existed come first',
      { skip: engine.name !== 'postgres' },
      async () => {
        const db = new pg.Client({ connectionString: r.target.databaseUrl });
        await db.connect();
        try {
          // What an upgrade leaves: rows from before migration 4 have no transaction id (the column was added empty).
          const old = validIntake();
          await db.query(
            "INSERT INTO records (kind, record_id, idempotency_key, received_at, format, body_sha256, record, tx) VALUES ('intake', $1, $1, now(), 'json', 'test', $2, NULL)",
            [old.id, JSON.stringify(old)],
          );
          assert.equal((await feed('type=intake&limit=1')).items[0]!.record.id, old.id);
          // The tables are tiny here, so the planner is told to prefer an index: the question is whether one serves.
          await db.query('SET enable_seqscan = off; SET enable_bitmapscan = off');
          for (const [kind, index] of [
            ['intake', 'records_kind_tx'],
            ['consent-request', 'consent_requests_tx'],
          ] as const) {
            const { sql, params } = feedSql('postgres', { kind, limit: 50, after: '5.3' });
            const plan = (await db.query(`EXPLAIN ${numbered(sql)}`, params)).rows.map((row) => row['QUERY PLAN'] as string).join('\n');
            assert.match(plan, new RegExp(`Index Scan using ${index}`), plan);
            assert.doesNotMatch(plan, /Sort/, plan);
          }
        } finally {
          await db.end();
        }
      },
    );

    it('on PostgreSQL, does not pass over a row that commits after a later one: the later one waits for it', { skip: engine.name !== 'postgres' }, async () => {
      const position = await endOfFeed('intake');
      // An instance in the middle of a request: its transaction has inserted a record and not committed yet.
      const instance = new pg.Client({ connectionString: r.target.databaseUrl });
      await instance.connect();
      try {
        const late = validIntake();
        await instance.query('BEGIN');
        await instance.query(
          "INSERT INTO records (kind, record_id, idempotency_key, received_at, format, body_sha256, record) VALUES ('intake', $1, $1, now(), 'json', 'test', $2)",
          [late.id, JSON.stringify(late)],
        );
        // Meanwhile another instance stores a record and answers 201: it is committed, and newer.
        const early = await sendIntake();
        const listed = (await (await get(`${r.url}/api/records?type=intake&limit=1`, key)).json()) as FeedAnswer;
        assert.equal(listed.items[0]!.record.id, early, 'the committed record is not readable');
        // A client that took it now, and later read on from there, would never see the first one: the feed holds it back.
        for (let i = 0; i < 3; i += 1) assert.deepEqual((await feed(`type=intake&after=${position}`)).items, []);
        await instance.query('COMMIT');
        assert.deepEqual((await readOn('intake', position, 2)).ids, [late.id, early]);
      } finally {
        await instance.end();
      }
    });
  });
}
