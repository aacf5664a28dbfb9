// Outbox test scaffolding: a fresh outbox DB per test, the enqueue input, a fake clock (the outbox's `now`), event capture.
import { Outbox, type EnqueueInput, type Format, type OutboxOptions } from '../../src/core/outbox.js';
import type { IntakeSubmission } from '../../src/core/schemas.js';
import { validIntake } from '../fixtures/submissions.js';
import { clearDb } from './helpers.js';
import { afterEach, beforeEach } from './mocha.js';
import { receiver } from './receiver.js';

export const NAME = 'test';
export const DB = `koe-outbox-${NAME}`;
export const ENDPOINT = '/api/intake';
export const ENDPOINT_URL = new URL(ENDPOINT, location.href).href;

/** What enqueue() takes for one submission: a fresh valid intake by default, to the test endpoint, as JSON. */
export function enqueueInput(payload: IntakeSubmission = validIntake(), format: Format = 'json'): EnqueueInput {
  return { id: payload.id, type: 'koe.intake.v1', endpoint: ENDPOINT, format, payload };
}

export class Clock {
  constructor(public t = Date.now()) {}
  now = () => this.t;
  advance(ms: number) {
    this.t += ms;
  }
}

const made: Outbox[] = [];

export function makeOutbox(options: OutboxOptions = {}): Outbox {
  const outbox = new Outbox({ name: NAME, timeoutMs: 5000, random: () => 0.5, ...options });
  made.push(outbox);
  return outbox;
}

export async function disposeAll(): Promise<void> {
  for (const o of made.splice(0)) o.dispose();
  await clearDb(DB);
}

/** Every event of `type` the outbox fires, in order. */
export function capture<T = Record<string, unknown>>(outbox: EventTarget, type: string): T[] {
  const seen: T[] = [];
  outbox.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

/** Each test starts with no outbox, an empty outbox DB, a reset receiver and no fault plan. */
export function freshOutboxEachTest(): void {
  beforeEach(async () => {
    await disposeAll();
    await receiver.reset();
  });
  afterEach(async () => {
    await receiver.faults(null);
    await disposeAll();
  });
}
