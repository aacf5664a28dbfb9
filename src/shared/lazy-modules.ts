// Lit glue for lazily loaded modules: an element asks for the modules its current view needs and re-renders when they arrive.
import type { Lazy } from '../core/lazy.js';

/** Fetches, for an element, the lazy modules (core/lazy.ts) its current view needs; `pending` settles when they are in (or failed). */
export class LazyModules {
  pending?: Promise<unknown>;
  readonly #host: { requestUpdate(): void };

  constructor(host: { requestUpdate(): void }) {
    this.#host = host;
  }

  /** Call from willUpdate; one fetch at a time, and a failed one is tried again on a later update (at the latest when the network is back). */
  need(...modules: Lazy<unknown>[]): void {
    const missing = modules.filter((m) => !m.get());
    if (missing.length && !this.pending) this.wait(Promise.all(missing.map((m) => m.load())));
  }

  /** `pending` until `loading` settles; then the host updates, unless it failed (a later update asks again). */
  protected wait(loading: Promise<unknown>): void {
    const pending = (this.pending = loading
      .then(
        () => this.#host.requestUpdate(),
        // Offline: the view keeps saying "loading", and the update that the network's return brings asks again.
        () => window.addEventListener('online', () => this.#host.requestUpdate(), { once: true }),
      )
      .finally(() => {
        if (this.pending === pending) this.pending = undefined;
      }));
  }
}
