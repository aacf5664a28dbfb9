// Lit glue: connects an element to the shared outbox and re-dispatches its events as koe-* events on the host.
// The outbox code (outbox.ts with its store, flush loop and IndexedDB) is no part of the first render: it is fetched and
// the outbox opened once that render is on screen (the host's `painted`; at once when something is submitted sooner).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkEndpoint } from '../core/endpoint.js';
import { emit } from '../core/events.js';
import { lazy } from '../core/lazy.js';
import type * as OutboxModule from '../core/outbox.js';
import type { EnqueueResult, Format, HeadersInput, Outbox, OutboxCounts, OutboxEventDetails, OutboxItem } from '../core/outbox.js';
import type { SubmissionType } from '../core/schemas.js';

export type OutboxHost = ReactiveControllerHost & HTMLElement & { endpoint?: string; format?: string; headers?: HeadersInput; painted?: boolean };

export interface SubmitOptions {
  id: string;
  endpoint?: string;
  format?: Format;
}

const outboxModule = lazy(() => import('../core/outbox.js'));

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
  /** Aborted when the host disconnects: removes every listener it added to the outbox. */
  #connection?: AbortController;
  /** This connection's opening: the outbox, with the host listening to it (once per connection). */
  #opening?: Promise<Outbox>;
  /** The connection for which the outbox was opened after the host's first paint. */
  #openedFor?: AbortController;

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
    this.#connection = new AbortController();
    this.#opening = undefined;
    this.#openOncePainted();
  }

  hostUpdated(): void {
    this.#openOncePainted();
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
   * refused endpoint, and with the browser's TypeError when the outbox code cannot be fetched (offline since the page
   * loaded; before `koe-submit`, nothing stored or sent).
   */
  async submit(payload: unknown, options: SubmitOptions): Promise<EnqueueResult | 'cancelled'> {
    // A refused endpoint is a configuration error the element reports itself (koe-config-error); nothing is announced.
    const check = checkEndpoint(options.endpoint ?? this.#host.endpoint);
    if (!check.ok) throw new Error(`Refused endpoint (${check.reason}): ${check.detail}`);
    const opening = this.#open();
    // Open already (the usual case): `koe-submit` goes out in the same task as the user's action.
    const outbox = this.outbox ?? (await opening);
    if (!emit(this.#host, 'koe-submit', { id: options.id, type: this.type, payload })) return 'cancelled';
    if (this.#host.headers) outbox.setHeaders(check.url, this.#host.headers);
    return outbox.enqueue({ id: options.id, type: this.type, endpoint: check.url, format: options.format ?? (this.#host.format === 'cloudevents' ? 'cloudevents' : 'json'), payload });
  }

  // Offered only for items the element shows (listed, or refused when sent), so the outbox is open.
  retry(id: string): Promise<void> {
    this.registerHeaders();
    return this.outbox!.retry(id);
  }
  update(id: string, payload: unknown): Promise<void> {
    return this.outbox!.update(id, payload);
  }
  discard(id: string): Promise<void> {
    return this.outbox!.discard(id);
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

  /** Once per connection, once the host's first render is on screen: the outbox opens, or waits for the network. */
  #openOncePainted(): void {
    const connection = this.#connection;
    if (!connection || !this.#host.painted || this.#openedFor === connection) return;
    this.#openedFor = connection;
    // Offline when the page loaded: the outbox code comes (and what waits goes out) once the network is back.
    const openWhenOnline = () => addEventListener('online', () => void this.#open().catch(openWhenOnline), { once: true, signal: connection.signal });
    const opening: Promise<void> = (this.pending = this.#open()
      .then(() => undefined, openWhenOnline)
      .finally(() => {
        if (this.pending === opening) this.pending = undefined;
      }));
  }

  /** The outbox, with this connection's listeners on it, opened now if the first paint has not come yet; rejects (a
   *  TypeError) when its code cannot be fetched, and a later call tries again. */
  #open(): Promise<Outbox> {
    return (this.#opening ??= this.#load().then(
      (outbox) => this.#listen(outbox),
      (error: unknown) => {
        this.#opening = undefined;
        throw error;
      },
    ));
  }

  async #load(): Promise<Outbox> {
    // Page load is one of the outbox's triggers: the first one opened sends what an earlier visit left behind.
    return (this.outbox ??= (await OutboxController.loadOutbox()).Outbox.shared());
  }

  /** The host's headers, the outbox's events as koe-* events on the host, and its items; none while disconnected. */
  #listen(outbox: Outbox): Outbox {
    const signal = this.#connection?.signal;
    if (!signal || signal.aborted) return outbox;
    this.registerHeaders();
    const listen = (type: string, listener: (event: Event) => void) => outbox.addEventListener(type, listener, { signal });
    // Outbox events for this element's items go out on the host as koe-*, with id and type instead of the item.
    for (const name of ['queued', 'sent', 'failed', 'needs-attention', 'auth-required'] as const) {
      listen(name, (event) => {
        const { item, ...rest } = (event as CustomEvent<OutboxEventDetails[typeof name]>).detail;
        if (this.#mine()(item)) emit(this.#host, `koe-${name}`, { id: item.id, type: item.type, ...rest } as never);
      });
    }
    const onChange = () => void this.refresh();
    listen('change', onChange);
    listen('storage-warning', onChange);
    void this.refresh();
    return outbox;
  }

  /** Whether an item is this element's: its type, to its endpoint as it is now. */
  #mine(): (item: OutboxItem) => boolean {
    const endpoint = this.endpoint;
    return (i) => i.type === this.type && i.endpoint === endpoint;
  }
}
