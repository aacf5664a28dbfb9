// A tiny key-value store in our own IndexedDB database (opened with idb-keyval's createStore), probed at open, with an in-memory fallback.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

export type StorageProblem = 'missing' | 'error' | 'timeout';

export interface Kv {
  /** false when this is the in-memory fallback. */
  readonly persistent: boolean;
  /** Why persistence is off (only on the fallback). */
  readonly problem?: StorageProblem;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** All entries in key order. */
  entries<T>(): Promise<Array<[string, T]>>;
}

export interface OpenKvOptions {
  /** How long the opening probe may take before we give up on IndexedDB. */
  timeoutMs?: number;
  /** Limit for each later operation; a hung disk becomes a rejected promise. */
  opTimeoutMs?: number;
  /** For tests: the idb-keyval store function to use; `null` acts as if IndexedDB were missing. */
  store?: UseStore | null;
}

/** A hung IndexedDB operation, as an Error named `StorageTimeoutError` (never shown to users). */
export const storageTimeout = (ms: number): Error => Object.assign(new Error(`IndexedDB: no answer in ${ms} ms`), { name: 'StorageTimeoutError' });
export const isStorageTimeout = (error: unknown): boolean => (error as Error)?.name === 'StorageTimeoutError';

/** Races `promise` against a timeout; a late rejection of the loser is handled by the race, so it never reaches the host page. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(storageTimeout(ms)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** In-memory Kv with the same semantics (structured clones, key order). */
export function memoryKv(problem?: StorageProblem): Kv {
  const map = new Map<string, unknown>();
  return {
    persistent: false,
    problem,
    get: async <T>(key: string) => structuredClone(map.get(key) as T | undefined),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    entries: async <T>() => [...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, structuredClone(v as T)] as [string, T]),
  };
}

function idbKv(store: UseStore, opTimeoutMs: number): Kv {
  // One transaction per call (as idb-keyval's get/set/del/entries/clear, without their default store and cursor fallback).
  // A throwing call becomes a rejection; a hanging one, a StorageTimeoutError.
  const op = <T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => Promise<T>): Promise<T> =>
    withTimeout(new Promise<T>((resolve) => resolve(store(mode, run))), opTimeoutMs);
  // A write is done when its transaction commits.
  const write = (edit: (s: IDBObjectStore) => void) =>
    op('readwrite', (s) => {
      edit(s);
      return promisifyRequest(s.transaction);
    });
  return {
    persistent: true,
    get: (key) => op('readonly', (s) => promisifyRequest(s.get(key))),
    set: (key, value) => write((s) => s.put(value, key)),
    del: (key) => write((s) => s.delete(key)),
    // Our keys are always strings.
    entries: () => op('readonly', (s) => Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]).then(([keys, values]) => keys.map((k, i) => [k as string, values[i]]))),
  };
}

/**
 * Opens `dbName` (object store `items`) and proves it works with a real read.
 * Never rejects: when IndexedDB is missing, throws or hangs, resolves to an in-memory Kv whose `problem` says why.
 */
export async function openKv(dbName: string, { timeoutMs = 3000, opTimeoutMs = 10_000, store }: OpenKvOptions = {}): Promise<Kv> {
  if (store === null || (store === undefined && typeof indexedDB === 'undefined')) return memoryKv('missing');
  try {
    store ??= createStore(dbName, 'items');
    await withTimeout(store('readonly', (s) => promisifyRequest(s.get(''))), timeoutMs);
  } catch (error) {
    return memoryKv(isStorageTimeout(error) ? 'timeout' : 'error');
  }
  return idbKv(store, opTimeoutMs);
}

/** Deletes a whole database (tests and "forget this device"); resolves even when blocked or missing. */
export function deleteDb(dbName: string, timeoutMs = 3000): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  const done = new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(dbName);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  return withTimeout(done, timeoutMs).catch(() => undefined);
}
