import { expect } from '@open-wc/testing';
import { createStore } from 'idb-keyval';
import { openKv } from '../../src/core/storage.js';
import type { Outbox, OutboxItem } from '../../src/core/outbox.js';
import { validIntake } from '../fixtures/submissions.js';
import { bareKey, receiver } from './receiver.js';
import { capture, Clock, DB, ENDPOINT, makeOutbox, freshOutboxEachTest, enqueueInput } from './outbox-fixture.js';
import { failingStores, rawEntries, watchUnhandled } from './helpers.js';
import { until } from '../wait.js';
import { describe, it } from './mocha.js';

const DAY = 86_400_000;

describe('Outbox: tabs, storage failures, retention, secrets', () => {
  freshOutboxEachTest();

  for (const [label, lock] of [
    ['Web Locks', {}],
    ['localStorage lease', { locks: null }],
  ] as const) {
    it(`two tabs on one outbox (${label}) deliver every item exactly once`, async () => {
      const clock = new Clock();
      const tabA = makeOutbox({ now: clock.now, lock });
      const tabB = makeOutbox({ now: clock.now, lock });
      await receiver.faults({ kind: 'status', status: 503 });
      const payloads = Array.from({ length: 6 }, () => validIntake());
      const results = await Promise.all(payloads.map((p, i) => (i % 2 ? tabA : tabB).enqueue(enqueueInput(p))));
      expect(results.map((r) => r.status)).to.deep.equal(Array(6).fill('queued'));
      expect(await rawEntries(DB)).to.have.length(6);
      await receiver.faults(null);
      await receiver.hits(true);
      clock.advance(30 * 60_000);
      await Promise.all([tabA.flush(), tabB.flush(), tabA.flush(), tabB.flush()]);
      await until(async () => (await rawEntries(DB)).length === 0, 'an empty outbox', 10_000);
      // A barrier, not a pause: flush() joins each tab's running flush loop and resolves when it has ended, after one more
      // look that finds nothing due. No send can be in flight in either tab after this, so the POSTs below are final.
      await Promise.all([tabA.flush(), tabB.flush()]);
      const posts = await receiver.posts();
      expect(posts.map((h) => bareKey(h.idempotencyKey)).sort()).to.deep.equal(payloads.map((p) => p.id).sort());
      const records = await receiver.records();
      expect(records.map((r) => r.record.id).sort()).to.deep.equal(payloads.map((p) => p.id).sort());
      // The other tab heard about it and shows the same (empty) counts.
      await until(() => tabA.counts().waiting === 0 && tabB.counts().waiting === 0, 'counts in both tabs', 5000);
    });
  }

  it('a change in one tab updates counts and fires change in the other', async () => {
    const tabA = makeOutbox();
    const tabB = makeOutbox();
    await Promise.all([tabA.ready, tabB.ready]);
    const changes = capture(tabB, 'change');
    await receiver.faults({ kind: 'status', status: 422, message: 'invalid' });
    await tabA.enqueue(enqueueInput());
    await until(() => tabB.counts().attention === 1, 'counts in the other tab', 5000);
    expect(changes.length).to.be.at.least(1);
  });

  it('enqueue does not hang while another tab holds the flush lock; the item goes out afterwards', async () => {
    const outbox = makeOutbox({ timeoutMs: 400 });
    await outbox.ready;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const acquired = new Promise<void>((r) => void navigator.locks.request('koe-flush:test', () => (r(), held)));
    await acquired;
    const sent = capture(outbox, 'sent');
    const result = await outbox.enqueue(enqueueInput());
    expect(result.status).to.equal('queued');
    expect(await receiver.posts()).to.have.length(0);
    release();
    await until(() => sent.length === 1, 'delivery after the lock is free', 8000);
    expect(await receiver.records()).to.have.length(1);
  });

  it('IndexedDB failing at open: works in memory, warns, and still sends online', async () => {
    const watch = watchUnhandled();
    const outbox = makeOutbox({ openKv: (db, o) => openKv(db, { ...o, store: failingStores.throwing() }) });
    const warnings = capture<{ reason: string }>(outbox, 'storage-warning');
    await outbox.ready;
    expect(outbox.persistent).to.equal(false);
    expect(outbox.storageProblem).to.equal('error');
    expect(warnings).to.deep.equal([{ reason: 'error' }]);
    const result = await outbox.enqueue(enqueueInput());
    expect(result).to.include({ status: 'sent', persistent: false });
    expect(await receiver.records()).to.have.length(1);
    expect(watch.stop()).to.deep.equal([]);
  });

  it('IndexedDB hanging at open: falls back after the timeout', async () => {
    const outbox = makeOutbox({ openTimeoutMs: 200, openKv: (db, o) => openKv(db, { ...o, store: failingStores.hanging() }) });
    await outbox.ready;
    expect(outbox.storageProblem).to.equal('timeout');
    expect((await outbox.enqueue(enqueueInput())).status).to.equal('sent');
  });

  it('a full disk at the first write: keeps the item in memory, warns quota, still delivers and retries', async () => {
    const watch = watchUnhandled();
    const clock = new Clock();
    const outbox = makeOutbox({ now: clock.now, openKv: (db, o) => openKv(db, { ...o, store: failingStores.full(createStore(db, 'items')) }) });
    const warnings = capture<{ reason: string }>(outbox, 'storage-warning');
    await outbox.ready;
    expect(outbox.persistent).to.equal(true);
    await receiver.faults({ kind: 'status', status: 503, times: 1 });
    const first = await outbox.enqueue(enqueueInput());
    expect(first).to.include({ status: 'queued', persistent: false });
    expect(warnings).to.deep.equal([{ reason: 'quota' }]);
    expect(outbox.counts().waiting).to.equal(1);
    clock.advance(10 * 60_000);
    await outbox.flush();
    expect(outbox.counts().waiting).to.equal(0);
    expect(await receiver.records()).to.have.length(1);
    expect(watch.stop()).to.deep.equal([]);
  });

  it('warns before the retention limit and then keeps expired items for the user instead of deleting them', async () => {
    const clock = new Clock();
    const outbox = makeOutbox({ now: clock.now });
    const attention = capture<{ message: string; item: OutboxItem }>(outbox, 'needs-attention');
    await receiver.faults({ kind: 'status', status: 503 });
    const payload = validIntake();
    await outbox.enqueue(enqueueInput(payload));
    clock.advance(11 * DAY);
    await outbox.flush();
    expect(outbox.expiringItems()).to.deep.equal([]);
    clock.advance(1.5 * DAY);
    await outbox.flush();
    expect(outbox.expiringItems().map((i) => i.id)).to.deep.equal([payload.id]);
    expect(outbox.expiringItems((i) => i.type === 'koe.consent.v1')).to.deep.equal([]);
    clock.advance(2 * DAY);
    await outbox.flush();
    expect(attention).to.have.length(1);
    expect(attention[0]!.item.lastError?.reason).to.equal('expired');
    const raw = await rawEntries(DB);
    expect(raw).to.have.length(1);
    expect(raw[0]![1]).to.include({ id: payload.id, state: 'needs-attention' });
    // The user resends: it goes out.
    await receiver.faults(null);
    await outbox.retry(payload.id);
    expect(await outbox.list()).to.deep.equal([]);
    expect((await receiver.records()).map((r) => r.record.id)).to.deep.equal([payload.id]);
  });

  it('never writes host headers to IndexedDB, but sends them', async () => {
    const outbox: Outbox = makeOutbox();
    outbox.setHeaders(ENDPOINT, async () => ({ Authorization: 'Bearer SECRET-TOKEN-123', 'X-Tenant': 'TENANT-SECRET' }));
    await receiver.faults({ kind: 'status', status: 503 });
    await outbox.enqueue(enqueueInput());
    const raw = JSON.stringify(await rawEntries(DB));
    expect(raw).to.contain('pending');
    expect(raw).not.to.contain('SECRET-TOKEN-123');
    expect(raw).not.to.contain('TENANT-SECRET');
    expect(raw.toLowerCase()).not.to.contain('authorization');
    const discarded = await outbox.list();
    await outbox.discard(discarded[0]!.id);
    expect(await rawEntries(DB)).to.deep.equal([]);
  });
});
