// The outbox: persist before sending, retry with backoff, keep what the server refused, one flusher across tabs.
import { withFlushLock, type FlushLockOptions } from './lock.js';
import { OutboxStore, orderKey, type OutboxItem, type StorageWarningReason } from './outbox-store.js';
import { afterAttempt, expired, jsonCopy, newItem, nextDue, revived } from './outbox-policy.js';
import { watchTriggers, type Triggers } from './outbox-triggers.js';
import { DAY, EXPIRY_WARNING_MS, type EnqueueInput, type EnqueueResult, type OutboxCounts, type OutboxEventDetails, type OutboxEventName, type OutboxOptions } from './outbox-types.js';
import { openKv } from './storage.js';
import { send, type HeadersInput, type SendResult } from './transport.js';

export type { OutboxItem, StorageWarningReason } from './outbox-store.js';
export type { HeadersInput, Format } from './transport.js';
export * from './outbox-types.js';

/** Never re-arm the timer sooner than this, so a zero delay cannot spin. */
const MIN_TIMER_MS = 1000;
const MAX_TIMER_MS = 5 * 60_000;

const clone = <T>(v: T): T => structuredClone(v);

function absolute(endpoint: string): string {
  try {
    return new URL(endpoint, typeof location !== 'undefined' ? location.href : undefined).href;
  } catch {
    return endpoint;
  }
}

export class Outbox extends EventTarget {
  private static instances = new Map<string, Outbox>();

  /** One outbox per page per name; database `koe-outbox-<name>`. */
  static shared(name = 'default'): Outbox {
    let outbox = Outbox.instances.get(name);
    if (!outbox || outbox.disposed) Outbox.instances.set(name, (outbox = new Outbox({ name })));
    return outbox;
  }

  readonly name: string;
  readonly ready: Promise<void>;
  readonly retentionMs: number;

  private readonly store: OutboxStore;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly lockOptions: Omit<FlushLockOptions, 'waitMs'>;
  private readonly headers = new Map<string, HeadersInput>();
  /** Per endpoint: no attempts before this (after a retryable failure), so the queue stays in order. */
  private readonly blockedUntil = new Map<string, number>();
  private readonly outcomes = new Map<string, SendResult>();
  private readonly warnedExpiring = new Set<string>();
  private snapshot: OutboxItem[] = [];
  private counter = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private triggers?: Triggers;
  private disposed = false;

  constructor(options: OutboxOptions = {}) {
    super();
    this.name = options.name ?? 'default';
    this.fetchImpl = options.fetch;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
    this.retentionMs = options.retentionMs ?? 14 * DAY;
    this.lockOptions = options.lock ?? {};
    this.store = new OutboxStore(`koe-outbox-${this.name}`, (reason) => this.emit('storage-warning', { reason }));
    this.ready = this.store
      .open(options.openKv ?? openKv, { timeoutMs: options.openTimeoutMs ?? 3000 })
      .then(() => this.refresh(false))
      .catch(() => undefined);
    this.listen();
    // Page load is a trigger: whatever an earlier visit left behind goes out now.
    void this.ready.then(() => this.flush());
  }

  /** false => in-memory only (offline safety off). */
  get persistent(): boolean {
    return this.store.persistent;
  }
  /** Why persistence is off. */
  get storageProblem(): StorageWarningReason | undefined {
    return this.store.storageProblem;
  }

  /** Host headers for an endpoint, kept in memory only; a new value retries items waiting for auth. */
  setHeaders(endpoint: string, headers: HeadersInput | undefined): void {
    const key = absolute(endpoint);
    const previous = this.headers.get(key);
    if (!headers) {
      this.headers.delete(key);
      return;
    }
    this.headers.set(key, headers);
    if (previous !== headers) void this.retryWhere((i) => i.endpoint === key && i.lastError?.reason === 'auth').catch(() => undefined);
  }

  /** Persists the submission, then tries once; resolves within about `timeoutMs` even when another tab is flushing. */
  async enqueue(input: EnqueueInput): Promise<EnqueueResult> {
    await this.ready;
    const now = this.now();
    const existing = await this.store.find(input.id);
    const key = existing?.[0] ?? orderKey(now, this.counter++, input.id);
    const item = newItem({ ...input, endpoint: absolute(input.endpoint) }, existing?.[1], now);
    await this.store.put(key, item);
    this.outcomes.delete(item.id);
    await this.changed();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.runFlush(this.timeoutMs, item.id),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.timeoutMs + 2000))),
    ]);
    clearTimeout(timer);
    const outcome = this.outcomes.get(item.id);
    this.outcomes.delete(item.id);
    const current = await this.store.get(key);
    const persistent = this.persistent;
    // Gone without an outcome here: another tab delivered it.
    if (outcome?.kind === 'sent' || !current) return { status: 'sent', persistent, item: current ?? item };
    if (current.state === 'needs-attention') return { status: 'needs-attention', persistent, item: clone(current) };
    this.emit('queued', { item: clone(current), persistent });
    return { status: 'queued', persistent, item: clone(current) };
  }

  /** Sends every due item (one flusher across tabs). */
  async flush(): Promise<void> {
    await this.runFlush(0);
  }

  /** Every item in FIFO order. */
  async list(): Promise<OutboxItem[]> {
    await this.ready;
    await this.refresh(false);
    return this.snapshot.map(clone);
  }

  counts(): OutboxCounts {
    let waiting = 0;
    let attention = 0;
    for (const item of this.snapshot) item.state === 'pending' ? waiting++ : attention++;
    return { waiting, attention };
  }

  /** Waiting items within EXPIRY_WARNING_MS of the retention limit (from the last refresh). */
  expiringItems(): OutboxItem[] {
    const limit = this.now() - (this.retentionMs - EXPIRY_WARNING_MS);
    return this.snapshot.filter((i) => i.state === 'pending' && (i.keptSince ?? i.createdAt) <= limit).map(clone);
  }

  /** Makes an item due now and flushes (also resends expired or refused items as they are). */
  async retry(id: string): Promise<void> {
    await this.retryWhere((i) => i.id === id);
  }

  /** Replaces the payload (same id, same Idempotency-Key) and resends. */
  async update(id: string, payload: unknown): Promise<void> {
    const clean = jsonCopy(payload);
    const changed = await this.mutate((i) => i.id === id, (i) => ({ ...revived(i, this.now()), payload: clean }));
    if (changed.length) await this.runFlush(this.timeoutMs, id);
  }

  /** Explicit user discard: the only way an undelivered item leaves the outbox. */
  async discard(id: string): Promise<void> {
    await this.mutate((i) => i.id === id, () => null);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.triggers?.dispose();
    if (Outbox.instances.get(this.name) === this) Outbox.instances.delete(this.name);
  }

  // ---- internals ----

  private emit<K extends OutboxEventName>(type: K, detail: OutboxEventDetails[K]): void {
    if (!this.disposed) this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private listen(): void {
    this.triggers = watchTriggers(`koe-outbox-${this.name}`, {
      online: () => {
        this.blockedUntil.clear();
        void this.runFlush(0, undefined, true);
      },
      visible: () => void this.flush(),
      otherTabChanged: () => void this.refresh(true).then(() => this.scheduleNext()),
    });
  }

  /** Re-reads the store; fires `change` when asked (or when another tab wrote). */
  private async refresh(notify: boolean): Promise<void> {
    try {
      this.snapshot = (await this.store.all()).map(([, item]) => item);
    } catch {
      /* keep the last snapshot */
    }
    if (notify) this.emit('change', { counts: this.counts() });
    const expiring = this.expiringItems();
    if (expiring.some((i) => !this.warnedExpiring.has(i.id))) {
      for (const i of expiring) this.warnedExpiring.add(i.id);
      this.emit('expiring', { items: expiring });
    }
  }

  /** After any write: refresh, fire `change`, and tell other tabs. */
  private async changed(): Promise<void> {
    await this.refresh(true);
    this.triggers?.tellOtherTabs();
    this.scheduleNext();
  }

  private async retryWhere(match: (item: OutboxItem) => boolean): Promise<void> {
    const changed = await this.mutate(match, (i) => revived(i, this.now()));
    for (const item of changed) this.blockedUntil.delete(item.endpoint);
    if (changed.length) await this.runFlush(this.timeoutMs, changed[0]!.id);
  }

  /** Edits matching items under the flush lock (so no send of ours is in flight); `null` removes. */
  private async mutate(match: (item: OutboxItem) => boolean, edit: (item: OutboxItem) => OutboxItem | null): Promise<OutboxItem[]> {
    await this.ready;
    const run = async () => {
      const done: OutboxItem[] = [];
      for (const [key, item] of await this.store.all()) {
        if (!match(item)) continue;
        const next = edit(item);
        if (next) await this.store.put(key, next);
        else await this.store.remove(key);
        done.push(next ?? item);
      }
      return done;
    };
    const locked = await withFlushLock(this.name, run, { ...this.lockOptions, waitMs: this.timeoutMs + 1000 }).catch(() => ({ acquired: false as const }));
    // A user's explicit action must not be lost to a stuck lock: apply it anyway.
    const done = locked.acquired ? locked.value : await run();
    if (done.length) await this.changed();
    return done;
  }

  private async runFlush(waitMs: number, priorityId?: string, backOnline = false): Promise<void> {
    if (this.disposed) return;
    await this.ready;
    const result = await withFlushLock(this.name, () => this.flushLocked(priorityId, backOnline), { ...this.lockOptions, waitMs }).catch(() => ({
      acquired: false as const,
    }));
    if (!result.acquired) {
      // Another tab is flushing; look again shortly in case it missed what we just added.
      this.arm(MIN_TIMER_MS + this.random() * MIN_TIMER_MS);
      return;
    }
    await this.refresh(false);
    this.scheduleNext();
  }

  /** Sends due items in FIFO order; `backOnline` also makes items that failed on the network due now. */
  private async flushLocked(priorityId?: string, backOnline = false): Promise<void> {
    const attempted = new Set<string>();
    // A network error is no server's request to wait (unlike Retry-After), so the connection's return is worth a try.
    const networkFailure = (i: OutboxItem) => backOnline && !!i.lastError && i.lastError.status === undefined;
    for (;;) {
      if (this.disposed) return;
      const entries = await this.expire(await this.store.all());
      const now = this.now();
      const next = entries.find(
        ([, i]) =>
          i.state === 'pending' &&
          !attempted.has(i.id) &&
          (networkFailure(i) || (i.nextAttemptAt <= now && (i.id === priorityId || (this.blockedUntil.get(i.endpoint) ?? 0) <= now))),
      );
      if (!next) return;
      attempted.add(next[1].id);
      await this.attempt(next[0], networkFailure);
    }
  }

  /** At the retention limit, waiting items move to needs-attention; they are never deleted without the user. */
  private async expire(entries: Array<[string, OutboxItem]>): Promise<Array<[string, OutboxItem]>> {
    const now = this.now();
    let any = false;
    for (const entry of entries) {
      const next = expired(entry[1], now, this.retentionMs);
      if (!next) continue;
      entry[1] = next;
      await this.store.put(entry[0], next);
      this.emit('needs-attention', { item: clone(next), message: next.lastError!.message });
      any = true;
    }
    if (any) await this.changed();
    return entries;
  }

  private async attempt(key: string, early: (item: OutboxItem) => boolean): Promise<void> {
    // Re-read right before sending: another tab may have sent, removed or rescheduled it.
    const item = await this.store.get(key);
    if (!item || item.state !== 'pending' || (item.nextAttemptAt > this.now() && !early(item))) return;
    const result = await send(item, {
      ...(this.fetchImpl ? { fetch: this.fetchImpl } : {}),
      headers: this.headers.get(item.endpoint),
      timeoutMs: this.timeoutMs,
      now: this.now,
    });
    this.outcomes.set(item.id, result);
    const outcome = afterAttempt(item, result, this.now(), { baseMs: this.baseDelayMs, capMs: this.maxDelayMs, random: this.random });
    if (outcome.next) await this.store.put(key, outcome.next);
    else await this.store.remove(key);
    if (outcome.blockUntil !== undefined) this.blockedUntil.set(item.endpoint, outcome.blockUntil);
    else if (result.kind === 'sent') this.blockedUntil.delete(item.endpoint);
    for (const event of outcome.events) this.emit(event.type, event.detail as never);
    await this.changed();
  }

  /** Arms the timer for the next due waiting item. */
  private scheduleNext(): void {
    const due = nextDue(this.snapshot, this.blockedUntil);
    if (due === undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      return;
    }
    this.arm(due - this.now());
  }

  private arm(delayMs: number): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, delayMs));
    this.timer = setTimeout(() => void this.flush(), delay);
  }
}
