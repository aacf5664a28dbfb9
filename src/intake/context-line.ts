// The read-only CRM context line of <koe-intake>: company, deal, lead source, reporter. Text bindings only.
import { html, nothing, type TemplateResult } from 'lit';
import type { KoeContext } from '../core/config.js';
import type { IntakeStrings } from '../i18n/intake.js';

/** One compact line: company, deal, lead source, reporter, and whether the text came from a selection; nothing when empty. */
export function renderContextLine(context: KoeContext, s: IntakeStrings, fromSelection: boolean): TemplateResult | typeof nothing {
  const items: string[] = [];
  const { companyName, companyId } = context;
  const company = companyName && companyId ? `${companyName}（${companyId}）` : (companyName ?? companyId);
  if (company) items.push(s.contextCompany(company));
  const deal = [context.dealId, context.dealStage].filter(Boolean).join(' / ');
  if (deal) items.push(s.contextDeal(deal));
  if (context.leadSource) items.push(s.contextLeadSource(context.leadSource));
  const reporter = context.reporterName ?? context.reporterId;
  if (reporter) items.push(s.contextReporter(reporter));
  if (fromSelection) items.push(s.contextFromSelection);
  if (items.length === 0) return nothing;
  return html`<p part="context" class="context"><span class="visually-hidden">${s.contextLabel}: </span>${items.join(' · ')}</p>`;
}
