// Lit glue: connects an element to the shared outbox and re-dispatches its events as koe-* events on the host.
// The outbox code (outbox.ts with its store, flush loop and IndexedDB) is no part of the first render: it is fetched and
// the outbox opened once that render is on screen (at once when something is submitted sooner).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkEndpoint } from '../core/endpoint.js';
import { emit } from '../core/events.js';
import { lazy } from '../core/lazy.js';
import type * as OutboxModule from '../core/outbox.js';
import type { EnqueueResult, Format, HeadersInput, Outbox, OutboxCounts, OutboxEventDetails, OutboxItem } from '../core/outbox.js';
import { afterNextPaint } from '../core/scheduling.js';
import type { SubmissionType } from '../core/schemas.js';

export type OutboxHost = ReactiveControllerHost & HTMLElement & { endpoint?: string; format?: string; headers?: HeadersInput };

export interface SubmitOptions {
  id: string;
  endpoint?: string;
  format?: Format;
}

const outboxModule = lazy(() => import('../core/outbox.js'));

/** The outbox code could not be fetched (offline since the page loaded): nothing was stored or sent; the form keeps what was entered. */
export class DeliveryUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The outbox could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DeliveryUnavailableError';
  }
}

export class OutboxController implements ReactiveController {
  /** @internal Fetches the outbox code; replaceable in tests (a page whose network went before the code came). */
  static loadOutbox: () => Promise<typeof OutboxModule> = outboxModule.load;

  readonly type: SubmissionType;
  /** The shared outbox (or the one given); undefined until it is open, after the first paint. */
  outbox?: Outbox;
  /** Items of this element's type and endpoint, FIFO (refreshed on every outbox change). */
  items: OutboxItem[] = [];
  counts: OutboxCounts = { waiting: 0, attention: 0 };
  expiringCount = 0;
  /** Until the outbox is open and this element listens to it (for the host's updateComplete). */
  pending?: Promise<void>;

  readonly #host: OutboxHost;
  /** Aborted when the host disconnects: removes every listener it added to the outbox, and stops a connection under way. */
  #connection?: AbortController;
  /** The connection whose listeners are on the outbox. */
  #listening?: AbortController;

  constructor(host: OutboxHost, { type, outbox }: { type: SubmissionType; outbox?: Outbox }) {
    this.#host = host;
    this.type = type;
    this.outbox = outbox;
    host.addController(this);
  }

  /** false when the outbox keeps items in memory only (offline safety off); undefined until the outbox is open. */
  get persistent(): boolean | undefined {
    return this.outbox?.persistent;
  }

  /** The host's endpoint as an absolute URL, or undefined when it is missing or refused. */
  get endpoint(): string | undefined {
    const check = checkEndpoint(this.#host.endpoint);
    return check.ok ? check.url : undefined;
  }

  hostConnected(): void {
    const connection = (this.#connection = new AbortController());
    const connecting: Promise<void> = (this.pending = afterNextPaint()
      .then(() => this.#load())
      .then(
        () => this.#listen(connection),
        () => this.#connectWhenOnline(connection),
      )
      .finally(() => {
        if (this.pending === connecting) this.pending = undefined;
      }));
  }

  hostDisconnected(): void {
    this.#connection?.abort();
  }

  /** Call when the host's `endpoint` or `headers` change. */
  registerHeaders(): void {
    const endpoint = this.endpoint;
    if (endpoint && this.#host.headers) this.outbox?.setHeaders(endpoint, this.#host.headers);
  }

  /**
   * Fires cancelable `koe-submit`, then enqueues; 'cancelled' when a listener prevented it (nothing is sent). Rejects on a
   * refused endpoint, and with DeliveryUnavailableError when the outbox code cannot be fetched (before `koe-submit`).
   */
  async submit(payload: unknown, options: SubmitOptions): Promise<EnqueueResult | 'cancelled'> {
    // A refused endpoint is a configuration error the element reports itself (koe-config-error); nothing is announced.
    const check = checkEndpoint(options.endpoint ?? this.#host.endpoint);
    if (!check.ok) throw new Error(`Refused endpoint (${check.reason}): ${check.detail}`);
    // Open already (the usual case): `koe-submit` goes out in the same task as the user's action.
    const outbox = this.outbox ?? (await this.#open());
    this.#listen(this.#connection);
    if (!emit(this.#host, 'koe-submit', { id: options.id, type: this.type, payload })) return 'cancelled';
    if (this.#host.headers) outbox.setHeaders(check.url, this.#host.headers);
    return outbox.enqueue({ id: options.id, type: this.type, endpoint: check.url, format: options.format ?? (this.#host.format === 'cloudevents' ? 'cloudevents' : 'json'), payload });
  }

  // The outbox view offers these only for items it lists, so the outbox is open by then.
  async retry(id: string): Promise<void> {
    const outbox = await this.#open();
    this.registerHeaders();
    return outbox.retry(id);
  }
  async update(id: string, payload: unknown): Promise<void> {
    return (await this.#open()).update(id, payload);
  }
  async discard(id: string): Promise<void> {
    return (await this.#open()).discard(id);
  }

  /** Takes the outbox's current items (kept current on every change, no disk read) and updates the host. */
  async refresh(): Promise<void> {
    const { outbox } = this;
    if (!outbox) return;
    await outbox.ready;
    // Runs on every outbox change (once per item while a long queue drains): no disk read, one URL parse.
    const mine = this.#mine();
    this.items = outbox.snapshot(mine);
    this.counts = outbox.counts(mine);
    this.expiringCount = outbox.expiringItems(mine).length;
    this.#host.requestUpdate();
  }

  /** The outbox, opening it now if the first paint has not come yet; rejects with DeliveryUnavailableError when its code cannot be fetched. */
  async #open(): Promise<Outbox> {
    await this.#load();
    this.#listen(this.#connection);
    return this.outbox!;
  }

  async #load(): Promise<void> {
    if (this.outbox) return;
    const { Outbox } = await OutboxController.loadOutbox().catch((error: unknown) => {
      throw new DeliveryUnavailableError(error);
    });
    // Page load is one of the outbox's triggers: the first one opened sends what an earlier visit left behind.
    this.outbox ??= Outbox.shared();
  }

  /** Once per connection (none while disconnected): the host's headers, the outbox's events as koe-* events on the host, and its items. */
  #listen(connection: AbortController | undefined): void {
    const { outbox } = this;
    if (!outbox || !connection || connection.signal.aborted || this.#listening === connection) return;
    this.#listening = connection;
    this.registerHeaders();
    const listen = (type: string, listener: (event: Event) => void) => outbox.addEventListener(type, listener, { signal: connection.signal });
    // Outbox events for this element's items go out on the host as koe-*, with id and type instead of the item.
    for (const name of ['queued', 'sent', 'failed', 'needs-attention', 'auth-required'] as const) {
      listen(name, (event) => {
        const { item, body: _body, ...rest } = (event as CustomEvent<OutboxEventDetails[typeof name] & { body?: unknown }>).detail;
        if (this.#mine()(item)) emit(this.#host, `koe-${name}`, { id: item.id, type: item.type, ...rest } as never);
      });
    }
    const onChange = () => void this.refresh();
    listen('change', onChange);
    listen('storage-warning', onChange);
    void this.refresh();
  }

  /** Offline when the page loaded: the outbox code comes (and what waits goes out) once the network is back. */
  #connectWhenOnline(connection: AbortController): void {
    addEventListener('online', () => void this.#open().catch(() => this.#connectWhenOnline(connection)), { once: true, signal: connection.signal });
  }

  /** Whether an item is this element's: its type, to its endpoint as it is now. */
  #mine(): (item: OutboxItem) => boolean {
    const endpoint = this.endpoint;
    return (i) => i.type === this.type && i.endpoint === endpoint;
  }
}
