// Endpoint policy: https:, same-origin paths, and http: only to this machine. Everything else is refused with a reason.
export type EndpointProblem = 'missing' | 'invalid' | 'scheme' | 'insecure-http' | 'credentials';
export type EndpointCheck = { ok: true; url: string } | { ok: false; reason: EndpointProblem; detail: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What a relative endpoint resolves against, as fetch() resolves it: the document's base URL (a <base href>, or the
 *  parent's URL in a srcdoc frame, whose own address is about:srcdoc); the page's address where there is no document. */
const pageBase = (): string | undefined => globalThis.document?.baseURI ?? globalThis.location?.href;

/** Checks an `endpoint` value; relative paths resolve against `base` (default: the document's base URL). */
export function checkEndpoint(value: string | null | undefined, base: string | undefined = pageBase()): EndpointCheck {
  const raw = (value ?? '').trim();
  if (!raw) return { ok: false, reason: 'missing', detail: '' };
  let url: URL;
  try {
    // A base that does not parse throws here too, so `base` is a valid URL below.
    url = new URL(raw, base || undefined);
  } catch {
    return { ok: false, reason: 'invalid', detail: raw };
  }
  const { protocol, host } = url;
  if (url.username || url.password) return { ok: false, reason: 'credentials', detail: host };
  if (protocol !== 'https:' && protocol !== 'http:') return { ok: false, reason: 'scheme', detail: protocol };
  // http: only to the page's own origin (nothing travels anywhere the page itself did not come from) or to this machine.
  if (protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname) && !(base && url.origin === new URL(base).origin)) {
    return { ok: false, reason: 'insecure-http', detail: host };
  }
  return { ok: true, url: url.href };
}

/** An endpoint as an absolute URL against the page: how the outbox stores it and keys host headers. Unparsable values stay as given. */
export function absoluteUrl(endpoint: string): string {
  try {
    return new URL(endpoint, pageBase()).href;
  } catch {
    return endpoint;
  }
}
