// A module fetched once, off the first download: `get()` once it is here, `load()` to fetch (again after a failure).
export interface Lazy<T> {
  get(): T | undefined;
  load(): Promise<T>;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get: () => value,
    load: () =>
      (loading ??= importer().then(
        (m) => (value = m),
        (error: unknown) => {
          loading = undefined; // offline: the next call tries again
          throw error;
        },
      )),
  };
}

/** Fetches, for an element, the lazy parts its current view needs; `pending` settles when they are in (or failed). */
export class Parts {
  pending?: Promise<unknown>;
  readonly #host: { requestUpdate(): void };

  constructor(host: { requestUpdate(): void }) {
    this.#host = host;
  }

  /** Call from willUpdate; one fetch at a time, and a failed one is tried again on a later update. */
  need(...parts: Lazy<unknown>[]): void {
    const missing = parts.filter((p) => !p.get());
    if (missing.length && !this.pending) this.wait(Promise.all(missing.map((p) => p.load())));
  }

  /** `pending` until `loading` settles; then the host updates, unless it failed (a later update asks again). */
  protected wait(loading: Promise<unknown>): void {
    const pending = (this.pending = loading
      .then(() => this.#host.requestUpdate(), () => undefined)
      .finally(() => {
        if (this.pending === pending) this.pending = undefined;
      }));
  }
}
