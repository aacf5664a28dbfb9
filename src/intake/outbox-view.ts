// The outbox status line and edit-and-resend, fetched right after the form's first render (needed only once something waits).
import { html, nothing, type TemplateResult } from 'lit';
import type { OutboxItem } from '../core/outbox.js';
import type { IntakeSubmission } from '../core/schemas.js';
import type { CommonStrings } from '../i18n/common.js';
import type { IntakeStrings } from '../i18n/intake.js';
import type { IntakeFormValue } from './payload.js';

export interface OutboxOptions {
  items: readonly OutboxItem[];
  counts: { waiting: number; attention: number };
  common: CommonStrings;
  strings: IntakeStrings;
  confirmingDiscard: string | undefined;
  onRetry: (id: string) => void;
  onEdit: (item: OutboxItem) => void;
  onDiscard: (id: string) => void;
  onConfirmDiscard: (id: string | undefined) => void;
}

function preview(item: OutboxItem): string {
  const text = (item.payload as { voice?: { text?: unknown } } | undefined)?.voice?.text;
  const chars = typeof text === 'string' ? Array.from(text) : [];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

/** The status line: how many wait, how many need attention, and what the user can do about each. */
export function renderOutbox(o: OutboxOptions): TemplateResult | typeof nothing {
  const { waiting, attention } = o.counts;
  if (waiting + attention === 0) return nothing;
  const summary = [waiting ? o.strings.outboxWaiting(waiting) : '', attention ? o.strings.outboxAttention(attention) : ''].filter(Boolean).join(' · ');
  return html`<section part="outbox" class="outbox" aria-label=${o.strings.outboxLabel}>
    <p class="outbox-summary">${summary}</p>
    <ul>
      ${o.items.map(
        (item) => html`<li class="outbox-item" data-id=${item.id} data-state=${item.state}>
          <span class="outbox-text">${preview(item)}</span>
          ${item.state === 'needs-attention' && item.lastError
            ? html`<span class="error">${o.common.serverSaid(item.lastError.message)}</span>`
            : nothing}
          ${o.confirmingDiscard === item.id
            ? html`<span class="confirm" role="group" aria-label=${o.common.discard}>
                <span>${o.strings.discardConfirm}</span>
                <button type="button" class="danger" data-action="discard-confirm" @click=${() => o.onDiscard(item.id)}>${o.common.discard}</button>
                <button type="button" data-action="discard-cancel" @click=${() => o.onConfirmDiscard(undefined)}>${o.strings.cancel}</button>
              </span>`
            : html`<span class="actions">
                <button type="button" data-action="retry" @click=${() => o.onRetry(item.id)}>${o.strings.retryNow}</button>
                <button type="button" data-action="edit" @click=${() => o.onEdit(item)}>${o.strings.editAndResend}</button>
                <button type="button" data-action="discard" @click=${() => o.onConfirmDiscard(item.id)}>${o.common.discard}</button>
              </span>`}
        </li>`,
      )}
    </ul>
  </section>`;
}

/** The form as it was for a refused submission, so the user edits what they sent. */
export function formFor(item: OutboxItem): Partial<IntakeFormValue> {
  const p = item.payload as IntakeSubmission;
  return {
    text: p.voice.text, kind: p.voice.kind, tags: [...p.tags], channel: p.channel, permission: p.permission,
    contactName: p.customer.contactName ?? '', contactTitle: p.customer.contactTitle ?? '',
    companyName: p.customer.companyName ?? '', reporterName: p.reporter.name ?? '',
  };
}

/** An edit of a refused submission keeps its id, time, origin and CRM context; only what the user edits changes. */
export function mergeResend(original: IntakeSubmission, edited: IntakeSubmission): IntakeSubmission {
  return {
    ...edited,
    id: original.id,
    createdAt: original.createdAt,
    locale: original.locale,
    origin: original.origin,
    deal: original.deal,
    leadSource: original.leadSource,
    custom: original.custom,
    customer: { ...edited.customer, companyId: original.customer.companyId },
    reporter: { id: original.reporter.id, name: edited.reporter.name ?? original.reporter.name },
  };
}
