// The form of <koe-intake>, in the focus order of the one-minute path: words, tags, then the rest; the buttons last.
import { html, nothing, type TemplateResult } from 'lit';
import { CHANNELS, PERMISSIONS, VOICE_KINDS } from './vocab.js';
import type { KoeContext, KoeTag } from '../core/config.js';
import { TEXT_LIMITS, countGraphemes } from '../core/text.js';
import type { IntakePack } from './strings.js';
import type { ImeGuard } from './keyboard.js';
import type { FieldErrors, IntakeFormValue, VoiceKind } from './payload.js';
import { renderChips } from './chips.js';
import { renderContextLine } from './context-line.js';

/** What the form templates need from the element: its state, its strings and the handlers that change it. */
export interface FormView {
  t: IntakePack;
  form: IntakeFormValue;
  errors: FieldErrors;
  context: KoeContext;
  tags: readonly KoeTag[];
  tagFocus: number;
  fromSelection: boolean;
  /** The send button is disabled (misconfigured, or sending). */
  busy: boolean;
  /** The fields after the words (tags, kind, channel, permission, contact) are drawn: false in the first render only. */
  restOfForm: boolean;
  /** Edit-and-resend of a refused submission: the box above the buttons and their wording (from the outbox view). */
  attention: TemplateResult | undefined;
  resend: string | undefined;
  cancelEdit: string | undefined;
  host: HTMLElement & { renderRoot: ParentNode };
  ime: ImeGuard;
  onChange: (patch: Partial<IntakeFormValue>) => void;
  onTagFocus: (index: number) => void;
  onSubmit: (event: SubmitEvent) => void;
  onKeydown: (event: KeyboardEvent) => void;
  onCancelEdit: () => void;
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

function error(id: string, message: string | undefined) {
  return message ? html`<p id=${id} class="error">${message}</p>` : nothing;
}

function textInput(view: FormView, name: 'contactName' | 'contactTitle' | 'companyName' | 'reporterName', label: string, autocomplete: string) {
  const err = view.errors[name];
  return html`<div part="field" class="field">
    <label for=${name}>${label} <span class="optional">（${view.t.s.optional}）</span></label>
    <input
      id=${name}
      name=${name}
      autocomplete=${autocomplete}
      .value=${view.form[name]}
      aria-invalid=${!!err}
      aria-describedby=${err ? `${name}-error` : nothing}
      @input=${(e: Event) => view.onChange({ [name]: value(e) })}
    />
    ${error(`${name}-error`, err)}
  </div>`;
}

function select<K extends 'channel' | 'permission'>(view: FormView, name: K, label: string, options: readonly IntakeFormValue[K][], labels: Record<IntakeFormValue[K], string>) {
  return html`<div part="field" class="field">
    <label for=${name}>${label}</label>
    <select id=${name} name=${name} @change=${(e: Event) => view.onChange({ [name]: value(e) })}>
      ${options.map((option) => html`<option .value=${option} ?selected=${view.form[name] === option}>${labels[option]}</option>`)}
    </select>
  </div>`;
}

function renderFields(view: FormView): TemplateResult {
  const { s } = view.t;
  const count = countGraphemes(view.form.text);
  const max = TEXT_LIMITS.voice;
  const over = count > max;
  return html`
    ${renderContextLine(view.context, s, view.fromSelection)} ${error('context-error', view.errors.context)}
    <div part="field" class="field">
      <label for="text">${s.voiceLabel}</label>
      <textarea
        part="textarea"
        id="text"
        name="text"
        rows="4"
        required
        .value=${view.form.text}
        aria-invalid=${!!view.errors.text || over}
        aria-describedby="text-hint text-count${view.errors.text ? ' text-error' : ''}"
        @input=${(e: Event) => view.onChange({ text: value(e) })}
      ></textarea>
      <div class="below">
        <p id="text-hint" class="hint">${s.voiceHint(max)}</p>
        <p id="text-count" part="counter" class="counter ${over ? 'over' : ''}">${s.characterCount(count, max)}</p>
      </div>
      ${error('text-error', view.errors.text)}
    </div>
    ${view.restOfForm ? renderRestOfForm(view) : nothing}
  `;
}

/** What follows the words on the one-minute path: tags, kind, channel and permission, the contact, and what the context lacks. */
function renderRestOfForm(view: FormView): TemplateResult {
  const { s } = view.t;
  const askCompany = !view.context.companyName && !view.context.companyId;
  const askReporter = !view.context.reporterName && !view.context.reporterId;
  return html`
    <fieldset class="field tags">
      <legend id="tags-legend">${s.tagsLegend}</legend>
      ${renderChips(view)}
      <p id="tags-hint" class="hint">${s.tagsHint}</p>
      ${error('tags-error', view.errors.tags)}
    </fieldset>
    <fieldset class="field kinds">
      <legend>${s.kindLegend}</legend>
      ${VOICE_KINDS.map(
        (kind) => html`<label class="radio">
          <input type="radio" name="kind" .value=${kind} .checked=${view.form.kind === kind} @change=${() => view.onChange({ kind: kind as VoiceKind })} />
          ${s.kinds[kind]}
        </label>`,
      )}
    </fieldset>
    <div class="row">
      ${select(view, 'channel', s.channelLabel, CHANNELS, s.channels)} ${select(view, 'permission', s.permissionLabel, PERMISSIONS, s.permissions)}
    </div>
    <div class="row">
      ${textInput(view, 'contactName', s.contactNameLabel, 'off')} ${textInput(view, 'contactTitle', s.contactTitleLabel, 'off')}
    </div>
    ${askCompany || askReporter
      ? html`<div class="row">
          ${askCompany ? textInput(view, 'companyName', s.companyNameLabel, 'organization') : nothing}
          ${askReporter ? textInput(view, 'reporterName', s.reporterNameLabel, 'name') : nothing}
        </div>`
      : nothing}
  `;
}

/** The form: fields, then (while a refused submission is edited) the attention box, then the buttons. */
export function renderForm(view: FormView): TemplateResult {
  const { s } = view.t;
  const editing = !!view.attention;
  return html`<form
    novalidate
    aria-label=${s.formLabel}
    @submit=${view.onSubmit}
    @keydown=${view.onKeydown}
    @compositionstart=${view.ime.handleCompositionStart}
    @compositionend=${view.ime.handleCompositionEnd}
  >
    ${renderFields(view)} ${view.attention ?? nothing}
    <div class="actions">
      <button part="submit" class="primary" type="submit" ?disabled=${view.busy} aria-describedby="shortcut">${editing ? view.resend : s.submit}</button>
      ${editing ? html`<button type="button" @click=${view.onCancelEdit}>${view.cancelEdit}</button>` : nothing}
      <p id="shortcut" class="hint">${s.submitShortcut}</p>
    </div>
  </form>`;
}
