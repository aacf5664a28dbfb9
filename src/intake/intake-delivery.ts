// <koe-intake>'s side of delivery: a valid submission handed to the outbox (or an edit resent) and what came of it, in
// the form's words; and what the form does with the items of its outbox list: edit-and-resend of one the receiver refused
// (open in the form with its messages on the fields), retry now, and discard after a confirmation. The list and its
// wording are the outbox view's (outbox-view-loader.ts); this keeps which item the form shows, and for what.
import type { ReactiveControllerHost } from 'lit';
import type { OutboxItem } from '../core/outbox.js';
import type { IntakeSubmission } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import type { OutboxController } from '../shared/outbox-controller.js';
import { attentionFor, outboxView } from './outbox-view-loader.js';
import type { FieldErrors, IntakeFormValue } from './payload.js';
import type { IntakePack } from './strings.js';

/** What came of a send: `message` for the status line; `item` is the refused one (needs-attention from the receiver). */
export type SendOutcome =
  | { result: 'sent' | 'queued'; message: string }
  | { result: 'cancelled'; message: string }
  | { result: 'needs-attention'; message: string; item?: OutboxItem };

export class IntakeDelivery {
  /** The refused submission open in the form for edit-and-resend. */
  editing?: OutboxItem;
  /** The listed item whose discard waits for a confirmation. */
  confirmingDiscard?: string;
  /** The refused item this form shows, from the moment it was refused (its view may still be on the way). */
  #attending?: string;
  readonly #host: ReactiveControllerHost;
  readonly #outbox: OutboxController;

  /** `onSentAfterAll`: the item the form shows as refused or open for editing was delivered after all (e.g. a 401, then a fresh token in `headers`). */
  constructor(host: ReactiveControllerHost & HTMLElement, outbox: OutboxController, onSentAfterAll: () => void) {
    this.#host = host;
    this.#outbox = outbox;
    host.addEventListener('koe-sent', (event) => {
      if (this.#shows(event.detail.id)) onSentAfterAll();
    });
  }

  /** Hands `payload` to the outbox (resends it when it is the edit of `editing`); never rejects. */
  async send(payload: IntakeSubmission, editing: OutboxItem | undefined, { s, c }: IntakePack): Promise<SendOutcome> {
    try {
      const result = editing ? await outboxView.get()!.resend(this.#outbox, editing, payload) : await this.#outbox.submit(payload, { id: payload.id });
      if (result === 'cancelled') return { result, message: s.cancelled };
      if (result.status === 'needs-attention') return { result: result.status, message: result.item.lastError?.message ?? '', item: result.item };
      if (result.status === 'sent') return { result: result.status, message: s.sentTitle };
      return { result: result.status, message: result.persistent ? s.queuedTitle : c.queuedMemoryOnly };
    } catch (error) {
      // A TypeError: code that could not be fetched (the outbox's, offline since the page loaded); nothing was stored.
      const message = error instanceof TypeError ? c.deliveryUnavailable : error instanceof Error ? error.message : String(error);
      return { result: 'needs-attention', message };
    }
  }

  /**
   * The receiver refused `item`: it opens for editing once the outbox view's wording is here. Resolves with the status
   * message and the field messages, or undefined when it is not shown after all (offline again before the view came,
   * or delivered or dismissed meanwhile).
   */
  async show(lang: Locale, item: OutboxItem): Promise<{ message: string; errors: FieldErrors } | undefined> {
    this.#attending = item.id;
    const found = await attentionFor(lang, item);
    if (!found || this.#attending !== item.id) return undefined;
    this.editing = item;
    this.#host.requestUpdate();
    return found;
  }

  /** Whether the form shows item `id` (refused, or open for editing). */
  #shows(id: string): boolean {
    return id === this.#attending || id === this.editing?.id;
  }

  /** Opens a listed item for editing; returns its values for the form (the list's edit button means the view is here). */
  edit(item: OutboxItem): Partial<IntakeFormValue> {
    this.editing = item;
    this.#host.requestUpdate();
    return outboxView.get()!.formFor(item);
  }

  /** Nothing is shown for editing or as refused any more. */
  close(): void {
    this.editing = this.#attending = undefined;
    this.#host.requestUpdate();
  }

  readonly retry = (id: string): void => void this.#outbox.retry(id);

  /** Asks to confirm the discard of `id` (undefined: the confirmation was cancelled). */
  readonly confirmDiscard = (id: string | undefined): void => {
    this.confirmingDiscard = id;
    this.#host.requestUpdate();
  };

  /** Discards `id` after the confirmation; true when it was the item open for editing. */
  discard(id: string): boolean {
    this.confirmingDiscard = undefined;
    void this.#outbox.discard(id);
    this.#host.requestUpdate();
    return this.editing?.id === id;
  }
}
