// One locale's strings ship with the element; the other is fetched the first time a page asks for it.
import type { Locale } from './locale.js';

/** What a pack holds for one locale: `lang` is the locale the strings are really in. */
export interface Strings {
  lang: Locale;
}

export class LocalePack<T extends Strings> {
  private readonly ready: Partial<Record<Locale, T>>;
  private readonly loading: Partial<Record<Locale, Promise<T>>> = {};
  private readonly fallback: T;

  constructor(
    eager: T,
    private readonly loaders: Partial<Record<Locale, () => Promise<T>>>,
  ) {
    this.ready = { [eager.lang]: eager };
    this.fallback = eager;
  }

  /** The strings for `locale` if they are already here. */
  get(locale: Locale): T | undefined {
    return this.ready[locale];
  }

  /** Fetches `locale` (once); if its chunk cannot be fetched (offline), resolves to the bundled locale and tries again next time. */
  load(locale: Locale): Promise<T> {
    const have = this.ready[locale];
    if (have) return Promise.resolve(have);
    const loader = this.loaders[locale];
    if (!loader) return Promise.resolve(this.fallback);
    return (this.loading[locale] ??= loader().then(
      (strings) => (this.ready[locale] = strings),
      () => {
        delete this.loading[locale];
        return this.fallback;
      },
    ));
  }
}
