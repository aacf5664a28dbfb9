// The page-load flush and a new enqueue overlapping, made to overlap every time: the item goes out once, Retry-After holds.
import { expect } from '@open-wc/testing';
import { validIntake } from '../fixtures/submissions.js';
import { bareKey, receiver } from './receiver.js';
import { Clock, DB, makeOutbox, freshOutboxEachTest, enqueueInput } from './outbox-fixture.js';
import { rawEntries } from './helpers.js';
import { until } from '../wait.js';
import { describe, it } from './mocha.js';

const offline: typeof fetch = () => Promise.reject(new TypeError('offline (test)'));

/**
 * A real fetch that holds the request for `id` until released; once the receiver has answered it,
 * the receiver starts refusing the next request with 503 and Retry-After: 120.
 */
function gateAt(id: string) {
  let release!: () => void;
  let reached!: () => void;
  const open = new Promise<void>((r) => (release = r));
  const atGate = new Promise<void>((r) => (reached = r));
  const gated: typeof fetch = async (url, init) => {
    if ((JSON.parse(String(init?.body)) as { id?: string }).id !== id) return fetch(url, init);
    reached();
    await open;
    const response = await fetch(url, init);
    await receiver.faults({ kind: 'status', status: 503, times: 1, retryAfter: '120' });
    return response;
  };
  return { gated, atGate, release };
}

/** A previous visit queued `payload` while offline; returns the clock an hour later. */
async function leftBehind(payload = validIntake()): Promise<Clock> {
  const clock = new Clock();
  const earlier = makeOutbox({ now: clock.now, fetch: offline });
  expect((await earlier.enqueue(enqueueInput(payload))).status).to.equal('queued');
  earlier.dispose();
  clock.advance(60 * 60_000);
  return clock;
}

describe('Outbox: page-load flush and enqueue overlapping', () => {
  freshOutboxEachTest();

  it('same page: an item the page-load flush already tried is not sent again by its own enqueue', async () => {
    const old = validIntake();
    const clock = await leftBehind(old);
    const gate = gateAt(old.id);
    const outbox = makeOutbox({ now: clock.now, fetch: gate.gated });
    await gate.atGate; // the page-load flush is sending the old item, holding the flush lock
    const fresh = validIntake();
    const pending = outbox.enqueue(enqueueInput(fresh));
    await until(async () => (await rawEntries(DB)).length === 2, 'the new item on disk', 5000);
    gate.release();
    const result = await pending;

    expect(result.status).to.equal('queued');
    expect(result.item.attempts).to.equal(1);
    expect(result.item.nextAttemptAt).to.be.at.least(clock.t + 120_000);
    const posts = await receiver.posts();
    expect(posts.map((h) => bareKey(h.idempotencyKey))).to.deep.equal([old.id, fresh.id]);
    expect(posts.map((h) => h.status), JSON.stringify(posts)).to.deep.equal([201, 503]);
    // Nothing sends it before the server's time, however often we flush.
    clock.advance(119_000);
    await Promise.all([outbox.flush(), outbox.flush()]);
    expect(await receiver.posts()).to.have.length(2);
    clock.advance(1000);
    await outbox.flush();
    expect((await receiver.records()).map((r) => r.record.id)).to.deep.equal([fresh.id, old.id]); // newest first
    expect(await rawEntries(DB)).to.deep.equal([]);
  });

  it('two tabs: the other tab tried the item first; the enqueueing tab re-reads it and does not send it again', async () => {
    const old = validIntake();
    const clock = await leftBehind(old);
    const gate = gateAt(old.id);
    const tabA = makeOutbox({ now: clock.now, fetch: gate.gated });
    await gate.atGate; // tab A's page-load flush holds the lock across tabs
    const tabB = makeOutbox({ now: clock.now });
    const fresh = validIntake();
    const pending = tabB.enqueue(enqueueInput(fresh));
    // Tab A has heard of the new item before its flush goes on, so it is the one that tries it.
    await until(() => tabA.counts().waiting === 2, 'tab A to see the new item', 5000);
    gate.release();
    const result = await pending;

    expect(result.status).to.equal('queued');
    expect(result.item.nextAttemptAt).to.be.at.least(clock.t + 120_000);
    const posts = await receiver.posts();
    expect(posts.map((h) => bareKey(h.idempotencyKey))).to.deep.equal([old.id, fresh.id]);
    await Promise.all([tabA.flush(), tabB.flush()]);
    expect(await receiver.posts()).to.have.length(2);
  });
});
