// Outbox types and event payloads, shared by the outbox, its policy and the Lit controller.
import type { FlushLockOptions } from './lock.js';
import type { OpenKvFn, OutboxItem, StorageWarningReason } from './outbox-store.js';
import type { SubmissionType } from './schemas.js';
import type { Format, send } from './transport.js';

export type EnqueueResult = { status: 'sent' | 'queued' | 'needs-attention'; persistent: boolean; item: OutboxItem };
export interface EnqueueInput {
  id: string;
  type: SubmissionType;
  endpoint: string;
  format: Format;
  payload: unknown;
}

/** `detail` of each outbox event (all are CustomEvents). */
export interface OutboxEventDetails {
  change: { counts: OutboxCounts };
  queued: { item: OutboxItem; persistent: boolean };
  sent: { item: OutboxItem; status: number; body?: unknown };
  failed: { item: OutboxItem; retrying: boolean; status?: number; message: string; nextAttemptAt?: number };
  'needs-attention': { item: OutboxItem; status?: number; message: string; code?: string; fields?: Array<{ path: string; message: string }> };
  'auth-required': { item: OutboxItem; status: 401 | 403 };
  'storage-warning': { reason: StorageWarningReason };
}
export type OutboxEventName = keyof OutboxEventDetails;
export interface OutboxCounts {
  waiting: number;
  attention: number;
}

export interface OutboxOptions {
  name?: string;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  retentionMs?: number;
  openTimeoutMs?: number;
  /** For tests: how storage is opened (e.g. a failing IndexedDB). */
  openKv?: OpenKvFn;
  /** For tests: how the HTTP attempt code is fetched (e.g. a chunk that cannot be). */
  loadTransport?: () => Promise<{ send: typeof send }>;
  /** For tests: lock strategy overrides. */
  lock?: Omit<FlushLockOptions, 'waitMs'>;
}

export const DAY = 86_400_000;
/** Waiting items this close to the retention limit are `expiringItems()` (the element warns about them). */
export const EXPIRY_WARNING_MS = 2 * DAY;
