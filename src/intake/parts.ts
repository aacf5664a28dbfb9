// Render helpers of <koe-intake>: the context line, the tag chips and the outbox status line.
import { html, nothing, type TemplateResult } from 'lit';
import type { KoeContext, KoeTag } from '../core/config.js';
import type { Locale } from '../i18n/locale.js';
import type { CommonStrings } from '../i18n/common.js';
import type { IntakeStrings } from '../i18n/intake.js';
import type { OutboxItem } from '../core/outbox.js';

/** One compact read-only line: company, deal, lead source, reporter. Text bindings only. */
export function renderContextLine(ctx: KoeContext, s: IntakeStrings, fromSelection: boolean): TemplateResult | typeof nothing {
  const parts: string[] = [];
  const company = ctx.companyName && ctx.companyId ? `${ctx.companyName}（${ctx.companyId}）` : (ctx.companyName ?? ctx.companyId);
  if (company) parts.push(s.contextCompany(company));
  const deal = [ctx.dealId, ctx.dealStage].filter(Boolean).join(' / ');
  if (deal) parts.push(s.contextDeal(deal));
  if (ctx.leadSource) parts.push(s.contextLeadSource(ctx.leadSource));
  if (ctx.reporterName ?? ctx.reporterId) parts.push(s.contextReporter((ctx.reporterName ?? ctx.reporterId)!));
  if (fromSelection) parts.push(s.contextFromSelection);
  if (parts.length === 0) return nothing;
  return html`<p part="context" class="context"><span class="visually-hidden">${s.contextLabel}: </span>${parts.join(' · ')}</p>`;
}

export interface ChipsOptions {
  tags: readonly KoeTag[];
  selected: readonly string[];
  locale: Locale;
  focusIndex: number;
  invalid: boolean;
  describedBy: string;
  onToggle: (id: string) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/** Toggle chips (aria-pressed buttons) with one tab stop; arrows and number keys move within. */
export function renderChips(o: ChipsOptions): TemplateResult {
  return html`<div class="chips" role="group" aria-labelledby="tags-legend" aria-describedby=${o.describedBy} @keydown=${o.onKeydown}>
    ${o.tags.map(
      (tag, i) => html`<button
        type="button"
        part="chip${o.selected.includes(tag.id) ? ' chip--pressed' : ''}"
        class="chip"
        data-tag=${tag.id}
        aria-pressed=${o.selected.includes(tag.id) ? 'true' : 'false'}
        aria-invalid=${o.invalid ? 'true' : 'false'}
        tabindex=${i === o.focusIndex ? '0' : '-1'}
        @click=${() => o.onToggle(tag.id)}
      >
        ${i < 9 ? html`<span class="chip-key" aria-hidden="true">${i + 1}</span>` : nothing}${tag.label[o.locale]}
      </button>`,
    )}
  </div>`;
}

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
  const summary = [waiting ? o.common.outboxWaiting(waiting) : '', attention ? o.common.outboxAttention(attention) : ''].filter(Boolean).join(' · ');
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
                <span>${o.common.discardConfirm}</span>
                <button type="button" class="danger" data-action="discard-confirm" @click=${() => o.onDiscard(item.id)}>${o.common.discard}</button>
                <button type="button" data-action="discard-cancel" @click=${() => o.onConfirmDiscard(undefined)}>${o.strings.cancel}</button>
              </span>`
            : html`<span class="actions">
                <button type="button" data-action="retry" @click=${() => o.onRetry(item.id)}>${o.common.retryNow}</button>
                <button type="button" data-action="edit" @click=${() => o.onEdit(item)}>${o.common.editAndResend}</button>
                <button type="button" data-action="discard" @click=${() => o.onConfirmDiscard(item.id)}>${o.common.discard}</button>
              </span>`}
        </li>`,
      )}
    </ul>
  </section>`;
}
