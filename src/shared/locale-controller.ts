// Gives an element the strings of its current locale: one locale ships with the element, the other is fetched the first time a page asks for it.
import type { Locale } from '../i18n/locale.js';
import type { Lazy } from './lazy.js';

/** What a pack holds for one locale: `lang` is the locale the strings are really in. */
export interface Strings {
  lang: Locale;
}

/** The strings that ship with the element, and the other locale's (a module-level `lazy()`, so fetched once per page). */
export type LocalePack<T extends Strings> = readonly [bundled: T, fetched: Lazy<T>];

export class LocaleController<T extends Strings> {
  /** The strings to render with; undefined only before the first locale has arrived. */
  value?: T;
  /** Settles when the locale asked for last has arrived (the host's updateComplete waits for it). */
  pending?: Promise<void>;
  #asked?: Locale;
  readonly #host: { requestUpdate(): void };
  readonly #bundled: T;
  readonly #fetched: Lazy<T>;

  constructor(host: { requestUpdate(): void }, [bundled, fetched]: LocalePack<T>) {
    this.#host = host;
    this.#bundled = bundled;
    this.#fetched = fetched;
  }

  /**
   * Call from willUpdate with the resolved locale. While another locale loads, the previous strings stay
   * on screen (no flash, focus kept); before any has arrived, `value` is undefined.
   */
  use(locale: Locale): T | undefined {
    if (locale === this.#asked) return this.value;
    this.#asked = locale;
    const ready = locale === this.#bundled.lang ? this.#bundled : this.#fetched.get();
    if (ready) {
      this.pending = undefined;
      return (this.value = ready);
    }
    // Offline: the bundled strings for now; asking for this locale again tries the fetch again.
    const pending: Promise<void> = this.#fetched
      .load()
      .catch(() => this.#bundled)
      .then((strings) => {
        if (this.pending !== pending) return;
        this.value = strings;
        this.pending = undefined;
        this.#host.requestUpdate();
      });
    this.pending = pending;
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
