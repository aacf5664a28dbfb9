// The outbox's storage: FIFO keys over a Kv, and a switch to memory when the disk fails mid-session.
import { memoryKv, StorageTimeoutError, type Kv, type OpenKvOptions } from './storage.js';
import type { SubmissionType } from './schemas.js';
import type { Format } from './transport.js';

export interface OutboxItem {
  /** Submission id = Idempotency-Key. */
  id: string;
  type: SubmissionType;
  /** Absolute URL, already checked. */
  endpoint: string;
  format: Format;
  /** The submission (never headers). */
  payload: unknown;
  /** Page origin, used as CloudEvents `source`. */
  source: string;
  /** Epoch ms. */
  createdAt: number;
  attempts: number;
  /** Epoch ms. */
  nextAttemptAt: number;
  state: 'pending' | 'needs-attention';
  lastError?: {
    status?: number;
    message: string;
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
export function orderKey(createdAt: number, counter: number, id: string): string {
  return `${pad(createdAt, 15)}-${pad(counter, 6)}-${id}`;
}

function reasonFor(error: unknown): StorageWarningReason {
  if (error instanceof StorageTimeoutError) return 'timeout';
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'quota';
  return 'error';
}

export class OutboxStore {
  private kv: Kv = memoryKv();
  private problem?: StorageWarningReason;
  /** What we last saw on disk, so a switch to memory keeps every item. */
  private known = new Map<string, OutboxItem>();

  constructor(
    readonly dbName: string,
    private readonly onDegrade: (reason: StorageWarningReason, error?: unknown) => void,
  ) {}

  get persistent(): boolean {
    return this.kv.persistent;
  }
  get storageProblem(): StorageWarningReason | undefined {
    return this.problem;
  }

  async open(openFn: OpenKvFn, options: OpenKvOptions): Promise<void> {
    try {
      this.kv = await openFn(this.dbName, options);
    } catch {
      this.kv = memoryKv('error');
    }
    if (!this.kv.persistent) {
      this.problem = this.kv.problem ?? 'error';
      this.onDegrade(this.problem);
    }
  }

  /** The disk failed: carry on in memory with everything we know, and say so once. */
  private async degrade(error: unknown): Promise<void> {
    if (!this.kv.persistent) return;
    const memory = memoryKv('error');
    for (const [key, item] of this.known) await memory.set(key, item);
    this.kv = memory;
    this.problem = reasonFor(error);
    this.onDegrade(this.problem, error);
  }

  private async run<T>(op: (kv: Kv) => Promise<T>): Promise<T> {
    try {
      return await op(this.kv);
    } catch (error) {
      if (!this.kv.persistent) throw error;
      await this.degrade(error);
      return op(this.kv);
    }
  }

  /** Every item in FIFO order. */
  async all(): Promise<Array<[string, OutboxItem]>> {
    try {
      const all = await this.run((kv) => kv.entries<OutboxItem>());
      this.known = new Map(all);
      return all;
    } catch {
      return [...this.known.entries()];
    }
  }

  async get(key: string): Promise<OutboxItem | undefined> {
    try {
      const item = await this.run((kv) => kv.get<OutboxItem>(key));
      if (item) this.known.set(key, item);
      else this.known.delete(key);
      return item;
    } catch {
      return this.known.get(key);
    }
  }

  async put(key: string, item: OutboxItem): Promise<void> {
    this.known.set(key, item);
    await this.run((kv) => kv.set(key, item)).catch(() => undefined);
  }

  async remove(key: string): Promise<void> {
    this.known.delete(key);
    await this.run((kv) => kv.del(key)).catch(() => undefined);
  }

  async find(id: string): Promise<[string, OutboxItem] | undefined> {
    return (await this.all()).find(([, item]) => item.id === id);
  }
}
