// Submission ids: UUID v4. Plain-http intranet pages have getRandomValues but not randomUUID.

/** A UUID v4 built from crypto.getRandomValues (RFC 9562 §5.4). */
export function uuidFromRandomValues(getRandomValues: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const b = getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64; // version 4
  b[8] = (b[8]! & 63) | 128; // RFC variant
  // Two hex digits per byte, a dash before bytes 4, 6, 8 and 10.
  return Array.from(b, (x, i) => (i > 3 && i < 11 && !(i & 1) ? '-' : '') + (x | 256).toString(16).slice(1)).join('');
}

/** A new UUID v4: crypto.randomUUID in secure contexts, else getRandomValues. */
export const newId = (): string => globalThis.crypto?.randomUUID?.() ?? uuidFromRandomValues();
