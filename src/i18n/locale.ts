// The locales Koe speaks, and how an element picks one: explicit `locale`, then the nearest lang (crossing shadow roots), then
// the browser.

/** The locales Koe speaks: the wire schemas' `locale` (core/schemas.ts) and the browser's link rules read this list. */
export const LOCALES = ['ja', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** `ja`, `ja-JP`, `EN_us`… → the locale; anything else (another language, empty) → undefined. */
const toLocale = (tag: string | null | undefined): Locale | undefined =>
  /^\s*(ja|en)([-_]|\s*$)/i.exec(tag ?? '')?.[1]!.toLowerCase() as Locale | undefined;

/** The nearest `lang` attribute at or above `el`, walking out of shadow roots. */
export function nearestLang(el: Element): string | undefined {
  for (let node: Element | undefined = el; node; node = (node.getRootNode() as Partial<ShadowRoot>).host) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang != null) return lang;
  }
  return undefined;
}

/** The first of `tags` (language tags in order of preference) that names a locale of ours; `en` when none does. */
export function firstLocale(tags: readonly (string | null | undefined)[]): Locale {
  return tags.map(toLocale).find(Boolean) ?? 'en';
}

export function resolveLocale(explicit: string | null | undefined, el?: Element): Locale {
  return firstLocale([explicit, el && nearestLang(el), ...(globalThis.navigator?.languages ?? [])]);
}
