// The receipt on paper (or PDF), for legal teams who file consent: one A4 document with the decisions, the signer and
// signature, the statement agreed to, the receiver's seal with where to verify it, and the full text of the notice as
// signed. Hidden on screen; the print stylesheet (koe-consent.styles.ts) shows it instead of the screen receipt, without
// buttons. Fetched with the receipt (consent-loaders.ts: receiptPrint), so printing from the browser's menu finds it.
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ConsentRecord } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import type { ReceiptStrings } from '../i18n/receipt.js';
import type { ReceiverAnswer } from './consent-delivery.js';
import type { Notice, NoticeBlock } from './notice-template.js';
import { renderSeal } from './receipt-view.js';
import { scopeLabel } from './scopes.js';
import { formatDateTime } from './time.js';

export interface PrintView {
  s: ReceiptStrings;
  lang: Locale;
  record: ConsentRecord;
  answer?: ReceiverAnswer;
  keysUrl?: string;
  /** The notice as signed (in the language it was signed in). */
  notice?: Notice;
}

function decisionLabel(s: ReceiptStrings, record: ConsentRecord): string {
  if (record.decision !== 'granted') return s.decisions[record.decision];
  return record.scopes.every((scope) => scope.granted) ? s.decisions.granted : s.decisions.partly;
}

const row = (label: string, value: unknown) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);

function scopes(title: string, ids: string[], view: PrintView) {
  return html`<h3>${title}</h3>
    <p>${ids.length ? ids.map((id) => scopeLabel(id, view.lang)).join(view.lang === 'ja' ? '、' : ', ') : view.s.none}</p>`;
}

function decisions(view: PrintView) {
  const { s, record, answer } = view;
  const granted = record.scopes.filter((x) => x.granted).map((x) => x.id);
  const refused = record.scopes.filter((x) => !x.granted).map((x) => x.id);
  if (record.decision === 'withdrawn') return [scopes(s.withdrawnScopes, refused, view), scopes(s.remainingScopes, answer?.remainingScopes ?? granted, view)];
  if (record.decision === 'granted') return [scopes(s.allowedScopes, granted, view), scopes(s.deniedScopes, refused, view)];
  return nothing;
}

function block(b: NoticeBlock) {
  if ('p' in b) return html`<p>${b.p}</p>`;
  if ('list' in b) return html`<ul>${b.list.map((item) => html`<li>${item}</li>`)}</ul>`;
  return html`<p>${b.label}: ${b.link}</p>`;
}

/** The notice as text, every section and block (the same data the record's notice hash covers). */
function noticeText(s: ReceiptStrings, notice: Notice | undefined) {
  if (!notice) return nothing;
  return html`<section class="print-notice">
    <h3>${s.noticeHeading}</h3>
    <h4>${notice.title}</h4>
    ${notice.sections.map((section) => html`${section.heading ? html`<h5>${section.heading}</h5>` : nothing}${section.blocks.map(block)}`)}
  </section>`;
}

/**
 * Paints the drawn signature (a PNG data URL) on a canvas from its bytes: an <img src="data:…"> would need `img-src data:`,
 * which a strict Content-Security-Policy (`default-src 'self'`) refuses; decoding a Blob needs no URL at all.
 */
function paintSignature(image: string) {
  return ref((canvas) => {
    if (!(canvas instanceof HTMLCanvasElement) || canvas.dataset.painted === image.slice(-32)) return;
    canvas.dataset.painted = image.slice(-32);
    const bytes = Uint8Array.from(atob(image.slice(image.indexOf(',') + 1)), (c) => c.charCodeAt(0));
    void createImageBitmap(new Blob([bytes], { type: 'image/png' })).then(
      (bitmap) => {
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      },
      () => undefined, // an unreadable image: the typed name above is the signature of record
    );
  });
}

export function renderPrintReceipt(view: PrintView): TemplateResult {
  const { s, lang, record: r, answer } = view;
  return html`<section class="print-receipt" aria-labelledby="print-title">
    <h2 id="print-title">${s.printTitle}</h2>
    <dl>
      ${row(s.receiptId, r.receiptId)} ${row(s.printDecision, decisionLabel(s, r))} ${row(s.signedAt, `${formatDateTime(r.signedAt, lang)} (${r.timeZone})`)}
      ${row(s.receivedAt, answer?.receivedAt && formatDateTime(answer.receivedAt, lang))}
    </dl>
    ${decisions(view)} ${r.constraints ? html`<h3>${s.constraintsShown}</h3><p class="pre">${r.constraints}</p>` : nothing}
    ${r.declineReason ? html`<h3>${s.declineReason}</h3><p class="pre">${r.declineReason}</p>` : nothing}
    <h3>${s.signerHeading}</h3>
    <dl>
      ${row(s.signerName, r.signer.name)} ${row(s.signerTitle, r.signer.title)} ${row(s.signerCompany, r.signer.company)} ${row(s.signerEmail, r.signer.email)}
      ${row(s.signature, r.signature.typedName)}
    </dl>
    ${r.signature.image
      ? html`<h4>${s.drawnSignature}</h4>
          <canvas class="print-signature" role="img" aria-label=${`${s.drawnSignature}: ${r.signature.typedName}`} ${paintSignature(r.signature.image)}></canvas>`
      : nothing}
    <h3>${s.intent}</h3>
    <p>${r.intentStatement}</p>
    <h3>${s.howToWithdraw}</h3>
    <p>${r.withdrawal}</p>
    ${answer?.seal ? renderSeal(view) : html`<p>${s.notSealedYet}</p>`}
    <dl>${row(s.noticeHash, html`<code class="hash">${r.notice.sha256}</code>`)}</dl>
    ${noticeText(s, view.notice)}
  </section>`;
}
