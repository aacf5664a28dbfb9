// The flush lock: one holder at a time (Web Locks, the localStorage lease, the in-page mutex). Overlap is shown with
// barriers (a holder that stays until released), never with sleeps; the lease's renewal runs on a fake clock.
import { expect } from '@open-wc/testing';
import { leaseLock } from '../../src/core/lock-lease.js';
import { pageLock, withFlushLock, type FlushLockOptions, type LockResult } from '../../src/core/lock.js';
import { FakeClock } from '../fake-clock.js';
import { until } from '../wait.js';
import { describe, it } from './mocha.js';

/** A flush that says when it has started and then holds the lock until released; `log` records who was inside when. */
function holder(log: string[], label: string) {
  let enter!: () => void;
  let release!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const flush = async () => {
    log.push(`${label} in`);
    enter();
    await released;
    log.push(`${label} out`);
    return label;
  };
  return { entered, release, flush };
}

type Lock = (flush: () => Promise<string>, options?: { waitMs?: number }) => Promise<LockResult<string>>;

/** While a first flush holds the lock, a second that will not wait is turned away at once, and runs afterwards. */
async function secondSkips(lock: Lock): Promise<void> {
  const log: string[] = [];
  const first = holder(log, 'a');
  const a = lock(first.flush);
  await first.entered;
  const second = async () => {
    log.push('b');
    return 'b';
  };
  expect(await lock(second)).to.deep.equal({ acquired: false });
  first.release();
  expect(await a).to.deep.equal({ acquired: true, value: 'a' });
  expect(await lock(async () => 'later')).to.deep.equal({ acquired: true, value: 'later' });
  expect(log).to.deep.equal(['a in', 'a out']);
}

/** A second flush that waits is inside only after the first has left. `waiting` resolves once it has asked for the lock. */
async function secondWaits(lock: Lock, waiting: () => Promise<unknown>): Promise<void> {
  const log: string[] = [];
  const first = holder(log, 'a');
  const a = lock(first.flush, { waitMs: 5000 });
  await first.entered;
  const second = async () => {
    log.push('b');
    return 'b';
  };
  const b = lock(second, { waitMs: 5000 });
  await waiting();
  expect(log).to.deep.equal(['a in'], 'the second flush ran while the first held the lock');
  first.release();
  expect(await Promise.all([a, b])).to.deep.equal([
    { acquired: true, value: 'a' },
    { acquired: true, value: 'b' },
  ]);
  expect(log).to.deep.equal(['a in', 'a out', 'b']);
}

/** localStorage, counting reads of the lease key: a second owner that waits reads it again and again. */
function countingStorage(): { storage: Storage; reads: () => number } {
  let reads = 0;
  const storage = {
    getItem: (key: string) => {
      if (key.startsWith('koe-lease:')) reads++;
      return localStorage.getItem(key);
    },
    setItem: (key: string, value: string) => localStorage.setItem(key, value),
    removeItem: (key: string) => localStorage.removeItem(key),
  } as Storage;
  return { storage, reads: () => reads };
}

const lockWith =
  (name: string, base: FlushLockOptions): Lock =>
  (flush, options = {}) =>
    withFlushLock(name, flush, { ...base, ...options });

describe('withFlushLock', () => {
  it('Web Locks: a second flusher skips while the first runs, and runs after', () => secondSkips(lockWith('t-web', {})));

  it('Web Locks: waiting callers run one after another', () =>
    secondWaits(lockWith('t-web-wait', {}), () =>
      until(async () => (await navigator.locks.query()).pending?.some((l) => l.name === 'koe-flush:t-web-wait'), 'the second request queued'),
    ));

  it('localStorage lease (no Web Locks): a second owner skips while the first holds it, and it is released after', async () => {
    await secondSkips(lockWith('t-lease', { locks: null }));
    expect(localStorage.getItem('koe-lease:koe-flush:t-lease')).to.equal(null);
  });

  it('localStorage lease: a second owner that waits polls the lease and gets it once it is released', async () => {
    const { storage, reads } = countingStorage();
    let readsWhenAsked = 0;
    const lock = lockWith('t-lease-wait', { locks: null, storage });
    await secondWaits(lock, async () => {
      readsWhenAsked ||= reads();
      // Two more reads of a lease someone else holds: the second owner has looked, found it taken, and looked again.
      await until(() => reads() >= readsWhenAsked + 2, 'the second owner polling the lease');
    });
    expect(localStorage.getItem('koe-lease:koe-flush:t-lease-wait')).to.equal(null);
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

  it('localStorage lease: renews while a long flush runs, so another tab cannot take it after the lease length', async () => {
    const clock = new FakeClock().install();
    try {
      const log: string[] = [];
      const first = holder(log, 'long flush');
      const held = leaseLock('t-lease-3', first.flush, 0, localStorage, 150);
      // Taking the lease: write, then read back 30 ms later (another tab may have written meanwhile).
      await clock.tick(30);
      await first.entered;
      // Three lease lengths pass while the flush runs: without renewal the lease would have expired twice over.
      await clock.tick(450);
      const otherTab = leaseLock('t-lease-3', async () => 'other tab', 0, localStorage);
      // Had it found the lease expired, it would have taken it and would now read it back (30 ms later).
      await clock.tick(30);
      expect(await otherTab).to.deep.equal({ acquired: false });
      first.release();
      expect(await held).to.deep.equal({ acquired: true, value: 'long flush' });
      expect(localStorage.getItem('koe-lease:koe-flush:t-lease-3')).to.equal(null);
    } finally {
      clock.uninstall();
    }
  });

  it('in-page mutex (no Web Locks, no localStorage): never two at once in this page', async () => {
    await secondSkips(lockWith('t-page', { locks: null, storage: null }));
    // pageLock registers the first holder synchronously; the second call finds it and waits on it.
    await secondWaits((flush, options) => pageLock('t-page-wait', flush, options?.waitMs ?? 0), async () => undefined);
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
