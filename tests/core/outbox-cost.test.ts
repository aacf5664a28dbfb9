// What draining a queue costs the disk, counted (not timed): whole-store reads stay constant, not one per item.
import { expect } from '@open-wc/testing';
import { openKv, type Kv } from '../../src/core/storage.js';
import type { OutboxOptions } from '../../src/core/outbox.js';
import { receiver } from './receiver.js';
import { Clock, DB, disposeAll, makeOutbox, enqueueInput } from './outbox-fixture.js';
import { rawEntries } from './helpers.js';
import { afterEach, beforeEach, describe, it } from './mocha.js';

const N = 40;
const offline: typeof fetch = () => Promise.reject(new TypeError('offline (test)'));

/** The real IndexedDB store, with every call counted. */
function counted(): { calls: Record<keyof Kv, number>; openKv: NonNullable<OutboxOptions['openKv']> } {
  const calls = { entries: 0, get: 0, set: 0, del: 0, persistent: 0, problem: 0 };
  return {
    calls,
    openKv: async (db, options) => {
      const kv = await openKv(db, options);
      const wrap = <K extends 'entries' | 'get' | 'set' | 'del'>(k: K) =>
        ((...args: unknown[]) => (calls[k]++, (kv[k] as (...a: unknown[]) => unknown)(...args))) as Kv[K];
      return { ...kv, persistent: kv.persistent, entries: wrap('entries'), get: wrap('get'), set: wrap('set'), del: wrap('del') };
    },
  };
}

describe('Outbox: disk work per item', () => {
  beforeEach(async () => {
    await disposeAll();
    await receiver.reset();
  });
  afterEach(disposeAll);

  it(`queueing ${N} items offline never re-reads the whole store per item`, async () => {
    const { calls, openKv: open } = counted();
    const outbox = makeOutbox({ fetch: offline, openKv: open });
    await outbox.ready;
    const before = calls.entries;
    for (let i = 0; i < N; i++) expect((await outbox.enqueue(enqueueInput())).status).to.equal('queued');
    expect(calls.entries - before).to.be.at.most(2);
    expect(await rawEntries(DB)).to.have.length(N);
  });

  it(`draining ${N} queued items reads the whole store a few times, and each item once right before its send`, async () => {
    const clock = new Clock();
    const filler = makeOutbox({ now: clock.now, fetch: offline });
    const ids: string[] = [];
    for (let i = 0; i < N; i++) ids.push((await filler.enqueue(enqueueInput())).item.id);
    filler.dispose();
    clock.advance(60 * 60_000);
    const { calls, openKv: open } = counted();
    const outbox = makeOutbox({ now: clock.now, openKv: open });
    await outbox.flush();
    expect(await rawEntries(DB)).to.deep.equal([]);
    // FIFO: the receiver got them in the order they were queued (records are newest first).
    expect((await receiver.records()).map((r) => r.record.id).reverse()).to.deep.equal(ids);
    expect(calls.entries).to.be.at.most(4);
    expect(calls.get).to.equal(N);
    expect(calls.del).to.equal(N);
  });
});
