// The localStorage lease: the cross-tab flush lock where Web Locks are missing (plain-http intranet pages).
// lock.ts fetches this module only there, so pages with Web Locks never download it.
import type { LockResult } from './lock.js';

/** localStorage when it works; null when it is missing or blocked (Safari private mode and blocked storage throw here). */
function probedStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    s.setItem('koe-probe', '1');
    s.removeItem('koe-probe');
    return s;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` while holding the lease `koe-lease:koe-flush:<name>` in `storage` (default: localStorage); renews it while `fn` runs.
 * Resolves to undefined, without running `fn`, when there is no usable storage or it fails before the lease is taken:
 * the caller then falls back to the in-page mutex rather than run unguarded.
 */
export async function leaseLock<T>(
  name: string,
  fn: () => Promise<T>,
  waitMs: number,
  storage: Storage | null = probedStorage(),
  leaseMs = 10_000,
): Promise<LockResult<T> | undefined> {
  if (!storage) return undefined;
  const key = `koe-lease:koe-flush:${name}`;
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
    return undefined; // localStorage failed mid-way (quota, blocked)
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
