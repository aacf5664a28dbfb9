// The receipt shown after sending: what was granted and declined, receipt ID, notice hash, time, how to withdraw.
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentRecord, ConsentRequest } from '../core/schemas.js';
import type { ReceiptStrings } from '../i18n/receipt.js';
import type { Locale } from '../i18n/locale.js';
import { scopeLabel } from './scopes.js';
import { formatDateTime } from './time.js';

export interface ReceiptView {
  s: ReceiptStrings;
  lang: Locale;
  record: ConsentRecord;
  delivery: string;
  withdrawUrl?: string;
  download(): void;
}

function scopeList(title: string, ids: string[], view: ReceiptView) {
  return html`<h3>${title}</h3>
    ${ids.length ? html`<ul>${ids.map((id) => html`<li>${scopeLabel(id, view.lang)}</li>`)}</ul>` : html`<p>${view.s.none}</p>`}`;
}

/** The receipt's heading: withdrawn, declined, granted in part, or granted. */
function receiptTitle(s: ReceiptStrings, record: ConsentRecord, anyRefused: boolean): string {
  if (record.decision === 'withdrawn') return s.receiptWithdrawn;
  if (record.decision === 'declined') return s.receiptDeclined;
  return anyRefused ? s.receiptPartly : s.receiptGranted;
}

/** The scopes, in two lists: withdrawn and still granted, or allowed and not allowed (none for a decline). */
function scopeLists(view: ReceiptView, granted: string[], refused: string[]) {
  const { s, record } = view;
  if (record.decision === 'withdrawn') return [scopeList(s.withdrawnScopes, refused, view), scopeList(s.remainingScopes, granted, view)];
  if (record.decision === 'granted') return [scopeList(s.allowedScopes, granted, view), scopeList(s.deniedScopes, refused, view)];
  return nothing;
}

/** After signing: what was granted and declined, receipt ID, notice hash, time, how to withdraw. */
export function renderReceipt(view: ReceiptView): TemplateResult {
  const { s, record: r } = view;
  const granted = r.scopes.filter((scope) => scope.granted).map((scope) => scope.id);
  const refused = r.scopes.filter((scope) => !scope.granted).map((scope) => scope.id);
  const title = receiptTitle(s, r, refused.length > 0);
  return html`<section part="receipt" class="receipt" aria-labelledby="receipt-title">
    <h2 id="receipt-title" tabindex="-1">${title}</h2>
    ${view.delivery ? html`<p>${view.delivery}</p>` : nothing}
    <dl>
      <dt>${s.receiptId}</dt>
      <dd><code>${r.receiptId}</code></dd>
      <dt>${s.signedAt}</dt>
      <dd>${formatDateTime(r.signedAt, view.lang)} (${r.timeZone})</dd>
      <dt>${s.noticeHash}</dt>
      <dd><code class="hash">${r.notice.sha256}</code></dd>
    </dl>
    ${scopeLists(view, granted, refused)}
    ${r.constraints ? html`<h3>${s.constraintsShown}</h3><p class="pre">${r.constraints}</p>` : nothing}
    ${r.decision === 'granted'
      ? html`<h3>${s.howToWithdraw}</h3>
          <p>${r.withdrawal}</p>
          ${view.withdrawUrl ? html`<p><a part="withdraw-link" href=${view.withdrawUrl}>${s.withdrawLink}</a></p>` : nothing}`
      : nothing}
    <p class="hint">${s.receiptKeep}</p>
    <div class="actions">
      <button type="button" class="primary" part="download" @click=${view.download}>${s.download}</button>
      <button type="button" @click=${() => window.print()}>${s.print}</button>
    </div>
  </section>`;
}

/** Saves the record as a Kantara Consent Receipt (JSON file). */
export async function downloadReceipt(record: ConsentRecord, request: ConsentRequest | undefined, root: Node): Promise<void> {
  // The Kantara mapping is needed only here, so it waits for the button.
  const { receiptFile } = await import('./receipt.js');
  const url = URL.createObjectURL(receiptFile(record, request));
  const a = document.createElement('a');
  a.href = url;
  a.download = `consent-receipt-${record.receiptId}.json`;
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
