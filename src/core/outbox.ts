// The outbox: persist before sending, retry with backoff, keep what the server refused, one flusher across tabs.
import { withFlushLock } from './lock.js';
import { OutboxStore, orderKey, type OutboxItem, type StorageWarningReason } from './outbox-store.js';
import { absolute, afterAttempt, atReload, clone, jsonCopy, newItem, nextDue, revived } from './outbox-policy.js';
import { watchTriggers, type Triggers } from './outbox-triggers.js';
import { DAY, EXPIRY_WARNING_MS, type EnqueueInput, type EnqueueResult, type OutboxCounts, type OutboxEventDetails, type OutboxEventName, type OutboxOptions } from './outbox-types.js';
import { lazy } from './lazy.js';
import { openKv } from './storage.js';
import type { HeadersInput, SendResult } from './transport.js';

export type { OutboxItem, StorageWarningReason } from './outbox-store.js';
export type { HeadersInput, Format } from './transport.js';
export * from './outbox-types.js';

/** Never re-arm the timer sooner than this, so a zero delay cannot spin. */
const MIN_TIMER_MS = 1000;
const MAX_TIMER_MS = 5 * 60_000;
/** Flush flags: run a pass; re-read the disk first; the network just came back. */
const RUN = 1;
const RELOAD = 2;
const ONLINE = 4;

// The HTTP attempt (request, timeout, reading the answer) is fetched when something is first due to be sent:
// a page where nobody files anything and nothing waits never downloads it. Offline it cannot arrive, but then nothing could be sent.
const transport = lazy(() => import('./transport.js'));

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
  /** Items owed one attempt now (just enqueued or retried): undefined until whoever attempts first records the result. */
  readonly #owed = new Map<string, SendResult | undefined>();
  readonly #triggers: Triggers;
  #counter = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #disposed = false;
  /** The in-page flush loop, the flags it still has to run, and the longest lock wait asked for. */
  #running?: Promise<void>;
  #again = 0;
  #waitMs = 0;
  /** Bumped when items change outside the running pass, so it looks again before it ends. */
  #version = 0;
  /** While this page holds the flush lock: user edits wait here and run between two sends. */
  #ops?: Array<() => Promise<void>>;
  #refreshing?: Promise<void>;
  #refreshAgain = false;

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
    this.#triggers = watchTriggers(`koe-outbox-${this.name}`, {
      online: () => {
        this.#blockedUntil.clear();
        void this.#kick(RELOAD | ONLINE);
      },
      visible: () => void this.flush(),
      otherTab: () => void this.#refresh(),
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
    const key = absolute(endpoint);
    if (!headers) return void this.#headers.delete(key);
    if (this.#headers.get(key) === headers) return;
    this.#headers.set(key, headers);
    void this.#retryWhere((i) => i.endpoint === key && i.lastError?.reason === 'auth').catch(() => undefined);
  }

  /** Persists the submission, then tries once; resolves within about `timeoutMs` even when another tab is flushing. */
  async enqueue(input: EnqueueInput): Promise<EnqueueResult> {
    await this.ready;
    const now = this.#now();
    let key = orderKey(now, this.#counter++, input.id);
    let existing: OutboxItem | undefined;
    for (const [k, i] of this.#store.known) {
      if (i.id === input.id) [key, existing] = [k, i];
    }
    const item = newItem({ ...input, endpoint: absolute(input.endpoint) }, existing, now);
    await this.#store.put(key, item);
    this.#changed();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.#tryNow(item.id), new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#timeoutMs + 2000)))]);
    clearTimeout(timer);
    const outcome = this.#owed.get(item.id);
    this.#owed.delete(item.id);
    const current = await this.#store.get(key);
    const persistent = this.persistent;
    // Gone without an outcome here: another tab delivered it.
    if (outcome?.kind === 'sent' || !current) return { status: 'sent', persistent, item: current ?? item };
    if (current.state === 'needs-attention') return { status: 'needs-attention', persistent, item: clone(current) };
    this.#emit('queued', { item: clone(current), persistent });
    return { status: 'queued', persistent, item: clone(current) };
  }

  /** Sends every due item (one flusher across tabs); joins a flush already running in this page. */
  flush(): Promise<void> {
    return this.#kick(RELOAD);
  }

  /** Every item in FIFO order, as on the disk now. */
  async list(): Promise<OutboxItem[]> {
    await this.ready;
    return (await this.#store.all()).map(([, i]) => clone(i));
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
    const limit = this.#now() - (this.retentionMs - EXPIRY_WARNING_MS);
    return this.snapshot(match)
      .filter((i) => i.state === 'pending' && (i.keptSince ?? i.createdAt) <= limit)
      .map(clone);
  }

  /** Makes an item due now and flushes (also resends expired or refused items as they are). */
  retry(id: string): Promise<void> {
    return this.#retryWhere((i) => i.id === id);
  }

  /** Replaces the payload (same id, same Idempotency-Key) and resends. */
  async update(id: string, payload: unknown): Promise<void> {
    const clean = jsonCopy(payload);
    if ((await this.#mutate((i) => i.id === id, (i) => ({ ...revived(i, this.#now()), payload: clean }))).length) await this.#tryNow(id, true);
  }

  /** Explicit user discard: the only way an undelivered item leaves the outbox. */
  async discard(id: string): Promise<void> {
    await this.#mutate((i) => i.id === id, () => null);
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#triggers.dispose();
    if (Outbox.#instances.get(this.name) === this) Outbox.#instances.delete(this.name);
  }

  // ---- internals ----

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
  #refresh(): Promise<void> | void {
    this.#refreshAgain = true;
    return (this.#refreshing ??= (async () => {
      while (this.#refreshAgain) {
        this.#refreshAgain = false;
        await this.#store.all();
      }
      this.#refreshing = undefined;
      this.#version++;
      this.#emit('change', { counts: this.counts() });
      this.#scheduleNext();
    })());
  }

  /** One attempt for `id` as soon as we may (whoever attempts it first, in this page, uses it up). */
  async #tryNow(id: string, done = false): Promise<void> {
    this.#owed.set(id, undefined);
    await this.#kick(RUN, this.#timeoutMs);
    if (done) this.#owed.delete(id);
  }

  async #retryWhere(match: (item: OutboxItem) => boolean): Promise<void> {
    const changed = await this.#mutate(match, (i) => revived(i, this.#now()));
    for (const item of changed) this.#blockedUntil.delete(item.endpoint);
    if (changed[0]) await this.#tryNow(changed[0].id, true);
  }

  /** Edits matching items (as on the disk) while no send of ours is in flight; `null` removes. */
  async #mutate(match: (item: OutboxItem) => boolean, edit: (item: OutboxItem) => OutboxItem | null): Promise<OutboxItem[]> {
    await this.ready;
    const run = () => this.#store.edit(match, edit);
    let done: OutboxItem[];
    if (this.#ops) done = await new Promise((resolve, reject) => this.#ops!.push(() => run().then(resolve, reject)));
    else {
      const locked = await withFlushLock(this.name, run, { ...this.#options.lock, waitMs: this.#timeoutMs + 1000 }).catch(() => ({ acquired: false as const }));
      // A user's explicit action must not be lost to a stuck lock: apply it anyway.
      done = locked.acquired ? locked.value : await run();
    }
    if (done.length) {
      this.#changed();
      this.#scheduleNext();
    }
    return done;
  }

  /** Asks the in-page flush loop to run with `flags`; callers while it runs join it (one loop, one lock holder). */
  #kick(flags: number, waitMs = 0): Promise<void> {
    this.#again |= flags | RUN;
    this.#waitMs = Math.max(this.#waitMs, waitMs);
    return (this.#running ??= this.#loop());
  }

  async #loop(): Promise<void> {
    try {
      await this.ready;
      while (this.#again && !this.#disposed) {
        const flags = this.#again;
        const waitMs = this.#waitMs;
        this.#again = this.#waitMs = 0;
        // Busy means another tab is flushing; the timer below looks again.
        await withFlushLock(this.name, () => this.#pass(flags), { ...this.#options.lock, waitMs }).catch(() => undefined);
      }
      this.#scheduleNext();
    } finally {
      this.#running = undefined;
    }
  }

  /** Holding the lock: sends due items in FIFO order, one at a time, until nothing new is due. */
  async #pass(flags: number): Promise<void> {
    const ops: Array<() => Promise<void>> = (this.#ops = []);
    const drain = async () => {
      while (ops.length) await ops.shift()!();
    };
    try {
      if (flags & RELOAD) await this.#reload(!!(flags & ONLINE));
      const attempted = new Set<string>();
      for (let seen = -1; seen !== this.#version && !this.#disposed; ) {
        seen = this.#version;
        for (const [key, item] of [...this.#store.known]) {
          await drain();
          if (this.#disposed) return;
          if (attempted.has(item.id) || !this.#due(item)) continue;
          attempted.add(item.id);
          await this.#attempt(key);
        }
      }
    } finally {
      await drain();
      this.#ops = undefined;
    }
  }

  /** Re-reads the disk; stores what the retention limit or the network's return changed (see atReload). */
  async #reload(online: boolean): Promise<void> {
    let any = false;
    for (const [key, item] of await this.#store.all()) {
      const next = atReload(item, this.#now(), this.retentionMs, online);
      if (!next) continue;
      await this.#store.put(key, next);
      if (next.state !== item.state) this.#emit('needs-attention', { item: clone(next), message: next.lastError!.message });
      any = true;
    }
    if (any) this.#changed();
  }

  #due(item: OutboxItem): boolean {
    const now = this.#now();
    return (
      item.state === 'pending' &&
      item.nextAttemptAt <= now &&
      ((this.#owed.has(item.id) && !this.#owed.get(item.id)) || (this.#blockedUntil.get(item.endpoint) ?? 0) <= now)
    );
  }

  async #attempt(key: string): Promise<void> {
    // Re-read right before sending: another tab may have sent, removed or rescheduled it. There is no other way to send.
    const item = await this.#store.get(key);
    if (!item || !this.#due(item)) return;
    const result = await this.#send(item);
    if (this.#owed.has(item.id)) this.#owed.set(item.id, result);
    const outcome = afterAttempt(item, result, this.#now(), this.#options);
    await (outcome.next ? this.#store.put(key, outcome.next) : this.#store.remove(key));
    if (outcome.blockUntil !== undefined) this.#blockedUntil.set(item.endpoint, outcome.blockUntil);
    for (const [type, detail] of outcome.events) this.#emit(type, detail as never);
    this.#changed();
  }

  /** One HTTP attempt; a transport that cannot be fetched counts as a network failure, so the item waits for the next try. */
  async #send(item: OutboxItem): Promise<SendResult> {
    try {
      const { send } = await (this.#options.loadTransport ?? transport.load)();
      return await send(item, { ...this.#options, headers: this.#headers.get(item.endpoint) });
    } catch (error) {
      return { kind: 'retry', message: `could not load the transport: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Arms the timer for the next due waiting item. */
  #scheduleNext(): void {
    clearTimeout(this.#timer);
    const due = nextDue(this.#store.known.values(), this.#blockedUntil);
    if (due !== undefined && !this.#disposed) {
      this.#timer = setTimeout(() => void this.flush(), Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, due - this.#now())));
    }
  }
}
