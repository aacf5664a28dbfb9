// Lit glue: connects an element to the shared outbox and re-dispatches its events as koe-* events on the host.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkEndpoint } from '../core/endpoint.js';
import { emit } from '../core/events.js';
import { Outbox, type EnqueueResult, type Format, type HeadersInput, type OutboxCounts, type OutboxEventDetails, type OutboxItem } from '../core/outbox.js';
import type { SubmissionType } from '../core/schemas.js';

export type OutboxHost = ReactiveControllerHost & HTMLElement & { endpoint?: string; format?: string; headers?: HeadersInput };

export interface SubmitOptions {
  id: string;
  endpoint?: string;
  format?: Format;
}

export class OutboxController implements ReactiveController {
  readonly type: SubmissionType;
  readonly outbox: Outbox;
  /** Items of this element's type and endpoint, FIFO (refreshed on every outbox change). */
  items: OutboxItem[] = [];
  counts: OutboxCounts = { waiting: 0, attention: 0 };
  expiringCount = 0;

  readonly #host: OutboxHost;
  /** Aborted when the host disconnects: removes every listener it added to the outbox. */
  #connection?: AbortController;

  constructor(host: OutboxHost, { type, outbox }: { type: SubmissionType; outbox?: Outbox }) {
    this.#host = host;
    this.type = type;
    this.outbox = outbox ?? Outbox.shared();
    host.addController(this);
  }

  get persistent(): boolean {
    return this.outbox.persistent;
  }

  /** The host's endpoint as an absolute URL, or undefined when it is missing or refused. */
  get endpoint(): string | undefined {
    const check = checkEndpoint(this.#host.endpoint);
    return check.ok ? check.url : undefined;
  }

  hostConnected(): void {
    this.registerHeaders();
    const { signal } = (this.#connection = new AbortController());
    const listen = (type: string, listener: (event: Event) => void) => this.outbox.addEventListener(type, listener, { signal });
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
  }

  hostDisconnected(): void {
    this.#connection?.abort();
  }

  /** Call when the host's `endpoint` or `headers` change. */
  registerHeaders(): void {
    const endpoint = this.endpoint;
    if (endpoint && this.#host.headers) this.outbox.setHeaders(endpoint, this.#host.headers);
  }

  /** Fires cancelable `koe-submit`, then enqueues; 'cancelled' when a listener prevented it (nothing is sent). Rejects on a refused endpoint. */
  async submit(payload: unknown, options: SubmitOptions): Promise<EnqueueResult | 'cancelled'> {
    // A refused endpoint is a configuration error the element reports itself (koe-config-error); nothing is announced.
    const check = checkEndpoint(options.endpoint ?? this.#host.endpoint);
    if (!check.ok) throw new Error(`Refused endpoint (${check.reason}): ${check.detail}`);
    if (!emit(this.#host, 'koe-submit', { id: options.id, type: this.type, payload })) return 'cancelled';
    if (this.#host.headers) this.outbox.setHeaders(check.url, this.#host.headers);
    return this.outbox.enqueue({ id: options.id, type: this.type, endpoint: check.url, format: options.format ?? (this.#host.format === 'cloudevents' ? 'cloudevents' : 'json'), payload });
  }

  retry(id: string): Promise<void> {
    this.registerHeaders();
    return this.outbox.retry(id);
  }
  update(id: string, payload: unknown): Promise<void> {
    return this.outbox.update(id, payload);
  }
  discard(id: string): Promise<void> {
    return this.outbox.discard(id);
  }

  /** Takes the outbox's current items (kept current on every change, no disk read) and updates the host. */
  async refresh(): Promise<void> {
    await this.outbox.ready;
    // Runs on every outbox change (once per item while a long queue drains): no disk read, one URL parse.
    const mine = this.#mine();
    this.items = this.outbox.snapshot(mine);
    this.counts = this.outbox.counts(mine);
    this.expiringCount = this.outbox.expiringItems(mine).length;
    this.#host.requestUpdate();
  }

  /** Whether an item is this element's: its type, to its endpoint as it is now. */
  #mine(): (item: OutboxItem) => boolean {
    const endpoint = this.endpoint;
    return (i) => i.type === this.type && i.endpoint === endpoint;
  }
}
