// Test helpers: raw IndexedDB reads (bypassing our code), unhandled-rejection watch, failing disks (waiting: ../wait.ts).
import type { UseStore } from 'idb-keyval';

/** Opens `dbName` with the raw IndexedDB API and runs `use` on its `items` store (`absent` when there is none). */
function withItems<T>(dbName: string, mode: IDBTransactionMode, absent: T, use: (store: IDBObjectStore, done: (value: T) => void, fail: (e: unknown) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onupgradeneeded = () => open.result.createObjectStore('items');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const finish = (value: T) => {
        db.close();
        resolve(value);
      };
      if (!db.objectStoreNames.contains('items')) return finish(absent);
      use(db.transaction('items', mode).objectStore('items'), finish, reject);
    };
  });
}

/** Every [key, value] in `dbName`'s `items` store, read with the raw IndexedDB API. */
export function rawEntries(dbName: string): Promise<Array<[string, unknown]>> {
  return withItems<Array<[string, unknown]>>(dbName, 'readonly', [], (store, done, fail) => {
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => done(keys.result.map((k, i) => [String(k), values.result[i]]));
    values.onerror = () => fail(values.error);
  });
}

/** Empties `dbName`'s `items` store (deleting the DB would block on idb-keyval's open connection). */
export function clearDb(dbName: string): Promise<void> {
  return withItems<void>(dbName, 'readwrite', undefined, (store, done, fail) => {
    store.clear();
    store.transaction.oncomplete = () => done();
    store.transaction.onerror = () => fail(store.transaction.error);
  });
}

/** Records unhandled promise rejections until stopped. */
export function watchUnhandled(): { stop(): unknown[] } {
  const seen: unknown[] = [];
  const onRejection = (e: PromiseRejectionEvent) => {
    seen.push(e.reason);
    e.preventDefault();
  };
  window.addEventListener('unhandledrejection', onRejection);
  return {
    stop() {
      window.removeEventListener('unhandledrejection', onRejection);
      return seen;
    },
  };
}

/** idb-keyval store functions that fail the way broken disks do. */
export const failingStores = {
  throwing: (): UseStore => () => Promise.reject(new DOMException('Internal error opening backing store', 'UnknownError')),
  hanging: (): UseStore => () => new Promise<never>(() => undefined),
  /** Reads work, writes fail: a full disk. */
  full: (real: UseStore): UseStore => (mode, callback) =>
    mode === 'readwrite' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : real(mode, callback),
};
