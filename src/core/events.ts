// Typed koe-* DOM events. Every one bubbles and is composed, so hosts can listen on document.
import type { SubmissionType } from './schemas.js';

export interface KoeSubmitDetail<T = unknown> {
  id: string;
  type: SubmissionType;
  payload: T;
}
export interface KoeDeliveryDetail {
  id: string;
  type: SubmissionType;
}
export interface KoeSentDetail extends KoeDeliveryDetail {
  status: number;
  /** The receiver's answer (parsed JSON), e.g. for consent the signed receipt and the withdrawal token. */
  body?: unknown;
}
export interface KoeQueuedDetail extends KoeDeliveryDetail {
  /** false when IndexedDB is unavailable and the item lives only in this page's memory. */
  persistent: boolean;
}
export interface KoeFailedDetail extends KoeDeliveryDetail {
  retrying: boolean;
  status?: number;
  message: string;
  /** When the next attempt is due (epoch ms), if retrying. */
  nextAttemptAt?: number;
}
export interface KoeNeedsAttentionDetail extends KoeDeliveryDetail {
  status?: number;
  message: string;
  /** The receiver's code for the refusal (its answer's `error`), e.g. `consent-already-answered`. */
  code?: string;
  fields?: Array<{ path: string; message: string }>;
}
export interface KoeAuthRequiredDetail extends KoeDeliveryDetail {
  status: 401 | 403;
}
export interface KoeDraftRestoredDetail {
  savedAt: number;
}
export interface KoeConfigErrorDetail {
  /** The attribute or property at fault, e.g. "endpoint". */
  field: string;
  reason: string;
  message: string;
}

export interface KoeEventDetails {
  'koe-submit': KoeSubmitDetail;
  'koe-queued': KoeQueuedDetail;
  'koe-sent': KoeSentDetail;
  'koe-failed': KoeFailedDetail;
  'koe-needs-attention': KoeNeedsAttentionDetail;
  'koe-auth-required': KoeAuthRequiredDetail;
  'koe-draft-restored': KoeDraftRestoredDetail;
  'koe-config-error': KoeConfigErrorDetail;
}
export type KoeEventName = keyof KoeEventDetails;

/** A koe-* event: bubbles, composed; `koe-submit` is also cancelable. */
export class KoeEvent<K extends KoeEventName = KoeEventName> extends CustomEvent<KoeEventDetails[K]> {
  constructor(type: K, detail: KoeEventDetails[K]) {
    super(type, { bubbles: true, composed: true, cancelable: type === 'koe-submit', detail });
  }
}

/** Dispatches a koe-* event on `target`; returns false when a listener cancelled it. */
export function emit<K extends KoeEventName>(target: EventTarget, type: K, detail: KoeEventDetails[K]): boolean {
  return target.dispatchEvent(new KoeEvent(type, detail));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'koe-submit': KoeEvent<'koe-submit'>;
    'koe-queued': KoeEvent<'koe-queued'>;
    'koe-sent': KoeEvent<'koe-sent'>;
    'koe-failed': KoeEvent<'koe-failed'>;
    'koe-needs-attention': KoeEvent<'koe-needs-attention'>;
    'koe-auth-required': KoeEvent<'koe-auth-required'>;
    'koe-draft-restored': KoeEvent<'koe-draft-restored'>;
    'koe-config-error': KoeEvent<'koe-config-error'>;
  }
}
