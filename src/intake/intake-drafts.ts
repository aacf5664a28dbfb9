// Draft autosave for <koe-intake>: the store's code (core/draft-store.ts) arrives after the first paint (the element opens
// the drafts then); what was typed before that is saved once it is here.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { contextKey, type KoeContext } from '../core/config.js';
import type { DraftStore } from '../core/draft-store.js';
import { lazy } from '../core/lazy.js';
import type { IntakeFormValue, IntakePrefill } from './payload.js';

// Drafts restore after the first render anyway (IndexedDB is asynchronous): their code comes with them.
const draftStoreModule = lazy(() => import('../core/draft-store.js'));

/** The draft's key: one per endpoint, company and deal; a selection from <koe-snippet> has its own. */
export function intakeDraftKey(endpointUrl: string, context: KoeContext, fromSelection: boolean): string {
  return `koe-intake|${contextKey(endpointUrl, context)}${fromSelection ? '|selection' : ''}`;
}

/** The drafts of one <koe-intake>: opened by the element after its first paint; writes a pending draft at once on disconnect. */
export class IntakeDrafts implements ReactiveController {
  /** The key asked for last; the store is opened under it once the code is here. */
  #latestKey = '';
  #store?: DraftStore<IntakeFormValue>;
  readonly #onError: () => void;

  /** `onError`: a debounced save failed (e.g. quota); the form says so. */
  constructor(host: ReactiveControllerHost, onError: () => void) {
    this.#onError = onError;
    host.addController(this);
  }

  /** Keep what was typed: write the pending draft now rather than after the debounce. */
  hostDisconnected(): void {
    this.#store?.flush().catch(() => undefined);
  }

  /**
   * Opens the drafts of this endpoint, context and prefill (once per key). `typed` returns the form if the user has typed,
   * else false. Resolves with the saved draft when it should be restored: found, nothing typed meanwhile, and no text
   * prefilled (a selection from <koe-snippet> is fresh material an older draft must not overwrite).
   */
  async open(endpointUrl: string, context: KoeContext, prefill: IntakePrefill | undefined, typed: () => IntakeFormValue | false): Promise<{ value: IntakeFormValue; savedAt: number } | undefined> {
    const key = intakeDraftKey(endpointUrl, context, prefill?.fromSelection === true);
    const restore = !prefill?.text;
    this.#latestKey = key;
    const module = await draftStoreModule.load().catch(() => undefined);
    // Offline before the code came (a later update tries again), another key asked for meanwhile, or already open.
    if (!module || this.#latestKey !== key || this.#store?.key === key) return;
    const store = (this.#store = new module.DraftStore<IntakeFormValue>(key));
    store.onError = this.#onError;
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

  /** Forgets the draft (after a successful queueing or sending). */
  clear(): Promise<void> | undefined {
    return this.#store?.clear();
  }
}
