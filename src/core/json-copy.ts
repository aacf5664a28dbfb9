// What the outbox stores is a copy of what the caller gave it, made the way it will be sent.

/** A JSON round trip: what is stored is exactly what will be sent (undefined members dropped), and always cloneable. */
export function jsonCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}
