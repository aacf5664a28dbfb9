// The form of <koe-intake>, in the focus order of the one-minute path: words, tags, then the rest; the buttons last.
import { html, nothing, type TemplateResult } from 'lit';
import { CHANNELS, PERMISSIONS, VOICE_KINDS } from './vocab.js';
import type { KoeContext, KoeTag } from '../core/config.js';
import { TEXT_LIMITS, countGraphemes } from '../core/text.js';
import type { IntakePack } from './strings.js';
import type { ImeGuard } from './keyboard.js';
import type { FieldErrors, IntakeFormValue, VoiceKind } from './payload.js';
import { renderChips } from './chips.js';
import { renderContextLine } from './parts.js';

export interface FormOptions {
  t: IntakePack;
  form: IntakeFormValue;
  errors: FieldErrors;
  ctx: KoeContext;
  tags: readonly KoeTag[];
  tagFocus: number;
  fromSelection: boolean;
  /** The send button is disabled (misconfigured, or sending). */
  busy: boolean;
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

function textInput(o: FormOptions, name: 'contactName' | 'contactTitle' | 'companyName' | 'reporterName', label: string, autocomplete: string) {
  const err = o.errors[name];
  return html`<div part="field" class="field">
    <label for=${name}>${label} <span class="optional">（${o.t.s.optional}）</span></label>
    <input
      id=${name}
      name=${name}
      autocomplete=${autocomplete}
      .value=${o.form[name]}
      aria-invalid=${!!err}
      aria-describedby=${err ? `${name}-error` : nothing}
      @input=${(e: Event) => o.onChange({ [name]: value(e) })}
    />
    ${error(`${name}-error`, err)}
  </div>`;
}

function select<K extends 'channel' | 'permission'>(o: FormOptions, name: K, label: string, options: readonly IntakeFormValue[K][], labels: Record<IntakeFormValue[K], string>) {
  return html`<div part="field" class="field">
    <label for=${name}>${label}</label>
    <select id=${name} name=${name} @change=${(e: Event) => o.onChange({ [name]: value(e) })}>
      ${options.map((v) => html`<option .value=${v} ?selected=${o.form[name] === v}>${labels[v]}</option>`)}
    </select>
  </div>`;
}

function renderFields(o: FormOptions): TemplateResult {
  const { s } = o.t;
  const count = countGraphemes(o.form.text);
  const max = TEXT_LIMITS.voice;
  const askCompany = !o.ctx.companyName && !o.ctx.companyId;
  const askReporter = !o.ctx.reporterName && !o.ctx.reporterId;
  const over = count > max;
  return html`
    ${renderContextLine(o.ctx, s, o.fromSelection)} ${error('context-error', o.errors.context)}
    <div part="field" class="field">
      <label for="text">${s.voiceLabel}</label>
      <textarea
        part="textarea"
        id="text"
        name="text"
        rows="4"
        required
        .value=${o.form.text}
        aria-invalid=${!!o.errors.text || over}
        aria-describedby="text-hint text-count${o.errors.text ? ' text-error' : ''}"
        @input=${(e: Event) => o.onChange({ text: value(e) })}
      ></textarea>
      <div class="below">
        <p id="text-hint" class="hint">${s.voiceHint(max)}</p>
        <p id="text-count" part="counter" class="counter ${over ? 'over' : ''}">${s.characterCount(count, max)}</p>
      </div>
      ${error('text-error', o.errors.text)}
    </div>
    <fieldset class="field tags">
      <legend id="tags-legend">${s.tagsLegend}</legend>
      ${renderChips(o)}
      <p id="tags-hint" class="hint">${s.tagsHint}</p>
      ${error('tags-error', o.errors.tags)}
    </fieldset>
    <fieldset class="field kinds">
      <legend>${s.kindLegend}</legend>
      ${VOICE_KINDS.map(
        (kind) => html`<label class="radio">
          <input type="radio" name="kind" .value=${kind} .checked=${o.form.kind === kind} @change=${() => o.onChange({ kind: kind as VoiceKind })} />
          ${s.kinds[kind]}
        </label>`,
      )}
    </fieldset>
    <div class="row">
      ${select(o, 'channel', s.channelLabel, CHANNELS, s.channels)} ${select(o, 'permission', s.permissionLabel, PERMISSIONS, s.permissions)}
    </div>
    <div class="row">
      ${textInput(o, 'contactName', s.contactNameLabel, 'off')} ${textInput(o, 'contactTitle', s.contactTitleLabel, 'off')}
    </div>
    ${askCompany || askReporter
      ? html`<div class="row">
          ${askCompany ? textInput(o, 'companyName', s.companyNameLabel, 'organization') : nothing}
          ${askReporter ? textInput(o, 'reporterName', s.reporterNameLabel, 'name') : nothing}
        </div>`
      : nothing}
  `;
}

/** The form: fields, then (while a refused submission is edited) the attention box, then the buttons. */
export function renderForm(o: FormOptions): TemplateResult {
  const { s } = o.t;
  const editing = !!o.attention;
  return html`<form
    novalidate
    aria-label=${s.formLabel}
    @submit=${o.onSubmit}
    @keydown=${o.onKeydown}
    @compositionstart=${o.ime.handleCompositionStart}
    @compositionend=${o.ime.handleCompositionEnd}
  >
    ${renderFields(o)} ${o.attention ?? nothing}
    <div class="actions">
      <button part="submit" class="primary" type="submit" ?disabled=${o.busy} aria-describedby="shortcut">${editing ? o.resend : s.submit}</button>
      ${editing ? html`<button type="button" @click=${o.onCancelEdit}>${o.cancelEdit}</button>` : nothing}
      <p id="shortcut" class="hint">${s.submitShortcut}</p>
    </div>
  </form>`;
}
