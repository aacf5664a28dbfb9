// A consent request's default terms, which the browser and the receiver both apply. Kept apart from the wire schemas
// (schemas.ts), so that the signer's first view can read them without zod.

/** The review window when a request asks for review but names none: the customer answers within this many business days. */
export const DEFAULT_REVIEW_DAYS = 5;
