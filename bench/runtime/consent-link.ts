// The consent pages of the runtime bench open from a consent link, as a customer does: a request in `#koe=`.
import { encodeConsentLink } from '../../src/consent/consent-links.js';
import { validConsentRequestInput } from '../../tests/fixtures/submissions.js';

/** A fresh `#koe=…` fragment for a valid request (a week before it expires). */
export function consentHash(): string {
  const request = {
    ...validConsentRequestInput(),
    id: `bench-${crypto.randomUUID()}`,
    issuedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  };
  return `#${encodeConsentLink(request, 'https://example.invalid/').split('#')[1]}`;
}
