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

function scopeList(title: string, ids: string[], v: ReceiptView) {
  return html`<h3>${title}</h3>
    ${ids.length ? html`<ul>${ids.map((id) => html`<li>${scopeLabel(id, v.lang)}</li>`)}</ul>` : html`<p>${v.s.none}</p>`}`;
}

/** After signing: what was granted and declined, receipt ID, notice hash, time, how to withdraw. */
export function renderReceipt(v: ReceiptView): TemplateResult {
  const { s, record: r } = v;
  const yes = r.scopes.filter((x) => x.granted).map((x) => x.id);
  const no = r.scopes.filter((x) => !x.granted).map((x) => x.id);
  const title =
    r.decision === 'withdrawn'
      ? s.receiptWithdrawn
      : r.decision === 'declined'
        ? s.receiptDeclined
        : no.length
          ? s.receiptPartly
          : s.receiptGranted;
  return html`<section part="receipt" class="receipt" aria-labelledby="receipt-title">
    <h2 id="receipt-title" tabindex="-1">${title}</h2>
    ${v.delivery ? html`<p>${v.delivery}</p>` : nothing}
    <dl>
      <dt>${s.receiptId}</dt>
      <dd><code>${r.receiptId}</code></dd>
      <dt>${s.signedAt}</dt>
      <dd>${formatDateTime(r.signedAt, v.lang)} (${r.timeZone})</dd>
      <dt>${s.noticeHash}</dt>
      <dd><code class="hash">${r.notice.sha256}</code></dd>
    </dl>
    ${r.decision === 'withdrawn'
      ? [scopeList(s.withdrawnScopes, no, v), scopeList(s.remainingScopes, yes, v)]
      : r.decision === 'granted'
        ? [scopeList(s.allowedScopes, yes, v), scopeList(s.deniedScopes, no, v)]
        : nothing}
    ${r.constraints ? html`<h3>${s.constraintsShown}</h3><p class="pre">${r.constraints}</p>` : nothing}
    ${r.decision === 'granted'
      ? html`<h3>${s.howToWithdraw}</h3>
          <p>${r.withdrawal}</p>
          ${v.withdrawUrl ? html`<p><a part="withdraw-link" href=${v.withdrawUrl}>${s.withdrawLink}</a></p>` : nothing}`
      : nothing}
    <p class="hint">${s.receiptKeep}</p>
    <div class="actions">
      <button type="button" class="primary" part="download" @click=${v.download}>${s.download}</button>
      <button type="button" @click=${() => window.print()}>${s.print}</button>
    </div>
  </section>`;
}

/** Saves the record as a Kantara Consent Receipt (JSON file). */
export async function downloadReceipt(record: ConsentRecord, req: ConsentRequest | undefined, root: Node): Promise<void> {
  // The Kantara mapping is needed only here, so it waits for the button.
  const { receiptFile } = await import('./receipt.js');
  const url = URL.createObjectURL(receiptFile(record, req));
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
