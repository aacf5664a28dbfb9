// Locale resolution: explicit `locale`, then the nearest lang (crossing shadow roots), then the browser.
import type { LOCALES } from '../core/schemas.js';

export type Locale = (typeof LOCALES)[number];

function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ja' ? 'ja' : primary === 'en' ? 'en' : undefined;
}

/** The nearest `lang` attribute above `el`, walking out of shadow roots. */
export function nearestLang(el: Element): string | undefined {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

export function resolveLocale(explicit: string | null | undefined, el?: Element): Locale {
  return (
    toLocale(explicit) ??
    (el ? toLocale(nearestLang(el)) : undefined) ??
    (typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]).map(toLocale).find(Boolean) : undefined) ??
    'en'
  );
}
