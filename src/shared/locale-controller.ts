// Gives an element the strings of its current locale, fetching a locale that did not ship with the bundle.
import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/locale.js';
import type { LocalePack, Strings } from '../i18n/pack.js';

export class LocaleController<T extends Strings> {
  /** The strings to render with; undefined only before the first locale has arrived. */
  value?: T;
  /** Settles when the locale asked for last has arrived (the host's updateComplete waits for it). */
  pending?: Promise<void>;
  #asked?: Locale;
  readonly #host: ReactiveControllerHost;
  readonly #pack: LocalePack<T>;

  constructor(host: ReactiveControllerHost, pack: LocalePack<T>) {
    this.#host = host;
    this.#pack = pack;
  }

  /**
   * Call from willUpdate with the resolved locale. While another locale loads, the previous strings stay
   * on screen (no flash, focus kept); before any has arrived, `value` is undefined.
   */
  use(locale: Locale): T | undefined {
    if (locale === this.#asked) return this.value;
    this.#asked = locale;
    const ready = this.#pack.get(locale);
    if (ready) {
      this.pending = undefined;
      return (this.value = ready);
    }
    const pending: Promise<void> = this.#pack.load(locale).then((strings) => {
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
