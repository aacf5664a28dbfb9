// Copies the outbox stores and hands out: never the caller's own object, never its own items.

/** A JSON round trip: what is stored is exactly what will be sent (undefined members dropped), and always cloneable. */
export function jsonCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

/** A deep copy for event details and results, so listeners cannot edit the outbox's items. */
export function copyOf<T>(item: T): T {
  return structuredClone(item);
}
