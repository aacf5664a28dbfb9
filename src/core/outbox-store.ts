// The outbox's storage: FIFO keys over a Kv, a write-through copy in memory, and a switch to memory when the disk fails.
import { isStorageTimeout, type Kv, type OpenKvOptions } from './storage.js';
import type { SendInput } from './transport.js';

/** What is sent (id = Idempotency-Key; payload never holds headers), plus the delivery state. */
export interface OutboxItem extends SendInput {
  /** Epoch ms. */
  createdAt: number;
  attempts: number;
  /** Epoch ms. */
  nextAttemptAt: number;
  state: 'pending' | 'needs-attention';
  lastError?: {
    status?: number;
    message: string;
    /** The receiver's code for a refusal (its answer's `error`), when it gave one. */
    code?: string;
    fields?: Array<{ path: string; message: string }>;
    reason?: 'rejected' | 'auth' | 'expired';
  };
  /** Retention counts from here: createdAt, or when the user resent an expired item. */
  keptSince?: number;
}

export type StorageWarningReason = 'missing' | 'error' | 'timeout' | 'quota';
export type OpenKvFn = (dbName: string, options: OpenKvOptions) => Promise<Kv>;

const pad = (n: number, width: number) => String(Math.max(0, Math.floor(n))).padStart(width, '0');

/** Sortable key: idb-keyval has no auto-increment, so order is encoded as createdAt + a counter. */
export const orderKey = (createdAt: number, counter: number, id: string): string => `${pad(createdAt, 15)}-${pad(counter, 6)}-${id}`;

const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);

export class OutboxStore {
  /** What we last read or wrote, in key (FIFO) order; without a working disk, the store itself. */
  known = new Map<string, OutboxItem>();
  #last = '';
  /** Our writes since the oldest full read in flight began: laid over that read's (older) result. */
  #touched = new Map<string, OutboxItem | undefined>();
  #reading = 0;
  /** The disk; undefined until open, and for good once it is missing or fails. */
  #kv?: Kv;
  /** Why the disk is not used (set once, when it goes). */
  problem?: StorageWarningReason;

  readonly #dbName: string;
  readonly #onDegrade: (reason: StorageWarningReason) => void;

  constructor(dbName: string, onDegrade: (reason: StorageWarningReason) => void) {
    this.#dbName = dbName;
    this.#onDegrade = onDegrade;
  }

  get persistent(): boolean {
    return !!this.#kv;
  }

  async open(openFn: OpenKvFn, options: OpenKvOptions): Promise<void> {
    const kv = await openFn(this.#dbName, options).catch(() => undefined);
    // openKv's in-memory fallback is not used: `known` already holds everything.
    if (kv?.persistent) this.#kv = kv;
    else this.#onDegrade((this.problem = kv?.problem ?? 'error'));
  }

  /** Re-reads every item from the disk (FIFO); on failure keeps what we know. */
  async all(): Promise<Array<[string, OutboxItem]>> {
    this.#reading++;
    try {
      const all = await this.#run((kv) => kv.entries<OutboxItem>());
      this.known = new Map(all);
      this.#last = all.at(-1)?.[0] ?? '';
      for (const [key, item] of this.#touched) this.#remember(key, item);
    } catch {
      /* keep the last view */
    } finally {
      if (!--this.#reading) this.#touched.clear();
    }
    return [...this.known];
  }

  /** One item as it is on the disk now (another tab may have sent, removed or rescheduled it). */
  async get(key: string): Promise<OutboxItem | undefined> {
    try {
      const item = await this.#run((kv) => kv.get<OutboxItem>(key));
      this.#remember(key, item);
      return item;
    } catch {
      return this.known.get(key);
    }
  }

  async put(key: string, item: OutboxItem): Promise<void> {
    this.#write(key, item);
    await this.#run((kv) => kv.set(key, item)).catch(() => undefined);
  }

  async remove(key: string): Promise<void> {
    this.#write(key);
    await this.#run((kv) => kv.del(key)).catch(() => undefined);
  }

  /** Applies `edit` to every item (as on the disk now) that `match` keeps; `null` removes. Returns the edited items. */
  async edit(match: (item: OutboxItem) => boolean, edit: (item: OutboxItem) => OutboxItem | null): Promise<OutboxItem[]> {
    const done: OutboxItem[] = [];
    for (const [key, item] of await this.all()) {
      if (!match(item)) continue;
      const next = edit(item);
      await (next ? this.put(key, next) : this.remove(key));
      done.push(next ?? item);
    }
    return done;
  }

  #write(key: string, item?: OutboxItem): void {
    if (this.#reading) this.#touched.set(key, item);
    this.#remember(key, item);
  }

  #remember(key: string, item: OutboxItem | undefined): void {
    if (!item) return void this.known.delete(key);
    const added = !this.known.has(key);
    this.known.set(key, item);
    // Keys almost always arrive in order; re-sort only when one lands before the newest.
    if (added && key < this.#last) this.known = new Map([...this.known].sort(byKey));
    if (key > this.#last) this.#last = key;
  }

  /**
   * Runs `op` on the disk. Rejects without one, so callers go on with what they know. When the disk fails, the store
   * carries on in memory with `known` from then on, and says so once.
   */
  async #run<T>(op: (kv: Kv) => Promise<T>): Promise<T> {
    const kv = this.#kv;
    if (!kv) throw new Error('in memory');
    try {
      return await op(kv);
    } catch (error) {
      if (kv === this.#kv) {
        this.#kv = undefined;
        this.#onDegrade((this.problem = isStorageTimeout(error) ? 'timeout' : (error as Error)?.name === 'QuotaExceededError' ? 'quota' : 'error'));
      }
      throw error;
    }
  }
}
