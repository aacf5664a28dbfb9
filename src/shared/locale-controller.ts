// Gives an element the strings of its current locale: one locale ships with the element, the other is fetched the first time a page asks for it.
import type { Locale } from '../i18n/locale.js';
import type { Lazy } from '../core/lazy.js';
import { LazyModules } from './lazy-modules.js';

/** What a pack holds for one locale: `lang` is the locale the strings are really in. */
export interface Strings {
  lang: Locale;
}

/** The strings that ship with the element, and the other locale's (a module-level `lazy()`, so fetched once per page). */
export type LocalePack<T extends Strings> = readonly [bundled: T, fetched: Lazy<T>];

export class LocaleController<T extends Strings> extends LazyModules {
  /** The strings to render with; undefined only before the first locale has arrived. */
  value?: T;
  #asked?: Locale;
  readonly #pack: LocalePack<T>;

  constructor(host: { requestUpdate(): void }, pack: LocalePack<T>) {
    super(host);
    this.#pack = pack;
  }

  /**
   * Call from willUpdate with the resolved locale. While another locale loads, the previous strings stay
   * on screen (no flash, focus kept); before any has arrived, `value` is undefined. `pending` settles when it is in.
   */
  use(locale: Locale): T | undefined {
    const [bundled, fetched] = this.#pack;
    const ready = locale === bundled.lang ? bundled : fetched.get();
    if (ready) this.value = ready;
    // Fetched once per switch to this locale; offline, the bundled strings stay, and the next switch tries again.
    else if (locale !== this.#asked) this.wait(fetched.load().catch(() => (this.value ??= bundled)));
    this.#asked = locale;
    return this.value;
  }
}

/** For getUpdateComplete overrides: the update, then each pending load and the update it brings, until none is left. */
export async function settled(update: () => Promise<boolean>, pending: () => Promise<unknown> | undefined): Promise<boolean> {
  let done = await update();
  for (let p = pending(); p; p = pending()) {
    await p;
    done = await update();
  }
  return done;
}
