// The script of the iframe embed pages (/embed/intake.html, /embed/consent.html) for hosts that show a page but run no
// script of ours: HubSpot (an iframe opened by a UI extension), Zoho widgets, Dynamics web resources. The CRM context
// comes in the URL fragment; koe-* events reach the parent page by postMessage, only when the parent's origin is one the
// receiver allows (the page's koe-embed-parent-origins meta, filled in by src/server/embed-pages.ts), never to '*'.
import { CONTEXT_ATTRIBUTES } from '../core/config.js';
import type { KoeEventName } from '../core/events.js';
import { resolveLocale } from '../i18n/locale.js';

/** Every koe-* event the elements fire; all are forwarded (the record keeps the list complete). */
const FORWARDED: Record<KoeEventName, true> = {
  'koe-submit': true,
  'koe-queued': true,
  'koe-sent': true,
  'koe-failed': true,
  'koe-needs-attention': true,
  'koe-auth-required': true,
  'koe-draft-restored': true,
  'koe-config-error': true,
};

/** What the parent receives as `event.data`: a koe-* event, or `koe-embed-resize` with the page's height in CSS pixels. */
export interface KoeEmbedMessage {
  source: 'koe-widgets';
  type: KoeEventName | 'koe-embed-resize';
  detail: unknown;
}

/** The origin of the page that frames this one, when the browser tells it (ancestorOrigins; else the referrer). */
function parentOrigin(): string | undefined {
  if (window.parent === window) return undefined;
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The parent's origin when the receiver allows it; otherwise nothing is posted at all. */
function allowedParent(): string | undefined {
  const allowed = (document.querySelector('meta[name="koe-embed-parent-origins"]')?.getAttribute('content') ?? '').split(/\s+/);
  const origin = parentOrigin();
  return origin && origin !== 'null' && allowed.includes(origin) ? origin : undefined;
}

function post(target: string, type: KoeEmbedMessage['type'], detail: unknown): void {
  // A JSON copy: event details are plain data, and nothing the page holds (functions, elements) may cross.
  const message: KoeEmbedMessage = { source: 'koe-widgets', type, detail: JSON.parse(JSON.stringify(detail ?? null)) };
  window.parent.postMessage(message, target);
}

/** `#company-id=…&deal-id=…&locale=ja` → the element's attributes (known names only; shown as text, never as HTML). */
function applyFragment(element: Element, fragment: URLSearchParams): void {
  for (const name of Object.keys(CONTEXT_ATTRIBUTES)) {
    const value = fragment.get(name);
    if (value) element.setAttribute(name, value);
  }
}

function start(): void {
  const element = document.querySelector('koe-intake, koe-consent');
  if (!element) return;
  const fragment = new URLSearchParams(location.hash.slice(1));
  const asked = fragment.get('locale');
  if (asked) element.setAttribute('locale', asked);
  // Without one, <koe-intake> follows the page's lang (here: the browser's language); <koe-consent> follows its request.
  document.documentElement.lang = resolveLocale(asked);
  if (element.localName === 'koe-intake') applyFragment(element, fragment);

  const target = allowedParent();
  if (!target) return;
  for (const type of Object.keys(FORWARDED) as KoeEventName[]) {
    document.addEventListener(type, (event) => post(target, type, (event as CustomEvent).detail));
  }
  // The parent sizes the iframe to its content (forms grow as messages appear).
  new ResizeObserver(() => post(target, 'koe-embed-resize', { height: Math.ceil(document.documentElement.scrollHeight) })).observe(document.body);
}

start();
