// Form templates for signing (withdrawing is in withdraw-form.ts). Everything from the request is bound as text.
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentRequest } from '../core/schemas.js';
import type { CommonStrings } from '../i18n/common.js';
import type { ConsentStrings } from '../i18n/consent.js';
import type { Locale } from '../i18n/locale.js';
import type { ConsentFormState, DrawState } from './consent-form-state.js';
import { scopeLabel } from './scopes.js';

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
  onChange(patch: Partial<ConsentFormState>): void;
  onSubmit(event: Event): void;
  onClearDrawing(): void;
}

const inputValue = (e: Event) => (e.target as HTMLInputElement).value;

export function error(view: FormView, key: string) {
  const message = view.errors[key];
  return message ? html`<p class="error" id="e-${key}" part="error">${message}</p>` : nothing;
}

function describedBy(view: FormView, key: string, hint?: string) {
  const ids = [hint ? `h-${key}` : '', view.errors[key] ? `e-${key}` : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

interface FieldOptions {
  type?: string;
  autocomplete?: string;
  hint?: string;
  optional?: boolean;
  multiline?: boolean;
}

export function field(view: FormView, key: keyof ConsentFormState & string, label: string, options: FieldOptions = {}): TemplateResult {
  const value = String(view.form[key] ?? '');
  const onInput = (e: Event) => view.onChange({ [key]: inputValue(e) } as Partial<ConsentFormState>);
  const invalid = view.errors[key] ? 'true' : nothing;
  return html`<div class="field">
    <label for="f-${key}">${label}${options.optional ? html`<span class="optional">${view.s.optional}</span>` : nothing}</label>
    ${options.multiline
      ? html`<textarea id="f-${key}" rows="3" .value=${value} @input=${onInput} aria-invalid=${invalid}
          aria-describedby=${describedBy(view, key, options.hint)}></textarea>`
      : html`<input id="f-${key}" type=${options.type ?? 'text'} autocomplete=${options.autocomplete ?? nothing} .value=${value}
          @input=${onInput} ?required=${!options.optional} aria-invalid=${invalid} aria-describedby=${describedBy(view, key, options.hint)} />`}
    ${options.hint ? html`<p class="hint" id="h-${key}">${options.hint}</p>` : nothing} ${error(view, key)}
  </div>`;
}

function radio(name: string, label: string, checked: boolean, onChange: () => void, describedby: string | typeof nothing = nothing) {
  return html`<label class="choice"
    ><input type="radio" name=${name} .checked=${checked} @change=${onChange} aria-describedby=${describedby} /> ${label}</label
  >`;
}

function scopeChoice(view: FormView, id: string) {
  const key = `scope-${id}`;
  const choice = view.form.choices[id];
  const choose = (allowed: boolean) => () => view.onChange({ choices: { ...view.form.choices, [id]: allowed } });
  const desc = view.errors[key] ? `e-${key}` : nothing;
  return html`<fieldset class="scope" part="scope">
    <legend>${scopeLabel(id, view.lang)}</legend>
    ${radio(key, view.s.allow, choice === true, choose(true), desc)} ${radio(key, view.s.deny, choice === false, choose(false), desc)}
    ${error(view, key)}
  </fieldset>`;
}

function signatureBlock(view: FormView) {
  const { s, form } = view;
  return html`<fieldset class="group">
    <legend>${s.signatureLegend}</legend>
    ${radio('method', s.signatureTyped, form.method === 'typed', () => view.onChange({ method: 'typed' }))}
    ${radio('method', s.signatureDrawn, form.method === 'drawn', () => view.onChange({ method: 'drawn' }))}
    ${field(view, 'typedName', s.typedNameLabel, { hint: s.typedNameHint, autocomplete: 'name' })}
    ${form.method === 'drawn'
      ? html`<div class="draw">
          <p class="hint" id="h-drawn">${s.drawHint}</p>
          <canvas part="signature-pad" role="img" aria-label=${s.drawLabel} aria-describedby="h-drawn" ?hidden=${view.drawState !== 'ready'}></canvas>
          ${view.drawState === 'loading' ? html`<p class="hint">${s.drawLoading}</p>` : nothing}
          ${view.drawState === 'failed' ? html`<p class="error">${s.drawFailed}</p>` : nothing}
          ${view.drawState === 'ready' ? html`<button type="button" @click=${view.onClearDrawing}>${s.clearDrawing}</button>` : nothing}
          ${error(view, 'drawn')}
        </div>`
      : nothing}
  </fieldset>`;
}

export function sendBlock(view: FormView, label: string) {
  return html`<div class="send">
    ${view.intent ? html`<p id="intent" class="intent" part="intent">${view.intent}</p>` : nothing}
    <button type="submit" class="primary" part="submit" ?disabled=${view.submitting} aria-describedby=${view.intent ? 'intent' : nothing}>
      ${label}
    </button>
  </div>`;
}

/** The send button says what it will send: a grant, a decline, or (nothing decided yet) just "send". */
function submitLabel(s: ConsentStrings, decision: ConsentFormState['decision']): string {
  if (decision === 'grant') return s.submitGrant;
  if (decision === 'decline') return s.submitDecline;
  return s.submit;
}

/** The grant/decline form for a consent request. */
export function renderSignForm(view: FormView, request: ConsentRequest): TemplateResult {
  const { s, form } = view;
  const grant = form.decision === 'grant';
  const decline = form.decision === 'decline';
  const desc = view.errors.decision ? 'e-decision' : nothing;
  return html`<form part="form" aria-label=${s.formLabel} novalidate @submit=${view.onSubmit}>
    <fieldset class="group">
      <legend>${s.decisionLegend}</legend>
      ${radio('decision', s.decisionGrant, grant, () => view.onChange({ decision: 'grant' }), desc)}
      ${radio('decision', s.decisionDecline, decline, () => view.onChange({ decision: 'decline' }), desc)} ${error(view, 'decision')}
    </fieldset>
    ${grant
      ? html`<fieldset class="group" aria-describedby="h-scopes">
            <legend>${s.scopesLegend}</legend>
            <p class="hint" id="h-scopes">${s.scopesHint}</p>
            ${request.scopes.map((id) => scopeChoice(view, id))} ${error(view, 'scopes')}
          </fieldset>
          ${field(view, 'constraints', s.constraintsLabel, { optional: true, multiline: true, hint: s.constraintsHint })}`
      : nothing}
    ${decline ? field(view, 'declineReason', s.declineReasonLabel, { optional: true, multiline: true }) : nothing}
    <fieldset class="group">
      <legend>${s.signerLegend}</legend>
      <p class="company">${s.companyLabel(request.customer.company)}</p>
      ${field(view, 'name', s.nameLabel, { autocomplete: 'name' })}
      ${field(view, 'title', s.titleLabel, { optional: true, autocomplete: 'organization-title' })}
      ${field(view, 'email', s.emailLabel, { type: 'email', autocomplete: 'email' })}
    </fieldset>
    ${signatureBlock(view)} ${sendBlock(view, submitLabel(s, form.decision))}
  </form>`;
}
