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

  constructor(private readonly host: { requestUpdate(): void }) {}

  /** Call from willUpdate; one fetch at a time, and a failed one is tried again on a later update. */
  need(...parts: Lazy<unknown>[]): void {
    const missing = parts.filter((p) => !p.get());
    if (!missing.length || this.pending) return;
    this.pending = Promise.all(missing.map((p) => p.load()))
      .then(() => this.host.requestUpdate(), () => undefined)
      .finally(() => (this.pending = undefined));
  }
}
