// What one attempt's answer does to an item: pure state transitions, so the outbox only stores and emits.
import type { OutboxItem } from './outbox-store.js';
import type { EnqueueInput, OutboxEventDetails, OutboxEventName } from './outbox-types.js';
import type { SendResult } from './transport.js';

/** An event to fire: its name and detail. */
type OutboxEvent = { [K in OutboxEventName]: [K, OutboxEventDetails[K]] }[OutboxEventName];

export interface AttemptOutcome {
  /** The item to store; undefined = delivered, remove it. */
  next?: OutboxItem;
  /** No attempts to this endpoint before this time (keeps the queue in order); 0 after a delivery: it works again. */
  blockUntil?: number;
  events: OutboxEvent[];
}

/** Named as in OutboxOptions, which is passed here as it is. */
export interface BackoffOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/** Full jitter: random() * min(max, base * 2^attempt), attempt counted from 0. */
export function backoffDelay(attempt: number, { baseDelayMs = 1000, maxDelayMs = 5 * 60_000, random = Math.random }: BackoffOptions = {}): number {
  return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
}

/** Event details and results carry copies, so listeners cannot edit the outbox's items. */
export const clone = <T>(v: T): T => structuredClone(v);

export function afterAttempt(item: OutboxItem, result: SendResult, now: number, backoff: BackoffOptions): AttemptOutcome {
  const attempts = item.attempts + 1;
  if (result.kind === 'sent') return { blockUntil: 0, events: [['sent', { item: { ...item, attempts }, status: result.status, body: result.body }]] };
  const { kind, status, message } = result;
  // A network failure has no status.
  const error = status === undefined ? { message } : { status, message };
  if (kind === 'retry') {
    // Never sooner than the server asked.
    const nextAttemptAt = now + Math.max(backoffDelay(item.attempts, backoff), result.retryAfterMs ?? 0);
    const next: OutboxItem = { ...item, attempts, nextAttemptAt, lastError: error };
    return { next, blockUntil: nextAttemptAt, events: [['failed', { item: clone(next), retrying: true, ...error, nextAttemptAt }]] };
  }
  const fields = kind === 'rejected' && result.fields ? { fields: result.fields } : {};
  const next: OutboxItem = { ...item, attempts, state: 'needs-attention', lastError: { ...error, reason: kind, ...fields } };
  const copy = clone(next);
  return {
    next,
    events: [
      ['failed', { item: copy, retrying: false, ...error }],
      kind === 'auth' ? ['auth-required', { item: copy, status }] : ['needs-attention', { item: copy, ...error, ...fields }],
    ],
  };
}

/**
 * What a flush run's fresh read changes in a waiting item: at the retention limit it moves to needs-attention (never
 * deleted without the user); back online, one that failed on the network is due now (no server asked us to wait).
 * Undefined when nothing changes. The expiry message is for logs and hosts; views word it from `reason: 'expired'`.
 */
export function atReload(item: OutboxItem, now: number, retentionMs: number, online: boolean): OutboxItem | undefined {
  if (item.state !== 'pending') return undefined;
  if (now - (item.keptSince ?? item.createdAt) >= retentionMs) return { ...item, state: 'needs-attention', lastError: { message: 'retention period expired', reason: 'expired' } };
  if (online && item.lastError && item.lastError.status === undefined && item.nextAttemptAt > now) return { ...item, nextAttemptAt: now };
}

/** An endpoint as an absolute URL against the page (as stored and as headers are keyed). */
export function absolute(endpoint: string): string {
  try {
    return new URL(endpoint, globalThis.location?.href).href;
  } catch {
    return endpoint;
  }
}

/** Due again now; an expired item's retention restarts from the user's resend. */
export function revived(item: OutboxItem, now: number): OutboxItem {
  return { ...item, state: 'pending', nextAttemptAt: now, ...(item.lastError?.reason === 'expired' && { keptSince: now }) };
}

/** When the next waiting item is due (respecting per-endpoint blocks), or undefined when none waits. */
export function nextDue(items: Iterable<OutboxItem>, blockedUntil: ReadonlyMap<string, number>): number | undefined {
  let due = Infinity;
  for (const i of items) if (i.state === 'pending') due = Math.min(due, Math.max(i.nextAttemptAt, blockedUntil.get(i.endpoint) ?? 0));
  return due === Infinity ? undefined : due;
}

/** A JSON round trip: what is stored is exactly what will be sent, and always cloneable. */
export const jsonCopy = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

/** A new waiting item, due now; re-enqueueing an id keeps its place in the queue and its age. */
export function newItem(input: EnqueueInput, existing: OutboxItem | undefined, now: number): OutboxItem {
  return {
    id: input.id,
    type: input.type,
    endpoint: input.endpoint,
    format: input.format,
    payload: jsonCopy(input.payload),
    source: globalThis.location?.origin ?? '',
    createdAt: existing?.createdAt ?? now,
    attempts: existing?.attempts ?? 0,
    nextAttemptAt: now,
    state: 'pending',
  };
}
