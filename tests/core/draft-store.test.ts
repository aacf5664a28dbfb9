import { expect } from '@open-wc/testing';
import { createStore } from 'idb-keyval';
import { DraftSaveError, DraftStore } from '../../src/core/draft-store.js';
import { clearDb, failingStores, rawEntries, sleep, watchUnhandled } from './helpers.js';
import { until } from '../wait.js';
import { afterEach, beforeEach, describe, it } from './mocha.js';

const DB = 'koe-drafts';

describe('DraftStore', () => {
  beforeEach(() => clearDb(DB));
  afterEach(() => clearDb(DB));

  it('saves after the debounce, into koe-drafts, and a new store (a reload) loads it', async () => {
    const drafts = new DraftStore<{ text: string }>('intake:C-001', { debounceMs: 50, now: () => 1234 });
    drafts.save({ text: 'こ' });
    drafts.save({ text: 'こんにちは' });
    expect(await rawEntries(DB)).to.deep.equal([]);
    await until(async () => (await rawEntries(DB)).length === 1, 'debounced write', 3000);
    expect(await rawEntries(DB)).to.deep.equal([['intake:C-001', { value: { text: 'こんにちは' }, savedAt: 1234 }]]);
    const afterReload = new DraftStore<{ text: string }>('intake:C-001');
    expect(await afterReload.load()).to.deep.equal({ value: { text: 'こんにちは' }, savedAt: 1234 });
  });

  it('flush writes at once; clear forgets the draft and drops a pending save', async () => {
    const drafts = new DraftStore<string>('k', { debounceMs: 10_000 });
    drafts.save('one');
    await drafts.flush();
    expect((await drafts.load())?.value).to.equal('one');
    drafts.save('two');
    await drafts.clear();
    await sleep(50);
    expect(await drafts.load()).to.equal(undefined);
    expect(await rawEntries(DB)).to.deep.equal([]);
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
    const errors: unknown[] = [];
    drafts.onError = (e) => errors.push(e);
    drafts.save('y');
    await until(() => errors.length === 1, 'onError', 3000);
    expect(errors[0]).to.be.instanceOf(DraftSaveError);
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
