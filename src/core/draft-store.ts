// Draft autosave: debounced writes to IndexedDB (`koe-drafts`) so typing survives a reload or a crash (<koe-intake> opens it through intake/intake-drafts.ts).
import { openKv, type Kv, type OpenKvOptions } from './storage.js';

export class DraftSaveError extends Error {
  constructor(cause: unknown) {
    super(`The draft could not be saved: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`, { cause });
    this.name = 'DraftSaveError';
  }
}

interface StoredDraft<T> {
  value: T;
  savedAt: number;
}

const stores = new Map<string, Promise<Kv>>();

/** Drafts of one page share a connection per database name. */
function kvFor(dbName: string, options?: OpenKvOptions): Promise<Kv> {
  if (options) return openKv(dbName, options);
  let kv = stores.get(dbName);
  if (!kv) stores.set(dbName, (kv = openKv(dbName)));
  return kv;
}

export interface DraftStoreOptions {
  debounceMs?: number;
  dbName?: string;
  now?: () => number;
  /** For tests: storage options (e.g. a failing store). */
  storage?: OpenKvOptions;
}

export class DraftStore<T> {
  /** Called when a debounced save fails (e.g. QuotaExceededError); flush() rejects instead. */
  onError?: (error: unknown) => void;

  readonly #kv: Promise<Kv>;
  readonly #debounceMs: number;
  readonly #now: () => number;
  #timer?: ReturnType<typeof setTimeout>;
  #pending?: { value: T };
  #writing: Promise<void> = Promise.resolve();

  constructor(
    readonly key: string,
    { debounceMs = 400, dbName = 'koe-drafts', now = Date.now, storage }: DraftStoreOptions = {},
  ) {
    this.#debounceMs = debounceMs;
    this.#now = now;
    this.#kv = kvFor(dbName, storage);
  }

  /** Whether drafts really reach the disk (false on the in-memory fallback). */
  async persistent(): Promise<boolean> {
    return (await this.#kv).persistent;
  }

  /** Remembers `value` and writes it after `debounceMs` of quiet. */
  save(value: T): void {
    this.#pending = { value };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.flush().catch((error: unknown) => this.onError?.(error));
    }, this.#debounceMs);
  }

  /** Writes the latest value now; rejects with DraftSaveError when the disk refuses. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = this.#pending;
    this.#pending = undefined;
    // Serialize writes so an older value never lands after a newer one.
    const run = this.#writing.then(async () => {
      if (!next) return;
      const kv = await this.#kv;
      try {
        await kv.set(this.key, { value: next.value, savedAt: this.#now() } satisfies StoredDraft<T>);
      } catch (error) {
        throw new DraftSaveError(error);
      }
      // Kept in memory for this page, but a reload would lose it: say so.
      if (!kv.persistent) throw new DraftSaveError(new Error(`IndexedDB unavailable (${kv.problem ?? 'unknown'})`));
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }

  async load(): Promise<{ value: T; savedAt: number } | undefined> {
    try {
      const stored = await (await this.#kv).get<StoredDraft<T>>(this.key);
      return stored && typeof stored === 'object' && 'value' in stored ? { value: stored.value, savedAt: stored.savedAt } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets the draft (after a successful queueing); a pending debounced save is dropped. */
  async clear(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    await this.#writing;
    try {
      await (await this.#kv).del(this.key);
    } catch {
      // A draft that cannot be deleted is harmless: it is offered again and can be discarded.
    }
  }
}
