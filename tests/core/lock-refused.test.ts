// Browsers that block storage in a third-party iframe (the /embed pages inside a CRM) refuse Web Locks with a
// SecurityError. The outbox must still send: the flush lock falls back to the lease, then to the in-page mutex.
import { expect } from '@open-wc/testing';
import { withFlushLock } from '../../src/core/lock.js';
import { describe, it } from './mocha.js';

/** What Chromium answers in such a frame: every request rejected with "SecurityError: The request was denied." */
const refusingLocks = {
  request: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')),
  query: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')),
} as unknown as LockManager;

/** localStorage in the same frame: every access throws too. */
const refusingStorage = new Proxy({} as Storage, {
  get: () => () => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  },
});

describe('withFlushLock when the browser refuses Web Locks', () => {
  it('still runs the flush (in-page mutex) instead of reporting the lock as taken', async () => {
    const result = await withFlushLock('t-refused', async () => 'sent', { locks: refusingLocks, storage: refusingStorage });
    expect(result).to.deep.equal({ acquired: true, value: 'sent' });
  });

  it('still lets only one flusher of this page run at a time', async () => {
    const options = { locks: refusingLocks, storage: refusingStorage };
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = withFlushLock('t-refused-twice', async () => {
      entered();
      await gate;
      return 'first';
    }, options);
    await inside;
    expect(await withFlushLock('t-refused-twice', async () => 'second', options)).to.deep.equal({ acquired: false });
    release();
    expect(await first).to.deep.equal({ acquired: true, value: 'first' });
  });

  it('keeps reporting a busy lock as taken (an abort is not a refusal)', async () => {
    const busy = { request: () => Promise.reject(new DOMException('aborted', 'AbortError')) } as unknown as LockManager;
    expect(await withFlushLock('t-busy', async () => 'ran', { locks: busy, waitMs: 10 })).to.deep.equal({ acquired: false });
  });
});
