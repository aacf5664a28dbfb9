// Form templates for signing (withdrawing is in withdraw-form.ts). Everything from the request is bound as text.
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentRequest } from '../core/schemas.js';
import type { CommonStrings } from '../i18n/common.js';
import type { ConsentStrings } from '../i18n/consent.js';
import type { Locale } from '../i18n/locale.js';
import { scopeLabel } from './scopes.js';

export type DrawState = 'idle' | 'loading' | 'ready' | 'failed';

/** What the signer has entered; nothing is chosen until they choose it. */
export interface ConsentFormState {
  decision?: 'grant' | 'decline';
  /** Scope ID → allowed; a missing key means not answered yet. */
  choices: Record<string, boolean>;
  constraints: string;
  declineReason: string;
  name: string;
  title: string;
  email: string;
  typedName: string;
  method: 'typed' | 'drawn';
  /** Withdraw mode: the scopes selected for withdrawal. */
  withdraw: string[];
}

/** What the templates need from the element: state, strings and the callbacks that change state. */
export interface FormView {
  s: ConsentStrings;
  c: CommonStrings;
  lang: Locale;
  form: ConsentFormState;
  errors: Record<string, string>;
  submitting: boolean;
  drawState: DrawState;
  intent: string;
  set(patch: Partial<ConsentFormState>): void;
  submit(event: Event): void;
  clearDrawing(): void;
}

const val = (e: Event) => (e.target as HTMLInputElement).value;

export function error(v: FormView, key: string) {
  const message = v.errors[key];
  return message ? html`<p class="error" id="e-${key}" part="error">${message}</p>` : nothing;
}

function describedBy(v: FormView, key: string, hint?: string) {
  const ids = [hint ? `h-${key}` : '', v.errors[key] ? `e-${key}` : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

interface FieldOptions {
  type?: string;
  autocomplete?: string;
  hint?: string;
  optional?: boolean;
  multiline?: boolean;
}

export function field(v: FormView, key: keyof ConsentFormState & string, label: string, o: FieldOptions = {}): TemplateResult {
  const value = String(v.form[key] ?? '');
  const onInput = (e: Event) => v.set({ [key]: val(e) } as Partial<ConsentFormState>);
  const invalid = v.errors[key] ? 'true' : nothing;
  return html`<div class="field">
    <label for="f-${key}">${label}${o.optional ? html`<span class="optional">${v.s.optional}</span>` : nothing}</label>
    ${o.multiline
      ? html`<textarea id="f-${key}" rows="3" .value=${value} @input=${onInput} aria-invalid=${invalid}
          aria-describedby=${describedBy(v, key, o.hint)}></textarea>`
      : html`<input id="f-${key}" type=${o.type ?? 'text'} autocomplete=${o.autocomplete ?? nothing} .value=${value}
          @input=${onInput} ?required=${!o.optional} aria-invalid=${invalid} aria-describedby=${describedBy(v, key, o.hint)} />`}
    ${o.hint ? html`<p class="hint" id="h-${key}">${o.hint}</p>` : nothing} ${error(v, key)}
  </div>`;
}

function radio(name: string, label: string, checked: boolean, onChange: () => void, describedby: string | typeof nothing = nothing) {
  return html`<label class="choice"
    ><input type="radio" name=${name} .checked=${checked} @change=${onChange} aria-describedby=${describedby} /> ${label}</label
  >`;
}

function scopeChoice(v: FormView, id: string) {
  const key = `scope-${id}`;
  const choice = v.form.choices[id];
  const choose = (allowed: boolean) => () => v.set({ choices: { ...v.form.choices, [id]: allowed } });
  const desc = v.errors[key] ? `e-${key}` : nothing;
  return html`<fieldset class="scope" part="scope">
    <legend>${scopeLabel(id, v.lang)}</legend>
    ${radio(key, v.s.allow, choice === true, choose(true), desc)} ${radio(key, v.s.deny, choice === false, choose(false), desc)}
    ${error(v, key)}
  </fieldset>`;
}

function signatureBlock(v: FormView) {
  const { s, form } = v;
  return html`<fieldset class="group">
    <legend>${s.signatureLegend}</legend>
    ${radio('method', s.signatureTyped, form.method === 'typed', () => v.set({ method: 'typed' }))}
    ${radio('method', s.signatureDrawn, form.method === 'drawn', () => v.set({ method: 'drawn' }))}
    ${field(v, 'typedName', s.typedNameLabel, { hint: s.typedNameHint, autocomplete: 'name' })}
    ${form.method === 'drawn'
      ? html`<div class="draw">
          <p class="hint" id="h-drawn">${s.drawHint}</p>
          <canvas part="signature-pad" role="img" aria-label=${s.drawLabel} aria-describedby="h-drawn" ?hidden=${v.drawState !== 'ready'}></canvas>
          ${v.drawState === 'loading' ? html`<p class="hint">${s.drawLoading}</p>` : nothing}
          ${v.drawState === 'failed' ? html`<p class="error">${s.drawFailed}</p>` : nothing}
          ${v.drawState === 'ready' ? html`<button type="button" @click=${v.clearDrawing}>${s.clearDrawing}</button>` : nothing}
          ${error(v, 'drawn')}
        </div>`
      : nothing}
  </fieldset>`;
}

export function sendBlock(v: FormView, label: string) {
  return html`<div class="send">
    ${v.intent ? html`<p id="intent" class="intent" part="intent">${v.intent}</p>` : nothing}
    <button type="submit" class="primary" part="submit" ?disabled=${v.submitting} aria-describedby=${v.intent ? 'intent' : nothing}>
      ${label}
    </button>
  </div>`;
}

/** The grant/decline form for a consent request. */
export function renderSignForm(v: FormView, req: ConsentRequest): TemplateResult {
  const { s, form } = v;
  const grant = form.decision === 'grant';
  const decline = form.decision === 'decline';
  const desc = v.errors.decision ? 'e-decision' : nothing;
  return html`<form part="form" aria-label=${s.formLabel} novalidate @submit=${v.submit}>
    <fieldset class="group">
      <legend>${s.decisionLegend}</legend>
      ${radio('decision', s.decisionGrant, grant, () => v.set({ decision: 'grant' }), desc)}
      ${radio('decision', s.decisionDecline, decline, () => v.set({ decision: 'decline' }), desc)} ${error(v, 'decision')}
    </fieldset>
    ${grant
      ? html`<fieldset class="group" aria-describedby="h-scopes">
            <legend>${s.scopesLegend}</legend>
            <p class="hint" id="h-scopes">${s.scopesHint}</p>
            ${req.scopes.map((id) => scopeChoice(v, id))} ${error(v, 'scopes')}
          </fieldset>
          ${field(v, 'constraints', s.constraintsLabel, { optional: true, multiline: true, hint: s.constraintsHint })}`
      : nothing}
    ${decline ? field(v, 'declineReason', s.declineReasonLabel, { optional: true, multiline: true }) : nothing}
    <fieldset class="group">
      <legend>${s.signerLegend}</legend>
      <p class="company">${s.companyLabel(req.customer.company)}</p>
      ${field(v, 'name', s.nameLabel, { autocomplete: 'name' })}
      ${field(v, 'title', s.titleLabel, { optional: true, autocomplete: 'organization-title' })}
      ${field(v, 'email', s.emailLabel, { type: 'email', autocomplete: 'email' })}
    </fieldset>
    ${signatureBlock(v)} ${sendBlock(v, grant ? s.submitGrant : decline ? s.submitDecline : s.submit)}
  </form>`;
}
