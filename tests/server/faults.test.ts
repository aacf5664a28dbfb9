// Fault mode (in-process only): injected statuses, slowness, dropped connections, seeded random soak plans.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validIntake } from '../fixtures/submissions.js';
import { validConsentRequestInput } from '../fixtures/submissions.js';
import { createHash } from 'node:crypto';
import { admin, bearer, engines, get, post, start, type Running, type Target } from './helpers.js';

for (const engine of engines()) describe(`fault mode [${engine.name}]`, () => {
  let target: Target;
  let r: Running;
  let clock = Date.parse('2026-11-21T00:00:00Z');
  before(async () => {
    target = await engine.target();
    r = await start(target, { now: () => new Date(clock) });
  });
  beforeEach(async () => {
    await r.receiver.reset();
  });
  after(async () => {
    await r.stop();
    await target.cleanup();
  });

  it('is off unless a test sets it, and cannot be reached over HTTP', async () => {
    assert.equal(r.receiver.faults.current(), undefined);
    const res = await post(`${r.url}/api/faults`, { kind: 'status', status: 503 }, 'k');
    assert.equal(res.status, 404);
    assert.equal(r.receiver.faults.current(), undefined);
  });

  it('answers a status N times with Retry-After, then behaves normally', async () => {
    r.receiver.faults.set({ kind: 'status', status: 503, times: 2, retryAfter: 'Sat, 21 Nov 2026 00:00:05 GMT' });
    const intake = validIntake();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await post(`${r.url}/api/intake`, intake, intake.id);
      statuses.push(res.status);
      if (res.status === 503) {
        assert.equal(res.headers.get('retry-after'), 'Sat, 21 Nov 2026 00:00:05 GMT');
        const body = await res.json();
        assert.equal(body.error, 'unavailable');
        assert.equal(typeof body.message, 'string');
      }
    }
    assert.deepEqual(statuses, [503, 503, 201]);
    assert.equal((await r.receiver.records('intake')).length, 1);
  });

  it('records each request with its key, time and final status', async () => {
    r.receiver.faults.set({ kind: 'status', status: 429, times: 1, retryAfter: '3' });
    const intake = validIntake();
    await post(`${r.url}/api/intake`, intake, intake.id);
    clock += 3000;
    await post(`${r.url}/api/intake`, intake, intake.id);
    const hits = r.receiver.faults.hits();
    assert.deepEqual(hits.map((h) => [h.method, h.path, h.idempotencyKey, h.status]), [
      ['POST', '/api/intake', intake.id, 429],
      ['POST', '/api/intake', intake.id, 201],
    ]);
    assert.equal(hits[0]!.fault, 'status');
    assert.equal(hits[1]!.at - hits[0]!.at, 3000);
    r.receiver.faults.resetHits();
    assert.deepEqual(r.receiver.faults.hits(), []);
  });

  it('drop: closes the connection without storing anything', async () => {
    r.receiver.faults.set({ kind: 'drop', times: 1 });
    const intake = validIntake();
    await assert.rejects(post(`${r.url}/api/intake`, intake, intake.id));
    assert.equal((await r.receiver.records('intake')).length, 0);
    assert.equal(r.receiver.faults.hits()[0]!.status, 0);
    assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
  });

  it('drop-after-commit: stores durably, drops the answer, and the retry replays it', async () => {
    r.receiver.faults.set({ kind: 'drop-after-commit', times: 1 });
    const intake = validIntake();
    await assert.rejects(post(`${r.url}/api/intake`, intake, intake.id));
    assert.equal((await r.receiver.records('intake')).length, 1);
    const retry = await post(`${r.url}/api/intake`, intake, intake.id);
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal((await r.receiver.records('intake')).length, 1);
  });

  it('slow: answers normally, no sooner than the delay', async () => {
    r.receiver.faults.set({ kind: 'slow', ms: 200, times: 1 });
    const intake = validIntake();
    const started = performance.now();
    const res = await post(`${r.url}/api/intake`, intake, intake.id);
    // A lower bound only: nothing can make a 200 ms delay shorter, however loaded the machine is.
    assert.ok(performance.now() - started >= 195, `answered after ${performance.now() - started} ms`);
    assert.equal(res.status, 201);
    assert.equal(r.receiver.faults.hits()[0]!.fault, 'slow');
    assert.equal((await r.receiver.records('intake')).length, 1);
  });

  it('applies only to the submission endpoints unless a plan names a path', async () => {
    const key = await r.key(['read', 'issue']);
    r.receiver.faults.set({ kind: 'status', status: 500 });
    assert.equal((await get(`${r.url}/api/records?type=intake`, key)).status, 200);
    assert.equal((await post(`${r.url}/api/consent-requests`, validConsentRequestInput(), undefined, bearer(key))).status, 201);
    const faulted = validIntake();
    assert.equal((await post(`${r.url}/api/intake`, faulted, faulted.id)).status, 500);

    r.receiver.faults.set({ kind: 'status', status: 401, path: '/api/consent' });
    const consent = await post(`${r.url}/api/consent`, { receiptId: 'x' }, 'x');
    assert.equal(consent.status, 401);
    assert.equal((await consent.json()).error, 'unauthorized');
    const intake = validIntake();
    assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
    assert.equal(r.receiver.faults.current()?.kind, 'status', 'the plan is still on: it applies to /api/consent only');
    r.receiver.faults.clear();
  });

  it('random: a seed gives the same sequence, and the plan ends at `until`', async () => {
    const run = async () => {
      await r.receiver.reset();
      r.receiver.faults.set({ kind: 'random', seed: 42, rates: { '503': 0.3, drop: 0.2, 'drop-after-commit': 0.1 }, until: clock + 60_000 });
      const outcomes: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        const intake = validIntake();
        outcomes.push(await post(`${r.url}/api/intake`, intake, intake.id).then((res) => String(res.status), () => 'dropped'));
      }
      return outcomes;
    };
    const first = await run();
    assert.deepEqual(await run(), first);
    assert.ok(new Set(first).size >= 3, `expected a mix of outcomes, got ${first}`);
    clock += 60_000;
    const intake = validIntake();
    assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
    assert.equal(r.receiver.faults.current(), undefined);
  });

  it('answers 503 with Retry-After when the database connection dies under a request; nothing is stored, the retry is', { skip: engine.name !== 'postgres' }, async () => {
    r.receiver.faults.set({ kind: 'hold' });
    const intake = validIntake();
    const answer = post(`${r.url}/api/intake`, intake, intake.id);
    await r.receiver.faults.whenHeld();
    // The connection that holds this request's claim (its advisory lock, as storage/postgres.ts names it) goes, as in a failover.
    const lock = createHash('sha256').update(`intake ${intake.id}`).digest().readBigInt64BE(0).toString();
    const ended = await admin('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE query LIKE $1', [`%pg_try_advisory_xact_lock(${lock})%`]);
    assert.equal(ended.length, 1, 'the claim was not found');
    r.receiver.faults.clear();
    const res = await answer;
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '2');
    assert.equal(((await res.json()) as { error: string }).error, 'storage-unavailable');
    assert.deepEqual(await r.receiver.records('intake'), []);
    assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
    assert.equal((await r.receiver.records('intake')).length, 1);
  });
});
