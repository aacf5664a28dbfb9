// A module fetched once, off the first download: `get()` once it is here, `load()` to fetch (again after a failure).
// Plain TypeScript: the outbox uses it for the HTTP attempt, the elements for rare views and locales.
export interface Lazy<T> {
  get(): T | undefined;
  load(): Promise<T>;
}

/** A module that ships with its element, behind the same interface as the lazy ones (the primary locale's wording). */
export function shipped<T>(value: T): Lazy<T> {
  return { get: () => value, load: () => Promise.resolve(value) };
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
