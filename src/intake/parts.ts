// Render helpers of <koe-intake>: the context line, the tag chips and the confirmation (the outbox list is in outbox-view.ts).
import { html, nothing, type TemplateResult } from 'lit';
import type { KoeContext, KoeTag } from '../core/config.js';
import type { Locale } from '../i18n/locale.js';
import type { IntakeStrings } from '../i18n/intake.js';

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
        aria-pressed=${o.selected.includes(tag.id)}
        aria-invalid=${o.invalid}
        tabindex=${i === o.focusIndex ? 0 : -1}
        @click=${() => o.onToggle(tag.id)}
      >
        ${i < 9 ? html`<span class="chip-key" aria-hidden="true">${i + 1}</span>` : nothing}${tag.label[o.locale]}
      </button>`,
    )}
  </div>`;
}

/** After sending or queueing: what happened, and a button for the next voice (focused, so it is announced). */
export function renderConfirmation(s: IntakeStrings, phase: string, message: string, onNext: () => void): TemplateResult {
  return html`<div part="confirmation" class="confirmation ${phase}" tabindex="-1">
    <p class="confirmation-title">${message}</p>
    <button type="button" class="primary" @click=${onNext}>${s.fileAnother}</button>
  </div>`;
}
