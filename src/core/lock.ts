// One flusher at a time per outbox: Web Locks across tabs, else a localStorage lease (lock-lease.ts), else an in-page mutex.

export type LockResult<T> = { acquired: true; value: T } | { acquired: false };

export interface FlushLockOptions {
  /** How long to wait for a busy lock; 0 (default) skips at once when someone else holds it. */
  waitMs?: number;
  /** For tests: override the strategies. `null` disables one. */
  locks?: LockManager | null;
  storage?: Storage | null;
  /** Lease length for the localStorage strategy; renewed while running. */
  leaseMs?: number;
}

/** Runs `fn` while holding the flush lock for `name`; reports whether it ran. */
export async function withFlushLock<T>(name: string, fn: () => Promise<T>, options: FlushLockOptions = {}): Promise<LockResult<T>> {
  const { waitMs = 0, locks = globalThis.navigator?.locks, storage } = options;
  const web = locks ? await webLock(locks, name, fn, waitMs) : undefined;
  if (web) return web;
  // No Web Locks, or the browser refuses them: the localStorage lease, fetched only now. When that chunk cannot be fetched
  // (offline), localStorage is unusable or it fails mid-way, the in-page mutex still guards this page.
  const lease = storage === null ? undefined : await import('./lock-lease.js').catch(() => undefined);
  return (await lease?.leaseLock(name, fn, waitMs, storage, options.leaseMs)) ?? pageLock(name, fn, waitMs);
}

/** Undefined when the browser refuses Web Locks outright, so that the caller falls back to the other strategies. */
async function webLock<T>(locks: LockManager, name: string, fn: () => Promise<T>, waitMs: number): Promise<LockResult<T> | undefined> {
  let acquired = false;
  try {
    // waitMs 0: skip at once when busy; else give up (abort the request) after waitMs.
    const options: LockOptions = waitMs > 0 ? { signal: AbortSignal.timeout(waitMs) } : { ifAvailable: true };
    return await locks.request(`koe-flush:${name}`, options, async (lock) => {
      if (!lock) return { acquired: false } as const;
      acquired = true;
      return { acquired: true, value: await fn() } as const;
    });
  } catch (error) {
    if (acquired) throw error;
    // SecurityError: e.g. a third-party iframe (the /embed pages) where the browser blocks storage, Web Locks included.
    if (error instanceof DOMException && error.name === 'SecurityError') return undefined;
    return { acquired: false };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- in-page mutex (last resort: guards this page only) ----

const held = new Map<string, Promise<unknown>>();

export async function pageLock<T>(name: string, fn: () => Promise<T>, waitMs: number): Promise<LockResult<T>> {
  const deadline = Date.now() + waitMs;
  for (let current; (current = held.get(name)); ) {
    const left = deadline - Date.now();
    if (left <= 0) return { acquired: false };
    await Promise.race([current, sleep(left)]);
  }
  const run = fn();
  held.set(name, run.catch(() => undefined));
  try {
    return { acquired: true, value: await run };
  } finally {
    held.delete(name);
  }
}
