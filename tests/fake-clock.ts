// A fake clock for code that waits with setTimeout/setInterval and reads Date.now (the draft debounce, the lock lease):
// time moves only when a test says so, so "after 10 s" is exact and instant. Install it around the code under test only.

interface Timer {
  at: number;
  run: () => void;
  /** Repeats every this many ms (setInterval). */
  every?: number;
}

const real = { setTimeout, clearTimeout, setInterval, clearInterval, now: Date.now };
/** A real zero-delay task (the page's own setTimeout, whatever is installed). */
const nextTask = () => new Promise((resolve) => real.setTimeout.call(globalThis, resolve, 0));

export class FakeClock {
  #now: number;
  #timers = new Map<number, Timer>();
  #nextId = 1;
  #watchdog?: ReturnType<typeof setTimeout>;

  constructor(start = real.now.call(Date)) {
    this.#now = start;
  }

  /** Replaces the page's timers and Date.now until uninstall(). */
  install(): this {
    const g = globalThis as unknown as Record<string, unknown>;
    g.setTimeout = (run: () => void, ms = 0) => this.#add({ at: this.#now + Math.max(0, ms), run });
    g.setInterval = (run: () => void, ms = 0) => this.#add({ at: this.#now + Math.max(1, ms), run, every: Math.max(1, ms) });
    g.clearTimeout = g.clearInterval = (id?: number) => void this.#timers.delete(id as number);
    Date.now = () => this.#now;
    // A test that waits on a timer it never ticks would hang, and every later test with it (they would get the fake
    // timers too): after 10 s of real time the page gets its own timers back, and that test fails on its own timeout.
    this.#watchdog = real.setTimeout.call(globalThis, () => this.uninstall(), 10_000);
    return this;
  }

  uninstall(): void {
    real.clearTimeout.call(globalThis, this.#watchdog);
    Object.assign(globalThis, { setTimeout: real.setTimeout, clearTimeout: real.clearTimeout, setInterval: real.setInterval, clearInterval: real.clearInterval });
    Date.now = real.now;
  }

  /** Timers still waiting. */
  get pending(): number {
    return this.#timers.size;
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due, in order. After each one the promise jobs it started
   * run (a real zero-delay task), so a timer's async follow-up happens before the next timer, as it would in real time.
   */
  async tick(ms: number): Promise<void> {
    const end = this.#now + ms;
    for (let next = this.#due(end); next; next = this.#due(end)) {
      const [id, timer] = next;
      this.#now = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.#timers.delete(id);
      timer.run();
      await nextTask();
    }
    this.#now = end;
  }

  #add(timer: Timer): number {
    const id = this.#nextId++;
    this.#timers.set(id, timer);
    return id;
  }

  /** The earliest timer due by `end`. */
  #due(end: number): [number, Timer] | undefined {
    let earliest: [number, Timer] | undefined;
    for (const entry of this.#timers) {
      if (entry[1].at <= end && (!earliest || entry[1].at < earliest[1].at)) earliest = entry;
    }
    return earliest;
  }
}
