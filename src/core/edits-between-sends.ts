// User edits (retry, update, discard) made while this page's flush holds the flush lock: they wait here and run
// between two sends, so an edit never races the send of the item it changes and never waits for the whole flush.

export class EditsBetweenSends {
  /** Set while a flush of this page holds the lock: the edits waiting for the next gap between two sends. */
  #waiting?: Array<() => Promise<void>>;

  /** Queues `edit` for the next gap when a flush of ours holds the lock; `undefined` when none does. */
  queue<T>(edit: () => Promise<T>): Promise<T> | undefined {
    const waiting = this.#waiting;
    if (!waiting) return undefined;
    return new Promise<T>((resolve, reject) => waiting.push(() => edit().then(resolve, reject)));
  }

  /** Runs `flush` (which holds the lock) with edits queued meanwhile; it calls `applyWaiting` between two sends. */
  async during(flush: (applyWaiting: () => Promise<void>) => Promise<void>): Promise<void> {
    const waiting: Array<() => Promise<void>> = (this.#waiting = []);
    const applyWaiting = async (): Promise<void> => {
      while (waiting.length) await waiting.shift()!();
    };
    try {
      await flush(applyWaiting);
    } finally {
      await applyWaiting();
      this.#waiting = undefined;
    }
  }
}
