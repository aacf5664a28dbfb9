// The receipt shown after sending: what was granted and declined, receipt ID, notice hash, time, how to withdraw.
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentRecord, ConsentRequest } from '../core/schemas.js';
import type { ReceiptStrings } from '../i18n/receipt.js';
import type { Locale } from '../i18n/locale.js';
import type { ReceiverAnswer } from './consent-delivery.js';
import type { SignedReceipt } from './receipt.js';
import { scopeLabel } from './scopes.js';
import { formatDateTime } from './time.js';

export interface ReceiptView {
  s: ReceiptStrings;
  lang: Locale;
  record: ConsentRecord;
  delivery: string;
  /** What the receiver answered (undefined while the record waits to be sent). */
  answer?: ReceiverAnswer;
  /** Where the seal's public keys are published, as an absolute URL. */
  keysUrl?: string;
  withdrawUrl?: string;
  download(): void;
  print(): void;
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
  // The receiver knows what earlier withdrawals took away: what remains is its word, when it has spoken.
  if (record.decision === 'withdrawn') return [scopeList(s.withdrawnScopes, refused, view), scopeList(s.remainingScopes, view.answer?.remainingScopes ?? granted, view)];
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
    ${view.answer?.alreadyWithdrawn && view.answer.id ? html`<p>${s.alreadyWithdrawn(view.answer.id)}</p>` : nothing}
    ${r.decision === 'granted'
      ? html`<h3>${s.howToWithdraw}</h3>
          <p>${r.withdrawal}</p>
          <p>${view.withdrawUrl ? html`<a part="withdraw-link" href=${view.withdrawUrl}>${s.withdrawLink}</a>` : s.withdrawLinkPending}</p>`
      : nothing}
    ${renderSeal(view)}
    <p class="hint">${s.receiptKeep}</p>
    <div class="actions">
      <button type="button" class="primary" part="download" @click=${view.download}>${s.download}</button>
      <button type="button" @click=${view.print}>${s.print}</button>
    </div>
  </section>`;
}

/** The receiver's seal: when it received the record, by which key, and where that key is published. */
export function renderSeal({ s, lang, answer, keysUrl }: Pick<ReceiptView, 's' | 'lang' | 'answer' | 'keysUrl'>) {
  const seal = answer?.seal;
  if (!seal) return nothing;
  return html`<h3>${s.sealTitle}</h3>
    <dl class="seal">
      ${answer.receivedAt ? html`<dt>${s.receivedAt}</dt><dd>${formatDateTime(answer.receivedAt, lang)}</dd>` : nothing}
      <dt>${s.sealKey}</dt>
      <dd><code>${seal.keyId}</code></dd>
      <dt>${s.sealSignature}</dt>
      <dd><code class="hash">${seal.signature}</code></dd>
      ${keysUrl ? html`<dt>${s.verifyWith}</dt><dd><code>${keysUrl}</code></dd>` : nothing}
    </dl>
    <p class="hint">${s.verifyHint}</p>`;
}

/** Saves the receipt: the receiver's signed Kantara receipt (a JWS, JSON serialization) with the record, or the record unsigned while it waits. */
export async function downloadReceipt(record: ConsentRecord, request: ConsentRequest | undefined, root: Node, signed?: SignedReceipt): Promise<void> {
  // The Kantara mapping is needed only here, so it waits for the button.
  const { receiptFile } = await import('./receipt.js');
  const url = URL.createObjectURL(receiptFile(record, request, signed));
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
