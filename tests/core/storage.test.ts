import { expect } from '@open-wc/testing';
import { createStore } from 'idb-keyval';
import { openKv } from '../../src/core/storage.js';
import { clearDb, failingStores, rawEntries, watchUnhandled } from './helpers.js';
import { afterEach, beforeEach, describe, it } from './mocha.js';

const DB = 'koe-test-storage';

describe('openKv', () => {
  beforeEach(() => clearDb(DB));
  afterEach(() => clearDb(DB));

  it('stores in our own database and object store, in key order', async () => {
    const kv = await openKv(DB);
    expect(kv.persistent).to.equal(true);
    expect(kv.problem).to.equal(undefined);
    await kv.set('b', { n: 2 });
    await kv.set('a', { n: 1 });
    expect(await kv.get('a')).to.deep.equal({ n: 1 });
    expect(await kv.entries()).to.deep.equal([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
    // Proof it is on disk, read without our code.
    expect(await rawEntries(DB)).to.deep.equal([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
    await kv.del('a');
    expect(await kv.get('a')).to.equal(undefined);
    expect(await rawEntries(DB)).to.deep.equal([['b', { n: 2 }]]);
  });

  it('falls back to memory when IndexedDB is missing', async () => {
    const kv = await openKv(DB, { store: null });
    expect(kv.persistent).to.equal(false);
    expect(kv.problem).to.equal('missing');
    await kv.set('k', { v: 1 });
    expect(await kv.get('k')).to.deep.equal({ v: 1 });
  });

  it('falls back to memory when opening throws', async () => {
    const watch = watchUnhandled();
    const kv = await openKv(DB, { store: failingStores.throwing() });
    expect(kv.persistent).to.equal(false);
    expect(kv.problem).to.equal('error');
    await kv.set('k', 1);
    expect(await kv.entries()).to.deep.equal([['k', 1]]);
    expect(watch.stop()).to.deep.equal([]);
  });

  it('falls back to memory when opening hangs, after the timeout', async () => {
    const kv = await openKv(DB, { store: failingStores.hanging(), timeoutMs: 200 });
    expect(kv.persistent).to.equal(false);
    expect(kv.problem).to.equal('timeout');
  });

  it('surfaces a full disk to the caller as QuotaExceededError, without unhandled rejections', async () => {
    const watch = watchUnhandled();
    const kv = await openKv(DB, { store: failingStores.full(createStore(DB, 'items')) });
    expect(kv.persistent).to.equal(true);
    let error: unknown;
    await kv.set('k', 'v').catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('QuotaExceededError');
    expect(await rawEntries(DB)).to.deep.equal([]);
    expect(watch.stop()).to.deep.equal([]);
  });

  it('turns an operation that hangs after open into a rejection', async () => {
    const real = createStore(DB, 'items');
    let hang = false;
    const kv = await openKv(DB, { store: (mode, cb) => (hang ? new Promise<never>(() => undefined) : real(mode, cb)), opTimeoutMs: 150 });
    hang = true;
    let error: unknown;
    await kv.get('k').catch((e: unknown) => (error = e));
    expect((error as Error).name).to.equal('StorageTimeoutError');
  });
});
