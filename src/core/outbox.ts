// The outbox: persist before sending, retry with backoff, keep what the server refused, one flusher across tabs.
import { absoluteUrl } from './endpoint.js';
import { FlushLoop, type FlushRun } from './flush-loop.js';
import { attemptSend } from './outbox-attempt.js';
import { copyOf, jsonCopy } from './copies.js';
import { EditsBetweenSends } from './edits-between-sends.js';
import { withFlushLock } from './lock.js';
import { afterAttempt, dueWhenBackOnline, expiredAtRetention, nearRetentionLimit, newItem, nextDue, retriedByUser, timerDelay } from './outbox-policy.js';
import { OutboxStore, orderKey, type OutboxItem, type StorageWarningReason } from './outbox-store.js';
import { watchTriggers, type Triggers } from './outbox-triggers.js';
import { DAY, type EnqueueInput, type EnqueueResult, type OutboxCounts, type OutboxEventDetails, type OutboxEventName, type OutboxOptions } from './outbox-types.js';
import { openKv } from './storage.js';
import type { HeadersInput } from './transport.js';

export type { OutboxItem, StorageWarningReason } from './outbox-store.js';
export type { HeadersInput, Format } from './transport.js';
export * from './outbox-types.js';

export class Outbox extends EventTarget {
  static #instances = new Map<string, Outbox>();

  /** One outbox per page per name; database `koe-outbox-<name>`. */
  static shared(name = 'default'): Outbox {
    let outbox = Outbox.#instances.get(name);
    if (!outbox || outbox.#disposed) Outbox.#instances.set(name, (outbox = new Outbox({ name })));
    return outbox;
  }

  readonly name: string;
  readonly ready: Promise<void>;
  readonly retentionMs: number;

  readonly #store: OutboxStore;
  /** Passed on as they are: send() takes fetch, now and timeoutMs, backoffDelay() the delay knobs; each has its defaults. */
  readonly #options: OutboxOptions;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  readonly #headers = new Map<string, HeadersInput>();
  /** Per endpoint: no attempts before this (after a retryable failure), so the queue stays in order. */
  readonly #blockedUntil = new Map<string, number>();
  readonly #triggers: Triggers;
  #counter = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #disposed = false;
  /** The in-page flush loop (flush-loop.ts): its requests and the attempts it owes; the pass is #sendDueItems. */
  readonly #flushLoop: FlushLoop;
  /** While this page holds the flush lock: user edits wait here and run between two sends. */
  readonly #editsBetweenSends = new EditsBetweenSends();
  #rereading?: Promise<void>;
  #otherTabWroteAgain = false;
  /** Bumped on every change to the items, so a run that is going through them knows to look once more. */
  #version = 0;

  constructor(options: OutboxOptions = {}) {
    super();
    this.name = options.name ?? 'default';
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.retentionMs = options.retentionMs ?? 14 * DAY;
    this.#store = new OutboxStore(`koe-outbox-${this.name}`, (reason) => this.#emit('storage-warning', { reason }));
    this.ready = this.#store
      .open(options.openKv ?? openKv, { timeoutMs: options.openTimeoutMs })
      .then(() => this.#store.all())
      .then(() => undefined, () => undefined);
    this.#flushLoop = new FlushLoop({
      ready: this.ready,
      lock: (fn, waitMs) => withFlushLock(this.name, fn, { ...options.lock, waitMs }),
      sendDueItems: (run) => this.#sendDueItems(run),
      idle: () => this.#scheduleNext(),
    });
    this.#triggers = watchTriggers(`koe-outbox-${this.name}`, {
      online: () => {
        this.#blockedUntil.clear();
        void this.#flushLoop.request({ reread: true, backOnline: true });
      },
      visible: () => void this.flush(),
      otherTab: () => void this.#rereadAfterOtherTab(),
    });
    // Page load is a trigger: whatever an earlier visit left behind goes out now.
    void this.flush();
  }

  /** false => in-memory only (offline safety off). */
  get persistent(): boolean {
    return this.#store.persistent;
  }
  /** Why persistence is off. */
  get storageProblem(): StorageWarningReason | undefined {
    return this.#store.problem;
  }

  /** Host headers for an endpoint, kept in memory only; a new value retries items waiting for auth. */
  setHeaders(endpoint: string, headers: HeadersInput | undefined): void {
    const key = absoluteUrl(endpoint);
    if (!headers) return void this.#headers.delete(key);
    if (this.#headers.get(key) === headers) return;
    this.#headers.set(key, headers);
    void this.#retryWhere((i) => i.endpoint === key && i.lastError?.reason === 'auth').catch(() => undefined);
  }

  /** Persists the submission, then tries once; resolves within about `timeoutMs` even when another tab is flushing. */
  async enqueue(input: EnqueueInput): Promise<EnqueueResult> {
    await this.ready;
    const now = this.#now();
    const existing = [...this.#store.known].find(([, item]) => item.id === input.id);
    // Re-enqueueing an id keeps its place in the queue (its key).
    const key = existing?.[0] ?? orderKey(now, this.#counter++, input.id);
    const item = newItem({ ...input, endpoint: absoluteUrl(input.endpoint) }, existing?.[1], now);
    await this.#store.put(key, item);
    this.#changed();
    const result = await this.#flushLoop.attemptNow(item.id, this.#timeoutMs, this.#timeoutMs + 2000);
    const current = await this.#store.get(key);
    const persistent = this.persistent;
    // Gone without a result here: another tab delivered it.
    if (result?.kind === 'sent' || !current) return { status: 'sent', persistent, item: current ?? item };
    if (current.state === 'needs-attention') return { status: 'needs-attention', persistent, item: copyOf(current) };
    this.#emit('queued', { item: copyOf(current), persistent });
    return { status: 'queued', persistent, item: copyOf(current) };
  }

  /** Sends every due item (one flusher across tabs); joins a flush already running in this page. */
  flush(): Promise<void> {
    return this.#flushLoop.request({ reread: true });
  }

  /** Every item in FIFO order, as on the disk now. */
  async list(): Promise<OutboxItem[]> {
    await this.ready;
    return (await this.#store.all()).map(([, item]) => copyOf(item));
  }

  /** Items (all, or those `match` keeps) in FIFO order as last seen: kept current on every change, no disk read, no copies.
   *  Read-only: the outbox replaces an item on every change and never edits one in place. */
  snapshot(match: (item: OutboxItem) => boolean = () => true): OutboxItem[] {
    return [...this.#store.known.values()].filter(match);
  }

  /** How many items (all, or those `match` keeps) wait and how many need attention. */
  counts(match?: (item: OutboxItem) => boolean): OutboxCounts {
    const items = this.snapshot(match);
    const waiting = items.filter((i) => i.state === 'pending').length;
    return { waiting, attention: items.length - waiting };
  }

  /** Waiting items (all, or those `match` keeps) within EXPIRY_WARNING_MS of the retention limit. */
  expiringItems(match?: (item: OutboxItem) => boolean): OutboxItem[] {
    const now = this.#now();
    return this.snapshot(match)
      .filter((item) => nearRetentionLimit(item, now, this.retentionMs))
      .map(copyOf);
  }

  /** Makes an item due now and flushes (also resends expired or refused items as they are). */
  retry(id: string): Promise<void> {
    return this.#retryWhere((i) => i.id === id);
  }

  /** Replaces the payload (same id, same Idempotency-Key) and resends. */
  async update(id: string, payload: unknown): Promise<void> {
    const edited = jsonCopy(payload);
    const changed = await this.#edit(
      (i) => i.id === id,
      (i) => ({ ...retriedByUser(i, this.#now()), payload: edited }),
    );
    if (changed.length) await this.#flushLoop.attemptNow(id, this.#timeoutMs);
  }

  /** Explicit user discard: the only way an undelivered item leaves the outbox. */
  async discard(id: string): Promise<void> {
    await this.#edit((i) => i.id === id, () => null);
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#triggers.dispose();
    if (Outbox.#instances.get(this.name) === this) Outbox.#instances.delete(this.name);
  }

  #emit<K extends OutboxEventName>(type: K, detail: OutboxEventDetails[K]): void {
    if (!this.#disposed) this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** After any write: fire `change` and tell other tabs. */
  #changed(): void {
    this.#version++;
    this.#emit('change', { counts: this.counts() });
    this.#triggers.tell();
  }

  /** Another tab wrote: re-read once (and once more if it wrote again meanwhile), never one read per message. */
  #rereadAfterOtherTab(): Promise<void> {
    this.#otherTabWroteAgain = true;
    return (this.#rereading ??= (async () => {
      while (this.#otherTabWroteAgain) {
        this.#otherTabWroteAgain = false;
        await this.#store.all();
      }
      this.#rereading = undefined;
      this.#version++;
      this.#emit('change', { counts: this.counts() });
      this.#scheduleNext();
    })());
  }

  async #retryWhere(match: (item: OutboxItem) => boolean): Promise<void> {
    const changed = await this.#edit(match, (i) => retriedByUser(i, this.#now()));
    for (const item of changed) this.#blockedUntil.delete(item.endpoint);
    if (changed[0]) await this.#flushLoop.attemptNow(changed[0].id, this.#timeoutMs);
  }

  /** Edits matching items (as on the disk) while no send of ours is in flight; `null` removes. */
  async #edit(match: (item: OutboxItem) => boolean, edit: (item: OutboxItem) => OutboxItem | null): Promise<OutboxItem[]> {
    await this.ready;
    const apply = () => this.#store.edit(match, edit);
    // Our flush holds the lock: run between two of its sends.
    let changed = await this.#editsBetweenSends.queue(apply);
    if (!changed) {
      const locked = await withFlushLock(this.name, apply, { ...this.#options.lock, waitMs: this.#timeoutMs + 1000 }).catch(() => ({ acquired: false as const }));
      // A user's explicit action must not be lost to a stuck lock: apply it anyway.
      changed = locked.acquired ? locked.value : await apply();
    }
    if (changed.length) {
      this.#changed();
      this.#scheduleNext();
    }
    return changed;
  }

  /** Holding the lock: sends due items in FIFO order, one at a time, until a look through them finds nothing new. */
  async #sendDueItems({ reread, backOnline }: FlushRun): Promise<void> {
    await this.#editsBetweenSends.during(async (applyWaitingEdits) => {
      if (reread) await this.#reread(backOnline);
      const attempted = new Set<string>();
      // The last attempt's write to the disk: the pass lets go of the lock only once it is done.
      let written: Promise<void> = Promise.resolve();
      let lookAgain = true;
      while (lookAgain && !this.#disposed) {
        const versionBefore = this.#version;
        for (const [key, item] of [...this.#store.known]) {
          await applyWaitingEdits();
          if (this.#disposed) break;
          if (attempted.has(item.id) || !this.#isDue(item)) continue;
          attempted.add(item.id);
          written = (await this.#attempt(key))?.written ?? written;
        }
        // Items changed while we went through them (an attempt, an enqueue, an edit, another tab): look once more.
        lookAgain = this.#version !== versionBefore;
      }
      await written;
    });
  }

  /** Re-reads the disk; stores what the retention limit or the network's return changed. */
  async #reread(backOnline: boolean): Promise<void> {
    let anyChanged = false;
    for (const [key, item] of await this.#store.all()) {
      const now = this.#now();
      const expired = expiredAtRetention(item, now, this.retentionMs);
      const next = expired ?? (backOnline ? dueWhenBackOnline(item, now) : undefined);
      if (!next) continue;
      await this.#store.put(key, next);
      if (expired) this.#emit('needs-attention', { item: copyOf(expired), message: expired.lastError!.message });
      anyChanged = true;
    }
    if (anyChanged) this.#changed();
  }

  /** Waiting and due; and either owed an attempt now or its endpoint is not waiting out a retryable failure. */
  #isDue(item: OutboxItem): boolean {
    const now = this.#now();
    if (item.state !== 'pending' || item.nextAttemptAt > now) return false;
    return this.#flushLoop.isOwed(item.id) || (this.#blockedUntil.get(item.endpoint) ?? 0) <= now;
  }

  /** One attempt; once sent, resolves with the write of its outcome, not awaited: the next re-read queues behind it in IndexedDB. */
  async #attempt(key: string): Promise<{ written: Promise<void> } | undefined> {
    // Re-read right before sending: another tab may have sent, removed or rescheduled it. There is no other way to send.
    const item = await this.#store.get(key);
    if (!item || !this.#isDue(item)) return undefined;
    const result = await attemptSend(item, this.#options, this.#headers.get(item.endpoint), this.#flushLoop.isOwed(item.id));
    this.#flushLoop.attempted(item.id, result);
    const outcome = afterAttempt(item, result, this.#now(), this.#options);
    const written = outcome.next ? this.#store.put(key, outcome.next) : this.#store.remove(key);
    if (outcome.blockUntil !== undefined) this.#blockedUntil.set(item.endpoint, outcome.blockUntil);
    for (const [type, detail] of outcome.events) this.#emit(type, detail as never);
    this.#changed();
    return { written };
  }

  /** Arms the timer for the next due waiting item. */
  #scheduleNext(): void {
    clearTimeout(this.#timer);
    const due = nextDue(this.#store.known.values(), this.#blockedUntil);
    if (due !== undefined && !this.#disposed) {
      this.#timer = setTimeout(() => void this.flush(), timerDelay(due, this.#now()));
    }
  }
}
