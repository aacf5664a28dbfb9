import { expect } from '@open-wc/testing';
import { leaseLock } from '../../src/core/lock-lease.js';
import { pageLock, withFlushLock } from '../../src/core/lock.js';
import { sleep } from './helpers.js';
import { describe, it } from './mocha.js';

/** Runs two holders at once and records overlap; returns what each call reported. */
async function contend(run: (fn: () => Promise<string>) => Promise<{ acquired: boolean }>) {
  let inside = 0;
  let maxInside = 0;
  const body = (label: string) => async () => {
    inside++;
    maxInside = Math.max(maxInside, inside);
    await sleep(80);
    inside--;
    return label;
  };
  const [a, b] = await Promise.all([run(body('a')), run(body('b'))]);
  return { a, b, maxInside };
}

describe('withFlushLock', () => {
  it('Web Locks: a second flusher skips while the first runs, and runs after', async () => {
    const r = await contend((fn) => withFlushLock('t-web', fn));
    expect(r.maxInside).to.equal(1);
    expect([r.a.acquired, r.b.acquired].sort()).to.deep.equal([false, true]);
    expect(await withFlushLock('t-web', async () => 'later')).to.deep.equal({ acquired: true, value: 'later' });
  });

  it('Web Locks: waiting callers run one after another', async () => {
    const r = await contend((fn) => withFlushLock('t-web-wait', fn, { waitMs: 2000 }));
    expect(r.maxInside).to.equal(1);
    expect([r.a.acquired, r.b.acquired]).to.deep.equal([true, true]);
  });

  it('localStorage lease (no Web Locks): excludes a second owner, waits when asked, releases after', async () => {
    const skip = await contend((fn) => withFlushLock('t-lease', fn, { locks: null }));
    expect(skip.maxInside).to.equal(1);
    expect([skip.a.acquired, skip.b.acquired].sort()).to.deep.equal([false, true]);
    const wait = await contend((fn) => withFlushLock('t-lease', fn, { locks: null, waitMs: 3000 }));
    expect(wait.maxInside).to.equal(1);
    expect([wait.a.acquired, wait.b.acquired]).to.deep.equal([true, true]);
    expect(localStorage.getItem('koe-lease:koe-flush:t-lease')).to.equal(null);
  });

  it('localStorage lease: fetched on demand when Web Locks are missing, and holds the lease while the flush runs', async () => {
    const key = 'koe-lease:koe-flush:t-lease-lazy';
    const result = await withFlushLock('t-lease-lazy', async () => JSON.parse(localStorage.getItem(key)!).expires > Date.now(), { locks: null });
    expect(result).to.deep.equal({ acquired: true, value: true });
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('localStorage lease: a live lease of another tab blocks; an expired one does not', async () => {
    const key = 'koe-lease:koe-flush:t-lease-2';
    localStorage.setItem(key, JSON.stringify({ owner: 'other-tab', expires: Date.now() + 60_000 }));
    expect(await leaseLock('t-lease-2', async () => 1, 0, localStorage)).to.deep.equal({ acquired: false });
    localStorage.setItem(key, JSON.stringify({ owner: 'other-tab', expires: Date.now() - 1 }));
    expect(await leaseLock('t-lease-2', async () => 1, 0, localStorage)).to.deep.equal({ acquired: true, value: 1 });
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('localStorage lease: renews while a long flush runs', async () => {
    const key = 'koe-lease:koe-flush:t-lease-3';
    const result = await leaseLock(
      't-lease-3',
      async () => {
        const first = JSON.parse(localStorage.getItem(key)!).expires as number;
        await sleep(250);
        return (JSON.parse(localStorage.getItem(key)!).expires as number) > first;
      },
      0,
      localStorage,
      150,
    );
    expect(result).to.deep.equal({ acquired: true, value: true });
  });

  it('in-page mutex (no Web Locks, no localStorage): never two at once in this page', async () => {
    const r = await contend((fn) => withFlushLock('t-page', fn, { locks: null, storage: null }));
    expect(r.maxInside).to.equal(1);
    expect([r.a.acquired, r.b.acquired].sort()).to.deep.equal([false, true]);
    const w = await contend((fn) => pageLock('t-page', fn, 2000));
    expect(w.maxInside).to.equal(1);
    expect([w.a.acquired, w.b.acquired]).to.deep.equal([true, true]);
  });

  it('releases the lock when the flush throws', async () => {
    for (const opts of [{}, { locks: null }, { locks: null, storage: null }]) {
      let error: unknown;
      await withFlushLock('t-throw', async () => Promise.reject(new Error('boom')), opts).catch((e: unknown) => (error = e));
      expect((error as Error).message).to.equal('boom');
      expect(await withFlushLock('t-throw', async () => 'ok', opts)).to.deep.equal({ acquired: true, value: 'ok' });
    }
  });
});
