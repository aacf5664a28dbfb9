// Sending a consent record and keeping what the receiver said about it (a reactive controller over the outbox's):
// the answer to a delivery (the signed receipt, the seal, a grant's withdrawal token) or the refusal (the rule it
// names). A refused record stays in the outbox until the signer discards it, or sends a corrected answer instead.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EnqueueResult } from '../core/outbox.js';
import type { ConsentRecord } from '../core/schemas.js';
import type { OutboxController } from '../shared/outbox-controller.js';

/** What the receiver answered for a stored consent record (src/server/api/consent.ts), as far as it could be read. */
export interface ReceiverAnswer {
  id?: string;
  receivedAt?: string;
  /** The Kantara Consent Receipt signed as a compact JWS (EdDSA). */
  receipt?: string;
  seal?: { keyId: string; signature: string; keys: string };
  /** A grant's withdrawal token: the receipt's withdrawal link carries it. */
  withdrawalToken?: string;
  /** A withdrawal: the uses still allowed after it. */
  remainingScopes?: string[];
  /** A withdrawal of what was withdrawn already: the answer is the earlier withdrawal's. */
  alreadyWithdrawn?: boolean;
}

/** A record the receiver refused: the rule it named (`code`), its own message, and whether the signer has fixed the field. */
export interface Refusal {
  id: string;
  status?: number;
  code?: string;
  message: string;
  /** The signer changed the field this refusal speaks of: its message is no longer shown. */
  fixed?: boolean;
}

const text = (v: unknown, max = 4096) => (typeof v === 'string' && v.length <= max ? v : undefined);

/** The answer's members this element uses, each checked: a receiver's body is data, never trusted as is. */
export function readAnswer(body: unknown): ReceiverAnswer {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const seal = (b.seal && typeof b.seal === 'object' ? b.seal : {}) as Record<string, unknown>;
  const remaining = Array.isArray(b.remainingScopes) ? b.remainingScopes.filter((s): s is string => typeof s === 'string') : undefined;
  const sealed = text(seal.keyId) && text(seal.signature) && text(seal.keys);
  return {
    id: text(b.id),
    receivedAt: text(b.receivedAt),
    // A receipt with every scope granted runs to a few kB; far more is not ours.
    receipt: text(b.receipt, 65_536) && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(b.receipt as string) ? (b.receipt as string) : undefined,
    ...(sealed ? { seal: { keyId: seal.keyId as string, signature: seal.signature as string, keys: seal.keys as string } } : {}),
    withdrawalToken: text(b.withdrawalToken),
    ...(remaining ? { remainingScopes: remaining } : {}),
    alreadyWithdrawn: b.alreadyWithdrawn === true,
  };
}

export interface DeliveryOptions {
  /** The record being sent or shown was delivered (also after it waited in the outbox). */
  onDelivered(): void;
  /** Fetches the words for refusals (in the signer's language); a refusal is shown once they are here, or cannot come. */
  loadRefusalWording(): Promise<unknown>;
}

export class ConsentDelivery implements ReactiveController {
  /** What the receiver answered for the record being sent or on the receipt (undefined while it waits to be sent). */
  answer?: ReceiverAnswer;
  refusal?: Refusal;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #outbox: OutboxController;
  readonly #options: DeliveryOptions;
  /** The receipt ID of the record being sent or shown. */
  #current?: string;

  constructor(host: ReactiveControllerHost & HTMLElement, outbox: OutboxController, options: DeliveryOptions) {
    this.#host = host;
    this.#outbox = outbox;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('koe-sent', this.#handleSent);
    this.#host.addEventListener('koe-needs-attention', this.#handleNeedsAttention);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('koe-sent', this.#handleSent);
    this.#host.removeEventListener('koe-needs-attention', this.#handleNeedsAttention);
  }

  /** Sends `record` through the outbox. A refused record before it is discarded first: this answer replaces it. */
  async send(record: ConsentRecord): Promise<EnqueueResult | 'cancelled'> {
    if (this.refusal) await this.discardRefused();
    this.#current = record.receiptId;
    this.answer = undefined;
    const result = await this.#outbox.submit(record, { id: record.receiptId });
    if (result !== 'cancelled' && result.status === 'needs-attention' && result.item.lastError?.reason !== 'auth') {
      const { status, code, message = '' } = result.item.lastError ?? {};
      await this.#refused({ id: record.receiptId, status, code, message });
    }
    return result;
  }

  /** Keeps a refusal, once its words are here (or cannot come: the receiver's own message is shown then). */
  async #refused(refusal: Refusal): Promise<void> {
    await this.#options.loadRefusalWording().catch(() => undefined);
    this.refusal = refusal;
    this.#host.requestUpdate();
  }

  /** The signer discards the refused record (the outbox never drops one by itself). */
  async discardRefused(): Promise<void> {
    const refusal = this.refusal;
    if (!refusal) return;
    await this.#outbox.discard(refusal.id);
    if (this.refusal === refusal) this.refusal = undefined;
    this.#host.requestUpdate();
  }

  /** The signer changed the field the refusal speaks of. */
  fieldFixed(): void {
    if (this.refusal) this.refusal = { ...this.refusal, fixed: true };
  }

  /** A new link: nothing sent for it yet. */
  reset(): void {
    this.#current = undefined;
    this.answer = undefined;
    this.refusal = undefined;
  }

  readonly #handleSent = (event: GlobalEventHandlersEventMap['koe-sent']): void => {
    if (event.detail.id !== this.#current) return;
    this.answer = readAnswer(event.detail.body);
    this.#options.onDelivered();
    this.#host.requestUpdate();
  };

  /** Refused after being queued (or on the first attempt: `send` sees that too). */
  readonly #handleNeedsAttention = (event: GlobalEventHandlersEventMap['koe-needs-attention']): void => {
    const { id, status, code, message } = event.detail;
    if (id !== this.#current || status === 401 || status === 403 || this.refusal?.id === id) return;
    void this.#refused({ id, status, code, message });
  };
}
