// Reads: cursor pages newest first (50 by default), filters by type, tag, channel, date range and request,
// each page read through an index, and reads answered while a write is in flight.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { listSql } from '../../src/server/storage/sql.js';
import type { ListQuery } from '../../src/server/store.js';
import { validConsentRequestInput, validIntake } from '../fixtures/submissions.js';
import { answering, engines, get, intakePages, post, start, type Running, type Target } from './helpers.js';

const CHANNELS = ['meeting', 'call', 'email'] as const;
const TAGS = [['faq'], ['praise', 'faq'], ['case-study']];
const START = Date.parse('2026-11-01T00:00:00.000Z');
const HOUR = 3600_000;

for (const engine of engines()) {
  describe(`GET /api/records pages and filters [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    let key = '';
    let clock = START;
    /** What was sent, oldest first, with the receive time the receiver gave it. */
    const sent: { id: string; channel: string; tags: string[]; at: string }[] = [];
    before(async () => {
      target = await engine.target();
      r = await start(target, { now: () => new Date(clock) });
      key = await r.key(['read']);
      for (let i = 0; i < 120; i += 1) {
        clock = START + i * HOUR;
        const intake = validIntake({ channel: CHANNELS[i % 3], tags: TAGS[i % 3] });
        assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
        sent.push({ id: intake.id, channel: intake.channel, tags: intake.tags, at: new Date(clock).toISOString() });
      }
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
    });

    const walk = (query: string) => intakePages(r.url, key, query);
    const newestFirst = (filter: (s: (typeof sent)[number]) => boolean) => sent.filter(filter).map((s) => s.id).reverse();

    it('gives 50 per page by default, newest first, and every record exactly once across pages', async () => {
      const pages = await walk('');
      assert.deepEqual(pages.map((p) => p.length), [50, 50, 20]);
      assert.deepEqual(pages.flat(), newestFirst(() => true));
    });

    it('takes a page size up to 200', async () => {
      assert.deepEqual((await walk('&limit=7')).map((p) => p.length), [...Array(17).fill(7), 1]);
      assert.equal((await get(`${r.url}/api/records?type=intake&limit=201`, key)).status, 400);
      assert.equal((await get(`${r.url}/api/records?type=intake&limit=0`, key)).status, 400);
    });

    it('filters by tag and by channel, alone or together, across pages', async () => {
      assert.deepEqual((await walk('&tag=faq&limit=30')).flat(), newestFirst((s) => s.tags.includes('faq')));
      assert.deepEqual((await walk('&channel=email&limit=15')).flat(), newestFirst((s) => s.channel === 'email'));
      assert.deepEqual((await walk('&tag=faq&channel=call')).flat(), newestFirst((s) => s.tags.includes('faq') && s.channel === 'call'));
      assert.deepEqual((await walk('&tag=praise&channel=meeting')).flat(), []);
    });

    it('filters by a date range: from inclusive, to exclusive, with any offset', async () => {
      const from = sent[10]!.at;
      const to = sent[40]!.at;
      assert.deepEqual((await walk(`&from=${from}&to=${to}&limit=9`)).flat(), newestFirst((s) => s.at >= from && s.at < to));
      // The same instant written in Japan time.
      const jst = new Date(Date.parse(from) + 9 * HOUR).toISOString().replace('Z', '+09:00');
      assert.deepEqual((await walk(`&from=${encodeURIComponent(jst)}&tag=case-study`)).flat(), newestFirst((s) => s.at >= from && s.tags.includes('case-study')));
    });

    it('refuses filters that do not apply to the type', async () => {
      assert.equal((await get(`${r.url}/api/records?type=consent&tag=faq`, key)).status, 400);
      assert.equal((await get(`${r.url}/api/records?type=intake&request=r-1`, key)).status, 400);
      assert.equal((await get(`${r.url}/api/records?type=intake&channel=fax`, key)).status, 400);
    });

    it('pages consent requests and filters consent records by request', async () => {
      const requests = [];
      for (let i = 0; i < 3; i += 1) requests.push(await r.receiver.issueConsentRequest(validConsentRequestInput()));
      const answer = answering(requests[1]!);
      assert.equal((await post(`${r.url}/api/consent`, answer, answer.receiptId)).status, 201);
      const page = await (await get(`${r.url}/api/consent-requests?limit=2`, key)).json();
      assert.equal(page.items.length, 2);
      const rest = await (await get(`${r.url}/api/consent-requests?limit=2&cursor=${page.nextCursor}`, key)).json();
      assert.deepEqual([...page.items, ...rest.items].map((x: { id: string }) => x.id), requests.map((x) => x.id).reverse());
      const answers = await (await get(`${r.url}/api/records?type=consent&request=${requests[1]!.id}`, key)).json();
      assert.deepEqual(answers.items.map((l: { record: { receiptId: string } }) => l.record.receiptId), [answer.receiptId]);
    });

    it('answers a read while a write holds its key', async () => {
      r.receiver.faults.set({ kind: 'hold', times: 1 });
      const intake = validIntake();
      const write = post(`${r.url}/api/intake`, intake, intake.id);
      await r.receiver.faults.whenHeld();
      const read = await get(`${r.url}/api/records?type=intake&limit=1`, key);
      assert.equal(read.status, 200);
      r.receiver.faults.releaseHeld();
      assert.equal((await write).status, 201);
    });

    if (engine.name === 'sqlite') {
      it('reads every page through an index: no full scan, no sort of the whole table', () => {
        const db = new Database(join(target.dataDir, 'koe.sqlite'), { readonly: true });
        try {
          const after = { receivedAt: sent[60]!.at, seq: '61' };
          const shapes: ListQuery[] = [
            { kind: 'intake', limit: 50 },
            { kind: 'intake', limit: 50, after },
            { kind: 'intake', limit: 50, tag: 'faq', after },
            { kind: 'intake', limit: 50, channel: 'email', after },
            { kind: 'intake', limit: 50, from: sent[10]!.at, to: sent[90]!.at, after },
            { kind: 'consent', limit: 50, requestId: 'r', after },
            { kind: 'consent-request', limit: 50, after },
          ];
          for (const shape of shapes) {
            const { sql, params } = listSql(shape);
            const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join('; ');
            assert.doesNotMatch(plan, /TEMP B-TREE/, `sorts rows: ${JSON.stringify(shape)} → ${plan}`);
            assert.doesNotMatch(plan, /^SCAN \w+$|; SCAN \w+(;|$)/, `scans a table: ${JSON.stringify(shape)} → ${plan}`);
          }
        } finally {
          db.close();
        }
      });
    }
  });
}
