// The outbox's flush loop, one per page: callers ask for a run (saying what it must do first) and join the one going on;
// each run holds the flush lock (lock.ts) for one pass; items a user has just enqueued or retried are owed one attempt
// now. outbox.ts supplies the pass that sends (#sendDueItems) and keeps user edits for a gap between two sends.
import type { LockResult } from './lock.js';
import type { SendResult } from './transport.js';

/** What a caller asks of the next run; several requests fold into one. */
export interface FlushRequest {
  /** Re-read the store first: another tab or an earlier visit may have left items (page load, online, flush()). */
  reread?: boolean;
  /** The network just came back: items that failed on the network are due at once. */
  backOnline?: boolean;
  /** How long the run may wait for another tab's flush lock; 0 skips it when the lock is busy (the timer looks again). */
  lockWaitMs?: number;
}

/** One run of the loop, as the requests made before it started asked for it. */
export type FlushRun = Required<FlushRequest>;

export interface FlushLoopOptions {
  /** Resolves when the store can be read. */
  ready: Promise<void>;
  /** Runs `fn` holding the outbox's flush lock (lock.ts), waiting for it up to `waitMs`. */
  lock<T>(fn: () => Promise<T>, waitMs: number): Promise<LockResult<T>>;
  /** One pass over the items, holding the lock. */
  sendDueItems(run: FlushRun): Promise<void>;
  /** After the last run: arm the timer for the next due item. */
  idle(): void;
}

export class FlushLoop {
  readonly #options: FlushLoopOptions;
  /** The loop while it runs; everyone who asks for a run meanwhile joins it. */
  #running?: Promise<void>;
  // What the loop has been asked to do and has not started yet.
  #runRequested = false;
  #rereadRequested = false;
  #backOnline = false;
  #lockWaitMs = 0;
  /** Items owed one attempt now, even while their endpoint waits; an id leaves when attempted (or its caller stops waiting). */
  readonly #owedAttempt = new Set<string>();
  /** The result of an owed attempt, kept for the caller who asked for it. */
  readonly #owedAttemptResult = new Map<string, SendResult>();

  constructor(options: FlushLoopOptions) {
    this.#options = options;
  }

  /** Asks for a run; resolves when the loop has nothing more to do (joining a loop already running). */
  request({ reread = false, backOnline = false, lockWaitMs = 0 }: FlushRequest = {}): Promise<void> {
    this.#runRequested = true;
    this.#rereadRequested ||= reread;
    this.#backOnline ||= backOnline;
    this.#lockWaitMs = Math.max(this.#lockWaitMs, lockWaitMs);
    return (this.#running ??= this.#loop());
  }

  /**
   * One attempt at `id` as soon as the lock allows (whoever attempts it first in this page uses it up). Resolves with
   * that attempt's result, or undefined when it did not run (within `giveUpAfterMs`).
   */
  async attemptNow(id: string, lockWaitMs: number, giveUpAfterMs?: number): Promise<SendResult | undefined> {
    this.#owedAttempt.add(id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const ran = this.request({ lockWaitMs });
      if (giveUpAfterMs === undefined) await ran;
      else await Promise.race([ran, new Promise<void>((resolve) => (timer = setTimeout(resolve, giveUpAfterMs)))]);
      return this.#owedAttemptResult.get(id);
    } finally {
      clearTimeout(timer);
      this.#owedAttempt.delete(id);
      this.#owedAttemptResult.delete(id);
    }
  }

  /** Whether `id` is owed an attempt now (it may go even while its endpoint waits). */
  isOwed(id: string): boolean {
    return this.#owedAttempt.has(id);
  }

  /** An attempt at `id` was made: an owed attempt is used up, and its caller gets the result. */
  attempted(id: string, result: SendResult): void {
    if (this.#owedAttempt.delete(id)) this.#owedAttemptResult.set(id, result);
  }

  /** Runs while runs are requested: each takes the requests made so far, then makes one pass holding the lock. */
  async #loop(): Promise<void> {
    try {
      await this.#options.ready;
      while (this.#runRequested) {
        const run: FlushRun = { reread: this.#rereadRequested, backOnline: this.#backOnline, lockWaitMs: this.#lockWaitMs };
        this.#runRequested = this.#rereadRequested = this.#backOnline = false;
        this.#lockWaitMs = 0;
        // Busy means another tab is flushing; the timer (idle) looks again.
        await this.#options.lock(() => this.#options.sendDueItems(run), run.lockWaitMs).catch(() => undefined);
      }
      this.#options.idle();
    } finally {
      this.#running = undefined;
    }
  }

}
