// One locale's strings ship with the element; the other is fetched the first time a page asks for it.
import { lazy, type Lazy } from '../shared/lazy.js';
import type { Locale } from './locale.js';

/** What a pack holds for one locale: `lang` is the locale the strings are really in. */
export interface Strings {
  lang: Locale;
}

export class LocalePack<T extends Strings> {
  readonly #bundled: T;
  readonly #fetched: Partial<Record<Locale, Lazy<T>>> = {};

  constructor(bundled: T, loaders: Partial<Record<Locale, () => Promise<T>>>) {
    this.#bundled = bundled;
    for (const [locale, loader] of Object.entries(loaders)) this.#fetched[locale as Locale] = lazy(loader);
  }

  /** The strings for `locale` if they are already here. */
  get(locale: Locale): T | undefined {
    return locale === this.#bundled.lang ? this.#bundled : this.#fetched[locale]?.get();
  }

  /** Fetches `locale` (once); if its chunk cannot be fetched (offline), resolves to the bundled locale and tries again next time. */
  async load(locale: Locale): Promise<T> {
    return this.get(locale) ?? (await this.#fetched[locale]?.load().catch(() => undefined)) ?? this.#bundled;
  }
}
