// One flusher at a time per outbox: Web Locks across tabs, else a localStorage lease, else an in-page mutex.
import { newId } from './ids.js';

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
  const waitMs = options.waitMs ?? 0;
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  if (locks) return webLock(locks, name, fn, waitMs);
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  if (storage) return leaseLock(storage, name, fn, waitMs, options.leaseMs ?? 10_000);
  return pageLock(name, fn, waitMs);
}

async function webLock<T>(locks: LockManager, name: string, fn: () => Promise<T>, waitMs: number): Promise<LockResult<T>> {
  if (waitMs <= 0) {
    return locks.request(lockName(name), { ifAvailable: true }, async (lock) => {
      if (!lock) return { acquired: false } as const;
      return { acquired: true, value: await fn() } as const;
    });
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), waitMs);
  try {
    return await locks.request(lockName(name), { signal: controller.signal }, async () => {
      clearTimeout(timer);
      return { acquired: true, value: await fn() } as const;
    });
  } catch (error) {
    if (controller.signal.aborted && (error as Error)?.name === 'AbortError') return { acquired: false };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

// ---- localStorage lease (plain-http pages without Web Locks) ----

interface Lease {
  owner: string;
  expires: number;
}

function readLease(storage: Storage, key: string): Lease | undefined {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as Lease) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tryTakeLease(storage: Storage, key: string, owner: string, leaseMs: number): Promise<boolean> {
  const current = readLease(storage, key);
  if (current && current.owner !== owner && current.expires > Date.now()) return false;
  storage.setItem(key, JSON.stringify({ owner, expires: Date.now() + leaseMs }));
  // Two tabs may write at once; the last writer wins, so read back after the other had a chance to write.
  await sleep(30);
  return readLease(storage, key)?.owner === owner;
}

export async function leaseLock<T>(storage: Storage, name: string, fn: () => Promise<T>, waitMs: number, leaseMs = 10_000): Promise<LockResult<T>> {
  const key = `koe-lease:${lockName(name)}`;
  const owner = newId();
  const deadline = Date.now() + waitMs;
  try {
    while (!(await tryTakeLease(storage, key, owner, leaseMs))) {
      if (Date.now() >= deadline) return { acquired: false };
      await sleep(Math.min(200, Math.max(10, deadline - Date.now())));
    }
  } catch {
    // localStorage failed mid-way (quota, blocked): fall back to the page mutex rather than run unguarded.
    return pageLock(name, fn, waitMs);
  }
  const renew = setInterval(() => {
    try {
      if (readLease(storage, key)?.owner === owner) storage.setItem(key, JSON.stringify({ owner, expires: Date.now() + leaseMs }));
    } catch {
      /* the lease simply expires */
    }
  }, Math.max(50, leaseMs / 3));
  try {
    return { acquired: true, value: await fn() };
  } finally {
    clearInterval(renew);
    try {
      if (readLease(storage, key)?.owner === owner) storage.removeItem(key);
    } catch {
      /* expires on its own */
    }
  }
}

// ---- in-page mutex (last resort: guards this page only) ----

const held = new Map<string, Promise<void>>();

export async function pageLock<T>(name: string, fn: () => Promise<T>, waitMs: number): Promise<LockResult<T>> {
  const deadline = Date.now() + waitMs;
  for (let current = held.get(name); current; current = held.get(name)) {
    const left = deadline - Date.now();
    if (left <= 0) return { acquired: false };
    await Promise.race([current, sleep(left)]);
  }
  let release!: () => void;
  held.set(name, new Promise<void>((r) => (release = r)));
  try {
    return { acquired: true, value: await fn() };
  } finally {
    held.delete(name);
    release();
  }
}
