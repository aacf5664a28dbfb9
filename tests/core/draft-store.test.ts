import { expect } from '@open-wc/testing';
import { createStore } from 'idb-keyval';
import { DraftSaveError, DraftStore } from '../../src/core/draft-store.js';
import { FakeClock } from '../fake-clock.js';
import { clearDb, failingStores, rawEntries, watchUnhandled } from './helpers.js';
import { afterEach, beforeEach, describe, it } from './mocha.js';

const DB = 'koe-drafts';

describe('DraftStore', () => {
  beforeEach(() => clearDb(DB));
  afterEach(() => clearDb(DB));

  it('saves after the debounce (not before), into koe-drafts, and a new store (a reload) loads it', async () => {
    const clock = new FakeClock().install();
    try {
      const drafts = new DraftStore<{ text: string }>('intake:C-001', { debounceMs: 400, now: () => 1234 });
      drafts.save({ text: 'こ' });
      await clock.tick(399);
      drafts.save({ text: 'こんにちは' });
      // 399 ms after the first keystroke and 0 ms after the last: nothing written yet.
      await clock.tick(399);
      expect(await rawEntries(DB)).to.deep.equal([]);
      await clock.tick(1);
      // The debounced write has started; the next flush() runs after it (writes are serialized), so this is a barrier.
      await drafts.flush();
      expect(await rawEntries(DB)).to.deep.equal([['intake:C-001', { value: { text: 'こんにちは' }, savedAt: 1234 }]]);
    } finally {
      clock.uninstall();
    }
    const afterReload = new DraftStore<{ text: string }>('intake:C-001');
    expect(await afterReload.load()).to.deep.equal({ value: { text: 'こんにちは' }, savedAt: 1234 });
  });

  it('flush writes at once; clear forgets the draft and drops a pending save, which never lands later', async () => {
    const clock = new FakeClock().install();
    try {
      const drafts = new DraftStore<string>('k', { debounceMs: 10_000 });
      drafts.save('one');
      await drafts.flush();
      expect((await drafts.load())?.value).to.equal('one');
      drafts.save('two');
      await drafts.clear();
      expect(clock.pending).to.equal(0, 'the debounced save is cancelled');
      // Past the moment the debounce would have written "two"; flush() waits for any write still running.
      await clock.tick(10_000);
      await drafts.flush();
      expect(await drafts.load()).to.equal(undefined);
      expect(await rawEntries(DB)).to.deep.equal([]);
    } finally {
      clock.uninstall();
    }
  });

  it('keeps drafts of different keys apart', async () => {
    const a = new DraftStore<string>('a');
    const b = new DraftStore<string>('b');
    a.save('A');
    b.save('B');
    await Promise.all([a.flush(), b.flush()]);
    expect((await a.load())?.value).to.equal('A');
    expect((await b.load())?.value).to.equal('B');
  });

  it('flush rejects with DraftSaveError on a full disk; a debounced failure goes to onError', async () => {
    const watch = watchUnhandled();
    const drafts = new DraftStore<string>('k', { debounceMs: 20, storage: { store: failingStores.full(createStore(DB, 'items')) } });
    drafts.save('x');
    let error: unknown;
    await drafts.flush().catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(DraftSaveError);
    expect(((error as DraftSaveError).cause as DOMException).name).to.equal('QuotaExceededError');
    const failed = new Promise<unknown>((resolve) => (drafts.onError = resolve));
    drafts.save('y');
    expect(await failed).to.be.instanceOf(DraftSaveError);
    expect(watch.stop()).to.deep.equal([]);
  });

  it('without IndexedDB, says the draft is not safe but keeps it for this page', async () => {
    const drafts = new DraftStore<string>('k', { storage: { store: null } });
    expect(await drafts.persistent()).to.equal(false);
    drafts.save('x');
    let error: unknown;
    await drafts.flush().catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(DraftSaveError);
    expect((await drafts.load())?.value).to.equal('x');
  });
});
