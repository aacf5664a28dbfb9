// Endpoint policy: https:, same-origin paths, and http: only to this machine. Everything else is refused with a reason.
export type EndpointProblem = 'missing' | 'invalid' | 'scheme' | 'insecure-http' | 'credentials';
export type EndpointCheck = { ok: true; url: string } | { ok: false; reason: EndpointProblem; detail: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function defaultBase(): string | undefined {
  return typeof location !== 'undefined' ? location.href : undefined;
}

/** Checks an `endpoint` value; relative paths resolve against `base` (the page URL). */
export function checkEndpoint(value: string | null | undefined, base: string | undefined = defaultBase()): EndpointCheck {
  const raw = (value ?? '').trim();
  if (!raw) return { ok: false, reason: 'missing', detail: '' };
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid', detail: raw };
  }
  let baseUrl: URL | undefined;
  try {
    baseUrl = base ? new URL(base) : undefined;
  } catch {
    baseUrl = undefined;
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials', detail: url.host };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:') {
    // Same origin as the page is fine: nothing travels anywhere the page itself did not come from.
    if (baseUrl && url.origin === baseUrl.origin) return { ok: true, url: url.href };
    if (LOCAL_HOSTS.has(url.hostname)) return { ok: true, url: url.href };
    return { ok: false, reason: 'insecure-http', detail: url.host };
  }
  return { ok: false, reason: 'scheme', detail: url.protocol };
}
