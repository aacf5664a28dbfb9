// Render helpers of <koe-intake>: the context line and the confirmation (chips: chips.ts; the outbox list: outbox-view.ts).
import { html, nothing, type TemplateResult } from 'lit';
import type { KoeContext } from '../core/config.js';
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

/** After sending or queueing: what happened, and a button for the next voice (focused, so it is announced). */
export function renderConfirmation(s: IntakeStrings, phase: string, message: string, onNext: () => void): TemplateResult {
  return html`<div part="confirmation" class="confirmation ${phase}" tabindex="-1">
    <p class="confirmation-title">${message}</p>
    <button type="button" class="primary" @click=${onNext}>${s.fileAnother}</button>
  </div>`;
}
