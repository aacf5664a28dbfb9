// POST /api/intake against a real http.Server, on each storage engine: validation, idempotency, formats, limits, durability.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { validIntake } from '../fixtures/submissions.js';
import { cloudEvent, engines, get, post, start, type Running, type Target } from './helpers.js';

const fixedNow = new Date('2026-11-21T01:02:03.000Z');

for (const engine of engines()) {
  describe(`POST /api/intake [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    before(async () => {
      target = await engine.target();
      r = await start(target, { now: () => fixedNow });
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
    });

    const storedWithKey = async (key: string) => (await r.receiver.records('intake')).filter((l) => l.idempotencyKey === key);

    it('accepts a valid intake with 201 and stores it with the server time', async () => {
      const intake = validIntake();
      const res = await post(`${r.url}/api/intake`, intake, intake.id);
      assert.equal(res.status, 201);
      assert.deepEqual(await res.json(), { id: intake.id, receivedAt: fixedNow.toISOString() });
      const [line] = await storedWithKey(intake.id);
      assert.equal(line?.receivedAt, fixedNow.toISOString());
      assert.equal(line?.type, 'koe.intake.v1');
      assert.equal(line?.format, 'json');
      assert.deepEqual(line?.record, intake);
    });

    it('stores one record for two posts with the same key and body, and answers both the same', async () => {
      const intake = validIntake();
      const first = await post(`${r.url}/api/intake`, intake, intake.id);
      // Same content, different key order and spacing: still the same body.
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(intake).reverse()), null, 2);
      const second = await post(`${r.url}/api/intake`, reordered, intake.id);
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.equal(first.headers.get('idempotent-replayed'), null);
      assert.deepEqual(await second.json(), await first.json());
      assert.equal((await storedWithKey(intake.id)).length, 1);
    });

    it('refuses the same key with a different body (422)', async () => {
      const intake = validIntake();
      assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
      const changed = { ...intake, voice: { ...intake.voice, text: '別の内容です。' } };
      const res = await post(`${r.url}/api/intake`, changed, intake.id);
      assert.equal(res.status, 422);
      const body = await res.json();
      assert.equal(body.error, 'idempotency-key-reused');
      assert.match(body.message, /different request body/);
      assert.deepEqual((await storedWithKey(intake.id))[0]?.record, intake);
    });

    it('refuses an Idempotency-Key that differs from the submission id (422), so one submission cannot be stored twice', async () => {
      const intake = validIntake();
      const other = crypto.randomUUID();
      const res = await post(`${r.url}/api/intake`, intake, other);
      assert.equal(res.status, 422);
      const body = await res.json();
      assert.equal(body.error, 'idempotency-key-mismatch');
      assert.deepEqual(body.fields.map((f: { path: string }) => f.path), ['id']);
      assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
      assert.equal((await r.receiver.records('intake')).filter((l) => (l.record as { id: string }).id === intake.id).length, 1);
    });

    it('answers 409 with Retry-After to a second request with the same key while the first is in flight', async () => {
      const intake = validIntake();
      r.receiver.faults.set({ kind: 'hold', times: 1 });
      const first = post(`${r.url}/api/intake`, intake, intake.id);
      await r.receiver.faults.whenHeld(); // the first request holds the key now
      const second = await post(`${r.url}/api/intake`, intake, intake.id);
      assert.equal(second.status, 409);
      assert.equal(second.headers.get('retry-after'), '1');
      assert.equal((await second.json()).error, 'request-in-progress');
      r.receiver.faults.releaseHeld();
      assert.equal((await first).status, 201);
      const third = await post(`${r.url}/api/intake`, intake, intake.id);
      assert.equal(third.headers.get('idempotent-replayed'), 'true');
      assert.equal((await storedWithKey(intake.id)).length, 1);
    });

    it('names the offending fields in a 422, and a fixed resend with the same key is accepted', async () => {
      const intake = validIntake({ voice: { text: '   ', kind: 'quote' }, tags: [] });
      const res = await post(`${r.url}/api/intake`, intake, intake.id);
      assert.equal(res.status, 422);
      const body = await res.json();
      assert.equal(body.error, 'validation');
      const paths = body.fields.map((f: { path: string }) => f.path);
      assert.ok(paths.includes('voice.text'), `fields: ${paths}`);
      assert.ok(paths.includes('tags'), `fields: ${paths}`);
      assert.match(body.message, /voice\.text/);
      // A rejected body does not consume the key: the user fixes the form and resends it.
      const fixed = await post(`${r.url}/api/intake`, { ...intake, voice: { text: '直しました。', kind: 'quote' }, tags: ['faq'] }, intake.id);
      assert.equal(fixed.status, 201);
    });

    it('requires an Idempotency-Key and accepts an unquoted one', async () => {
      const intake = validIntake();
      const missing = await post(`${r.url}/api/intake`, intake, undefined);
      assert.equal(missing.status, 400);
      const body = await missing.json();
      assert.equal(body.error, 'idempotency-key-missing');
      assert.match(body.message, /Idempotency-Key/);
      const bare = await post(`${r.url}/api/intake`, intake, undefined, { 'Idempotency-Key': intake.id });
      assert.equal(bare.status, 201);
      const quoted = await post(`${r.url}/api/intake`, intake, intake.id);
      assert.equal(quoted.headers.get('idempotent-replayed'), 'true');
    });

    it('answers 400 for malformed JSON and 415 for other content types', async () => {
      const bad = await post(`${r.url}/api/intake`, '{"id": ', 'k-malformed');
      assert.equal(bad.status, 400);
      const body = await bad.json();
      assert.equal(body.error, 'malformed-json');
      assert.match(body.message, /not valid JSON/);
      const form = await post(`${r.url}/api/intake`, 'a=b', 'k-form', { 'Content-Type': 'application/x-www-form-urlencoded' });
      assert.equal(form.status, 415);
      assert.match((await form.json()).message, /application\/json/);
    });

    it('accepts a CloudEvents structured envelope and refuses a type or id mismatch', async () => {
      const intake = validIntake();
      const ce = { 'Content-Type': 'application/cloudevents+json' };
      const ok = await post(`${r.url}/api/intake`, cloudEvent('koe.intake.v1', intake.id, intake), intake.id, ce);
      assert.equal(ok.status, 201);
      const [line] = await storedWithKey(intake.id);
      assert.equal(line?.format, 'cloudevents');
      assert.deepEqual(line?.record, intake);

      const other = validIntake();
      const wrongType = await post(`${r.url}/api/intake`, cloudEvent('koe.consent.v1', other.id, other), other.id, ce);
      assert.equal(wrongType.status, 422);
      assert.deepEqual((await wrongType.json()).fields.map((f: { path: string }) => f.path), ['type']);

      const wrongId = await post(`${r.url}/api/intake`, cloudEvent('koe.intake.v1', crypto.randomUUID(), other), other.id, ce);
      assert.equal(wrongId.status, 422);
      assert.deepEqual((await wrongId.json()).fields.map((f: { path: string }) => f.path), ['id']);

      const badData = await post(`${r.url}/api/intake`, cloudEvent('koe.intake.v1', other.id, { ...other, channel: 'fax' }), other.id, ce);
      assert.equal(badData.status, 422);
      assert.ok((await badData.json()).fields.some((f: { path: string }) => f.path === 'channel'));
    });

    it('answers 413 for a body over the limit, declared or streamed', async () => {
      const big = validIntake();
      big.custom = Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`k${i}`, 'x'.repeat(400)]));
      const declared = await post(`${r.url}/api/intake`, big, big.id);
      assert.equal(declared.status, 413);
      assert.equal((await declared.json()).error, 'payload-too-large');

      // Chunked upload with no Content-Length: the receiver must stop reading and answer 413.
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${r.url}/api/intake`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': '"chunked"' } });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 2 * 1024 * 1024 && !req.destroyed) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
      assert.equal(status, 413);
      assert.equal((await storedWithKey('chunked')).length, 0);
    });
  });

  describe(`GET /api/records on its own store [${engine.name}]`, () => {
    it('lists exactly what was stored, newest first, and rejects an unknown type', async () => {
      const target = await engine.target();
      let clock = Date.parse('2026-11-21T00:00:00Z');
      const r = await start(target, { now: () => new Date((clock += 1000)) });
      try {
        const sent = [validIntake(), validIntake(), validIntake()];
        for (const intake of sent) assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
        const key = await r.key(['read']);
        const res = await get(`${r.url}/api/records?type=intake`, key);
        assert.equal(res.status, 200);
        const page = await res.json();
        assert.deepEqual(page.items.map((l: { record: { id: string } }) => l.record.id), sent.map((i) => i.id).reverse());
        assert.deepEqual(page.items.map((l: { record: unknown }) => l.record), [...sent].reverse());
        assert.equal(page.nextCursor, null);
        assert.equal((await get(`${r.url}/api/records?type=secrets`, key)).status, 400);
        assert.equal((await get(`${r.url}/api/nothing`, key)).status, 404);
      } finally {
        await r.stop();
        await target.cleanup();
      }
    });
  });

  describe(`durability across restarts [${engine.name}]`, () => {
    it('still dedupes a key after a new receiver starts on the same data', async () => {
      const target = await engine.target();
      try {
        const intake = validIntake();
        const first = await start(target);
        const a = await post(`${first.url}/api/intake`, intake, intake.id);
        await first.stop();

        const second = await start(target);
        const b = await post(`${second.url}/api/intake`, intake, intake.id);
        assert.equal(b.status, 201);
        assert.equal(b.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(await b.json(), await a.json());
        const changed = await post(`${second.url}/api/intake`, { ...intake, tags: ['faq'] }, intake.id);
        assert.equal(changed.status, 422);
        assert.equal((await second.receiver.records('intake')).length, 1);
        await second.stop();
      } finally {
        await target.cleanup();
      }
    });
  });
}
