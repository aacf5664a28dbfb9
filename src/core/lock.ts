// One flusher at a time per outbox: Web Locks across tabs, else a localStorage lease, else an in-page mutex.

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

const lockName = (name: string) => `koe-flush:${name}`;

function defaultLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks && typeof navigator.locks.request === 'function' ? navigator.locks : null;
}

function defaultStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    // Probe: Safari private mode and blocked storage throw here.
    s.setItem('koe-probe', '1');
    s.removeItem('koe-probe');
    return s;
  } catch {
    return null;
  }
}

/** Runs `fn` while holding the flush lock for `name`; reports whether it ran. */
export async function withFlushLock<T>(name: string, fn: () => Promise<T>, options: FlushLockOptions = {}): Promise<LockResult<T>> {
  const { waitMs = 0, locks = defaultLocks(), storage } = options;
  if (locks) return webLock(locks, name, fn, waitMs);
  const store = storage === undefined ? defaultStorage() : storage;
  return store ? leaseLock(store, name, fn, waitMs, options.leaseMs) : pageLock(name, fn, waitMs);
}

async function webLock<T>(locks: LockManager, name: string, fn: () => Promise<T>, waitMs: number): Promise<LockResult<T>> {
  let acquired = false;
  try {
    // waitMs 0: skip at once when busy; else give up (abort the request) after waitMs.
    const options: LockOptions = waitMs > 0 ? { signal: AbortSignal.timeout(waitMs) } : { ifAvailable: true };
    return await locks.request(lockName(name), options, async (lock) => {
      if (!lock) return { acquired: false } as const;
      acquired = true;
      return { acquired: true, value: await fn() } as const;
    });
  } catch (error) {
    if (acquired) throw error;
    return { acquired: false };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- localStorage lease (plain-http pages without Web Locks) ----

export async function leaseLock<T>(storage: Storage, name: string, fn: () => Promise<T>, waitMs: number, leaseMs = 10_000): Promise<LockResult<T>> {
  const key = `koe-lease:${lockName(name)}`;
  const owner = `${Date.now()}:${Math.random()}`;
  const read = (): { owner: string; expires: number } | null => {
    try {
      return JSON.parse(storage.getItem(key)!);
    } catch {
      return null; // garbage counts as free
    }
  };
  const mine = () => read()?.owner === owner;
  const write = () => storage.setItem(key, JSON.stringify({ owner, expires: Date.now() + leaseMs }));
  const deadline = Date.now() + waitMs;
  try {
    for (;;) {
      const current = read();
      if (!current || current.expires <= Date.now()) {
        write();
        // Two tabs may write at once; the last writer wins, so read back after the other had a chance to write.
        await sleep(30);
        if (mine()) break;
      }
      if (Date.now() >= deadline) return { acquired: false };
      await sleep(Math.min(200, Math.max(10, deadline - Date.now())));
    }
  } catch {
    // localStorage failed mid-way (quota, blocked, garbage): fall back to the page mutex rather than run unguarded.
    return pageLock(name, fn, waitMs);
  }
  const renew = setInterval(() => {
    try {
      if (mine()) write();
    } catch {
      /* the lease simply expires */
    }
  }, Math.max(50, leaseMs / 3));
  try {
    return { acquired: true, value: await fn() };
  } finally {
    clearInterval(renew);
    try {
      if (mine()) storage.removeItem(key);
    } catch {
      /* expires on its own */
    }
  }
}

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
