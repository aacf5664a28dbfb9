// What happens to an item, as pure functions: a new item, the answer to one attempt, expiry, the network's return,
// the user's retry. The outbox (outbox.ts) only stores the result and fires the events.
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { copyOf, jsonCopy } from './copies.js';
import type { OutboxItem } from './outbox-store.js';
import { EXPIRY_WARNING_MS, type EnqueueInput, type OutboxEventDetails, type OutboxEventName } from './outbox-types.js';
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

/**
 * What one attempt's answer does to the item: delivered (remove it), retry later (backoff, never sooner than
 * Retry-After; the endpoint waits too), or kept for the user (refused, or authentication needed).
 * Event details carry copies, so listeners cannot edit the outbox's items.
 */
export function afterAttempt(item: OutboxItem, result: SendResult, now: number, backoff: BackoffOptions): AttemptOutcome {
  const attempts = item.attempts + 1;
  if (result.kind === 'sent') return { blockUntil: 0, events: [['sent', { item: { ...item, attempts }, status: result.status, body: result.body }]] };
  const { kind, status, message } = result;
  // A network failure has no status.
  const error = status === undefined ? { message } : { status, message };
  if (kind === 'retry') {
    const nextAttemptAt = now + Math.max(backoffDelay(item.attempts, backoff), result.retryAfterMs ?? 0);
    const next: OutboxItem = { ...item, attempts, nextAttemptAt, lastError: error };
    return { next, blockUntil: nextAttemptAt, events: [['failed', { item: copyOf(next), retrying: true, ...error, nextAttemptAt }]] };
  }
  const fields = kind === 'rejected' ? { ...(result.code ? { code: result.code } : {}), ...(result.fields ? { fields: result.fields } : {}) } : {};
  const next: OutboxItem = { ...item, attempts, state: 'needs-attention', lastError: { ...error, reason: kind, ...fields } };
  const copy = copyOf(next);
  const keptFor: OutboxEvent = kind === 'auth' ? ['auth-required', { item: copy, status }] : ['needs-attention', { item: copy, ...error, ...fields }];
  return { next, events: [['failed', { item: copy, retrying: false, ...error }], keptFor] };
}

/**
 * A waiting item at the retention limit moves to needs-attention: it is never deleted without the user. Undefined when
 * it has time left. The message is for logs and hosts; views word it themselves from `reason: 'expired'`.
 */
export function expiredAtRetention(item: OutboxItem, now: number, retentionMs: number): OutboxItem | undefined {
  if (item.state !== 'pending' || now - (item.keptSince ?? item.createdAt) < retentionMs) return undefined;
  return { ...item, state: 'needs-attention', lastError: { message: 'retention period expired', reason: 'expired' } };
}

/**
 * Back online: a waiting item whose last attempt failed on the network (no status) is due now, since no server asked
 * us to wait. Undefined when nothing changes (a server's Retry-After still holds).
 */
export function dueWhenBackOnline(item: OutboxItem, now: number): OutboxItem | undefined {
  const failedOnNetwork = item.lastError !== undefined && item.lastError.status === undefined;
  if (item.state !== 'pending' || !failedOnNetwork || item.nextAttemptAt <= now) return undefined;
  return { ...item, nextAttemptAt: now };
}

/** The user asked to send it again (retry, edit-and-resend, new headers): due now; an expired item's retention restarts. */
export function retriedByUser(item: OutboxItem, now: number): OutboxItem {
  const restartRetention = item.lastError?.reason === 'expired' ? { keptSince: now } : {};
  return { ...item, state: 'pending', nextAttemptAt: now, ...restartRetention };
}

/** A waiting item within EXPIRY_WARNING_MS of the retention limit (the elements warn about it). */
export function nearRetentionLimit(item: OutboxItem, now: number, retentionMs: number): boolean {
  return item.state === 'pending' && now - (item.keptSince ?? item.createdAt) >= retentionMs - EXPIRY_WARNING_MS;
}

/** When the next waiting item is due (respecting per-endpoint blocks), or undefined when none waits. */
export function nextDue(items: Iterable<OutboxItem>, blockedUntil: ReadonlyMap<string, number>): number | undefined {
  let due = Infinity;
  for (const item of items) {
    if (item.state === 'pending') due = Math.min(due, Math.max(item.nextAttemptAt, blockedUntil.get(item.endpoint) ?? 0));
  }
  return due === Infinity ? undefined : due;
}

/** Never re-arm the timer sooner than this, so a zero delay cannot spin. */
const MIN_TIMER_MS = 1000;
const MAX_TIMER_MS = 5 * 60_000;

/** How long the flush timer waits for something due at `due`: at least a second, at most five minutes. */
export function timerDelay(due: number, now: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, due - now));
}
