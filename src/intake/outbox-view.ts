// The outbox list, edit-and-resend and the delivery warnings, fetched right after the form's first render (rare views).
import { css, html, nothing, type TemplateResult } from 'lit';
import type { EnqueueResult, OutboxItem } from '../core/outbox.js';
import type { IntakeSubmission } from '../core/schemas.js';
import type { OutboxStrings } from '../i18n/outbox.js';
import type { OutboxController } from '../shared/outbox-controller.js';
import type { FieldErrors, IntakeFormValue } from './payload.js';
import { fieldForPath } from './paths.js';

/** Adopted next to the element's own styles when this module arrives. */
export const styles = css`
  .warning {
    border-inline-start: 4px solid var(--_koe-warning);
    padding: 0.25rem 0.75rem;
    margin: 0 0 var(--_koe-space);
  }
  .attention {
    border: 2px solid var(--_koe-danger);
    border-radius: var(--_koe-radius);
    padding: 0.5rem 0.75rem;
  }
  .attention p {
    margin: 0.25rem 0;
  }
  .outbox {
    margin-top: var(--_koe-space);
    border-top: 1px solid var(--_koe-border);
    padding-top: 0.5rem;
    font-size: 0.875em;
  }
  .outbox ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .outbox-summary {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .outbox-item {
    display: grid;
    gap: 0.25rem;
  }
  .outbox-item button {
    padding: 0.15rem 0.6rem;
  }
  .outbox-item .actions,
  .outbox-item .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
  }
  button.danger {
    border-color: var(--_koe-danger);
    color: var(--_koe-danger);
  }
`;

/** What the outbox list shows and the handlers of its buttons. */
export interface OutboxListView {
  items: readonly OutboxItem[];
  counts: { waiting: number; attention: number };
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

/** Offline safety off, submissions near the retention limit, a draft that could not be saved. */
export function renderWarnings(t: OutboxStrings, persistent: boolean, expiring: number, draftProblem: boolean) {
  const warn = (text: string | false) => (text ? html`<p part="warning" class="warning">${text}</p>` : nothing);
  return [warn(!persistent && t.offlineSafetyOff), warn(expiring > 0 && t.expiring(expiring)), warn(draftProblem && t.draftSaveFailed)];
}

/** What went wrong with an item: what the receiver said, or (the outbox's own verdict) that it expired here. */
function problem(t: OutboxStrings, item: OutboxItem): string {
  const error = item.lastError;
  if (!error) return '';
  return error.reason === 'expired' ? t.expired : t.serverSaid(error.message);
}

/** Above the buttons while a refused submission is being edited: what happened and what the receiver said. */
export function renderAttention(t: OutboxStrings, item: OutboxItem): TemplateResult {
  const text = problem(t, item);
  return html`<div class="attention" role="group" aria-label=${t.editing}>
    <p>${t.editing}</p>
    ${text ? html`<p class="error">${text}</p>` : nothing}
  </div>`;
}

/** The status line: how many wait, how many need attention, and what the user can do about each. */
export function renderOutbox(t: OutboxStrings, list: OutboxListView): TemplateResult | typeof nothing {
  const { waiting, attention } = list.counts;
  if (waiting + attention === 0) return nothing;
  const summary = [waiting ? t.outboxWaiting(waiting) : '', attention ? t.outboxAttention(attention) : ''].filter(Boolean).join(' · ');
  return html`<section part="outbox" class="outbox" aria-label=${t.outboxLabel}>
    <p class="outbox-summary">${summary}</p>
    <ul>
      ${list.items.map(
        (item) => html`<li class="outbox-item" data-id=${item.id} data-state=${item.state}>
          <span class="outbox-text">${preview(item)}</span>
          ${item.state === 'needs-attention' && item.lastError ? html`<span class="error">${problem(t, item)}</span>` : nothing}
          ${list.confirmingDiscard === item.id
            ? html`<span class="confirm" role="group" aria-label=${t.discard}>
                <span>${t.discardConfirm}</span>
                <button type="button" class="danger" data-action="discard-confirm" @click=${() => list.onDiscard(item.id)}>${t.discard}</button>
                <button type="button" data-action="discard-cancel" @click=${() => list.onConfirmDiscard(undefined)}>${t.cancel}</button>
              </span>`
            : html`<span class="actions">
                <button type="button" data-action="retry" @click=${() => list.onRetry(item.id)}>${t.retryNow}</button>
                <button type="button" data-action="edit" @click=${() => list.onEdit(item)}>${t.editAndResend}</button>
                <button type="button" data-action="discard" @click=${() => list.onConfirmDiscard(item.id)}>${t.discard}</button>
              </span>`}
        </li>`,
      )}
    </ul>
  </section>`;
}

/** A refused submission: the status message and the receiver's per-field messages, on the form's fields. */
export function attentionFor(t: OutboxStrings, item: OutboxItem): { message: string; errors: FieldErrors } {
  const errors: FieldErrors = {};
  for (const f of item.lastError?.fields ?? []) errors[fieldForPath(f.path)] ??= f.message;
  const reason = item.lastError?.reason;
  const message = reason === 'auth' ? t.authRequired : reason === 'expired' ? t.expired : t.needsAttention;
  return { message, errors };
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

/** Edit-and-resend keeps the id (and so the Idempotency-Key); the outcome is read back from the outbox. */
export async function resend(outbox: OutboxController, original: OutboxItem, payload: IntakeSubmission): Promise<EnqueueResult | 'cancelled'> {
  // No longer in the outbox (delivered or discarded meanwhile): send it afresh; the same Idempotency-Key keeps the receiver from storing it twice.
  if (!outbox.outbox?.snapshot((i) => i.id === original.id).length) return outbox.submit(payload, { id: original.id, endpoint: original.endpoint, format: original.format });
  await outbox.update(original.id, payload);
  await outbox.refresh();
  const item = outbox.items.find((i) => i.id === original.id);
  const persistent = outbox.persistent !== false;
  if (!item) return { status: 'sent', persistent, item: original };
  return { status: item.state === 'needs-attention' ? 'needs-attention' : 'queued', persistent, item };
}
