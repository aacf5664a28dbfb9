// Submission ids: UUID v4. Plain-http intranet pages have no crypto.randomUUID (secure contexts only).

/**
 * A UUID v4 without crypto.randomUUID: every new blob URL ends in a fresh random UUID
 * (File API, "generate a new blob URL"), and any page can make one.
 */
export function uuidFromBlobUrl(): string {
  const url = URL.createObjectURL(new Blob());
  URL.revokeObjectURL(url);
  return url.slice(-36);
}

/** A new UUID v4: crypto.randomUUID in secure contexts, else a blob URL's. */
export const newId = (): string => crypto.randomUUID?.() ?? uuidFromBlobUrl();
