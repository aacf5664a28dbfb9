// In-process fault injection for tests (never reachable over HTTP): errors, slowness, dropped connections.

export type FaultPlan =
  | { kind: 'status'; status: number; times?: number; retryAfter?: string; message?: string; path?: string }
  | { kind: 'slow'; ms: number; times?: number; path?: string }
  | { kind: 'drop-after-commit'; times?: number; path?: string }
  | { kind: 'drop'; times?: number; path?: string }
  /** Holds the request after it claimed its Idempotency-Key, until `releaseHeld()`: a barrier for in-flight tests. */
  | { kind: 'hold'; times?: number; path?: string }
  | {
      kind: 'random';
      seed: number;
      /** Probability per outcome: an HTTP status ('503', '429', …), 'drop', 'drop-after-commit' or 'slow'. */
      rates: Record<string, number>;
      /** Epoch ms or ISO date after which the plan switches itself off. */
      until?: number | string;
      times?: number;
      slowMs?: number;
      retryAfter?: string;
      path?: string;
    };

/** What the request pipeline should do for one request. */
export type FaultAction =
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  | { kind: 'slow'; ms: number }
  | { kind: 'drop-after-commit' }
  | { kind: 'drop' }
  | { kind: 'hold' };

export interface Hit {
  at: number;
  method: string;
  path: string;
  idempotencyKey?: string;
  /** Final status; 0 when the connection was dropped without an answer. */
  status: number;
  fault?: FaultAction['kind'];
}

/** Paths faults apply to unless a plan names one: the submission endpoints. */
const DEFAULT_PATHS = ['/api/intake', '/api/consent'];

export class FaultController {
  readonly #now: () => Date;
  #plan: FaultPlan | undefined;
  #remaining = Infinity;
  #random: () => number = Math.random;
  #seen: Hit[] = [];
  #gate = deferred();
  #heldCount = 0;
  #heldWaiters: Array<() => void> = [];

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** Waits at a 'hold' fault until `releaseHeld()` (or `clear()`). */
  async hold(): Promise<void> {
    this.#heldCount += 1;
    for (const wake of this.#heldWaiters.splice(0)) wake();
    try {
      await this.#gate.promise;
    } finally {
      this.#heldCount -= 1;
    }
  }

  /** Resolves once a request is waiting at a 'hold' fault. */
  whenHeld(): Promise<void> {
    if (this.#heldCount > 0) return Promise.resolve();
    return new Promise((resolve) => this.#heldWaiters.push(resolve));
  }

  /** Lets every held request go on. */
  releaseHeld(): void {
    this.#gate.resolve();
    this.#gate = deferred();
  }

  /** Switches a plan on (replacing any other). `times` counts requests it affects; omitted = until cleared. */
  set(plan: FaultPlan | null | undefined): void {
    if (!plan) return this.clear();
    this.#plan = plan;
    this.#remaining = plan.times ?? Infinity;
    this.#random = plan.kind === 'random' ? mulberry32(plan.seed) : Math.random;
  }

  clear(): void {
    this.#plan = undefined;
    this.#remaining = Infinity;
    this.releaseHeld();
  }

  /** The active plan, if any. */
  current(): FaultPlan | undefined {
    return this.#plan;
  }

  /** Every request seen since the last reset, oldest first. */
  hits(): Hit[] {
    return this.#seen.map((h) => ({ ...h }));
  }

  resetHits(): void {
    this.#seen = [];
  }

  /** Records a request; the returned object is updated with the final status. */
  record(hit: Omit<Hit, 'status'>): Hit {
    const entry: Hit = { ...hit, status: 0 };
    this.#seen.push(entry);
    return entry;
  }

  /** Decides the fault (if any) for a POST to `path`, consuming one of the plan's `times`. */
  next(method: string, path: string): FaultAction | undefined {
    const plan = this.#plan;
    if (!plan || method !== 'POST') return undefined;
    if (plan.path ? plan.path !== path : !DEFAULT_PATHS.includes(path)) return undefined;
    if (plan.kind === 'random' && plan.until !== undefined && this.#now().getTime() >= new Date(plan.until).getTime()) {
      this.clear();
      return undefined;
    }
    if (this.#remaining <= 0) {
      this.clear();
      return undefined;
    }
    const action = this.#pick(plan);
    if (action) this.#remaining -= 1;
    if (this.#remaining <= 0) this.clear();
    return action;
  }

  #pick(plan: FaultPlan): FaultAction | undefined {
    switch (plan.kind) {
      case 'status':
        return { kind: 'status', status: plan.status, retryAfter: plan.retryAfter, message: plan.message };
      case 'slow':
        return { kind: 'slow', ms: plan.ms };
      case 'drop':
      case 'drop-after-commit':
      case 'hold':
        return { kind: plan.kind };
      case 'random': {
        let roll = this.#random();
        for (const [outcome, rate] of Object.entries(plan.rates)) {
          if (roll < rate) return randomAction(outcome, plan);
          roll -= rate;
        }
        return undefined;
      }
    }
  }
}

function randomAction(outcome: string, plan: Extract<FaultPlan, { kind: 'random' }>): FaultAction {
  if (outcome === 'drop' || outcome === 'drop-after-commit') return { kind: outcome };
  if (outcome === 'slow') return { kind: 'slow', ms: plan.slowMs ?? 1000 };
  const status = Number(outcome);
  return { kind: 'status', status, retryAfter: status === 429 || status === 503 ? plan.retryAfter : undefined };
}

/** Small seeded PRNG so a soak test's fault sequence is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plain-English messages for injected statuses. */
export function faultMessage(status: number): { error: string; message: string } {
  const known: Record<number, [string, string]> = {
    400: ['bad-request', 'The receiver rejected this request (injected fault).'],
    401: ['unauthorized', 'Sign-in is required to send this (injected fault).'],
    403: ['forbidden', 'You are not allowed to send this (injected fault).'],
    408: ['timeout', 'The receiver timed out waiting for the request (injected fault).'],
    425: ['too-early', 'The receiver is not ready to process this yet (injected fault).'],
    429: ['rate-limited', 'Too many requests; please retry later (injected fault).'],
    500: ['internal', 'The receiver hit an internal error (injected fault).'],
    502: ['bad-gateway', 'The receiver could not reach its upstream (injected fault).'],
    503: ['unavailable', 'The receiver is temporarily unavailable (injected fault).'],
    504: ['gateway-timeout', 'The receiver upstream timed out (injected fault).'],
  };
  const [error, message] = known[status] ?? ['fault', `Injected fault: status ${status}.`];
  return { error, message };
}

/** A promise and the function that resolves it (Promise.withResolvers, which Node 20 lacks). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
