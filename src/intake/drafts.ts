// Draft autosave for <koe-intake>: the store's code arrives after the first render; what was typed before that is saved once it is here.
import type { DraftStore } from '../core/drafts.js';
import type { IntakeFormValue } from './payload.js';
import { lazy } from '../core/lazy.js';

// Drafts restore after the first render anyway (IndexedDB is asynchronous): their code comes with them.
const code = lazy(() => import('../core/drafts.js'));

export class IntakeDrafts {
  /** The key asked for last; the store is opened under it once the code is here. */
  #latest = '';
  #store?: DraftStore<IntakeFormValue>;

  /** `onError`: a debounced save failed (e.g. quota); the form says so. */
  constructor(private readonly onError: () => void) {}

  prefetch(): void {
    void code.load().catch(() => undefined);
  }

  /**
   * Opens the drafts under `key` (once per key). `typed` returns the form if the user has typed, else false.
   * Resolves with the saved draft when it should be restored: asked for, found, and nothing typed meanwhile.
   */
  async open(key: string, typed: () => IntakeFormValue | false, restore: boolean): Promise<{ value: IntakeFormValue; savedAt: number } | undefined> {
    this.#latest = key;
    const module = await code.load().catch(() => undefined);
    // Offline before the code came (a later update tries again), another key asked for meanwhile, or already open.
    if (!module || this.#latest !== key || this.#store?.key === key) return;
    const store = (this.#store = new module.DraftStore<IntakeFormValue>(key));
    store.onError = this.onError;
    // Typed while the code was on its way: that is the draft now.
    const form = typed();
    if (form) store.save(form);
    // load() and clear() never reject (a draft that cannot be read or deleted is only offered again); flush() may.
    const saved = restore ? await store.load() : undefined;
    return saved && this.#store === store && !typed() ? saved : undefined;
  }

  save(form: IntakeFormValue): void {
    this.#store?.save(form);
  }

  /** Writes the pending draft now rather than after the debounce. */
  flush(): void {
    this.#store?.flush().catch(() => undefined);
  }

  clear(): Promise<void> | undefined {
    return this.#store?.clear();
  }
}
