// The whole <koe-consent> view: a page-level problem, the receipt, or the notice with its form ("loading" while the
// wording or form they need is on its way); the alert and status lines always. Rarer views come from consent-loaders.ts.
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentRecord } from '../core/schemas.js';
import type { CommonStrings } from '../i18n/common.js';
import type { DeliveryStrings } from '../i18n/delivery.js';
import type { Locale } from '../i18n/locale.js';
import type { ConfigCheck } from '../shared/config-check.js';
import type { ReceiverAnswer } from './consent-delivery.js';
import type { FormView } from './consent-form.js';
import { renderSignForm } from './consent-form.js';
import { receiptPrint, receiptWording, signing, withdrawForm, withdrawWording } from './consent-loaders.js';
import { problemText, renderNotice, renderProblem } from './consent-views.js';
import type { LinkSource } from './link-source.js';
import type { Notice } from './notice-template.js';

/** What the element hands to its view: the form's needs, plus the page's state and its handlers. */
export interface ConsentView extends FormView {
  c: CommonStrings & DeliveryStrings;
  /** What the link says; undefined until it has been read. */
  source?: LinkSource;
  /** The notice for the link once its wording is here (the very object signing hashes). */
  notice?: Notice;
  /** The record sent or queued: shows the receipt. */
  record?: ConsentRecord;
  /** What the receiver answered for it (the signed receipt, the seal, a grant's withdrawal token). */
  answer?: ReceiverAnswer;
  /** The endpoint as an absolute URL: the seal's key URL is resolved against it. */
  endpointUrl?: string;
  /** The notice the record was signed with (its own language), for the printed receipt. */
  signedNotice?: Notice;
  deliveryNote: string;
  config: ConfigCheck;
  alert: string;
  status: string;
  /** A refused record the signer may discard. */
  rejectedId?: string;
  /** Where the receipt's download link is put (the element's shadow root). */
  root: Node;
  onDiscardRejected(): void;
}

export function renderConsent(view: ConsentView): TemplateResult {
  return html`<div part="base" class="base" lang=${view.lang}>
    ${renderBody(view)}
    <div part="alert" class="alert" role="alert">${view.alert}${view.rejectedId && view.alert
        ? html` <button type="button" @click=${view.onDiscardRejected}>${view.c.discard}</button>`
        : nothing}</div>
    <p part="status" class="status" role="status">${view.status}</p>
  </div>`;
}

function renderBody(view: ConsentView) {
  const { source, lang, s } = view;
  // Until the notice's wording or the withdrawal form has come (or offline before it came), say so.
  const loading = html`<p class="hint">${s.loading}</p>`;
  if (!source) return loading;
  if (source.problem) return renderProblem(...problemText(s, source.problem, source.seen?.expiresAt, lang));
  if (view.record) return renderReceipt(view, view.record);
  const form = renderForm(view, source);
  if (!view.notice || !form) return loading;
  return [renderNotice(view.notice), renderConfigError(view.config, lang), form];
}

/** The signing or the withdrawal form; undefined while the withdrawal form is still on its way. */
function renderForm(view: ConsentView, { request, withdrawal }: LinkSource) {
  if (withdrawal) {
    const wording = withdrawWording[view.lang].get();
    return wording && withdrawForm.get()?.renderWithdrawForm(view, withdrawal, wording);
  }
  return request && renderSignForm(view, request);
}

function renderConfigError(config: ConfigCheck, lang: Locale) {
  if (!config.message) return nothing;
  return html`<div class="alert" role="alert"><strong>${config.title(lang)}</strong> ${config.message}</div>`;
}

/** The receipt, in the current language once its wording is here (else in the one it was sent in), and its printed form. */
function renderReceipt(view: ConsentView, record: ConsentRecord) {
  const { lang, answer } = view;
  // A record exists only after signing, which loaded the signing module and the receipt wording of its language.
  const signer = signing.get()!;
  const wording = receiptWording[lang].get() ?? receiptWording[lang === 'ja' ? 'en' : 'ja'].get()!;
  const keysUrl = answer?.seal && view.endpointUrl ? new URL(answer.seal.keys, view.endpointUrl).href : undefined;
  const shown = { s: wording, lang, record, answer, keysUrl };
  return [
    signer.renderReceipt({
      ...shown,
      delivery: view.deliveryNote,
      withdrawUrl: signer.withdrawLinkFor(record, lang, answer?.withdrawalToken),
      download: () => signer.downloadReceipt(record, view.source?.request, view.root, answer),
      print: () => window.print(),
    }),
    receiptPrint.get()?.renderPrintReceipt({ ...shown, notice: view.signedNotice }) ?? nothing,
  ];
}
