// The fields of <koe-intake>, in the focus order of the one-minute path: words, tags, then the rest.
import { html, nothing, type TemplateResult } from 'lit';
import { CHANNELS, PERMISSIONS, VOICE_KINDS } from './vocab.js';
import type { KoeContext, KoeTag } from '../core/config.js';
import type { Locale } from '../i18n/locale.js';
import type { IntakeStrings } from '../i18n/intake.js';
import type { Channel, FieldErrors, IntakeFormValue, Permission, VoiceKind } from './payload.js';
import { renderChips, renderContextLine } from './parts.js';

export interface FieldsOptions {
  form: IntakeFormValue;
  errors: FieldErrors;
  ctx: KoeContext;
  locale: Locale;
  strings: IntakeStrings;
  tags: readonly KoeTag[];
  tagFocus: number;
  fromSelection: boolean;
  count: number;
  max: number;
  host: HTMLElement & { renderRoot: ParentNode };
  onChange: (patch: Partial<IntakeFormValue>) => void;
  onTagFocus: (index: number) => void;
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

function error(id: string, message: string | undefined) {
  return message ? html`<p id=${id} class="error">${message}</p>` : nothing;
}

function textInput(o: FieldsOptions, name: 'contactName' | 'contactTitle' | 'companyName' | 'reporterName', label: string, autocomplete: string) {
  const err = o.errors[name];
  return html`<div part="field" class="field">
    <label for=${name}>${label} <span class="optional">（${o.strings.optional}）</span></label>
    <input
      id=${name}
      name=${name}
      autocomplete=${autocomplete}
      .value=${o.form[name]}
      aria-invalid=${err ? 'true' : 'false'}
      aria-describedby=${err ? `${name}-error` : nothing}
      @input=${(e: Event) => o.onChange({ [name]: value(e) })}
    />
    ${error(`${name}-error`, err)}
  </div>`;
}

/** Arrow keys, Home/End move between chips; number keys 1–9 pick a chip directly (one key press). */
function chipKeydown(o: FieldsOptions) {
  return (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const buttons = Array.from(o.host.renderRoot.querySelectorAll<HTMLButtonElement>('.chip'));
    const n = buttons.length;
    const current = Math.max(0, buttons.indexOf(event.composedPath()[0] as HTMLButtonElement));
    let next: number | undefined;
    let toggle = false;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (current + 1) % n;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (current - 1 + n) % n;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = n - 1;
    else if (/^[1-9]$/.test(event.key) && Number(event.key) <= n) {
      next = Number(event.key) - 1;
      toggle = true;
    }
    if (next === undefined) return;
    event.preventDefault();
    o.onTagFocus(next);
    buttons[next]?.focus();
    const tag = o.tags[next];
    if (toggle && tag) toggleTag(o, tag.id);
  };
}

function toggleTag(o: FieldsOptions, id: string): void {
  const tags = o.form.tags.includes(id) ? o.form.tags.filter((t) => t !== id) : [...o.form.tags, id];
  o.onChange({ tags });
}

export function renderFields(o: FieldsOptions): TemplateResult {
  const s = o.strings;
  const askCompany = !o.ctx.companyName && !o.ctx.companyId;
  const askReporter = !o.ctx.reporterName && !o.ctx.reporterId;
  const over = o.count > o.max;
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
        aria-invalid=${o.errors.text || over ? 'true' : 'false'}
        aria-describedby="text-hint text-count${o.errors.text ? ' text-error' : ''}"
        @input=${(e: Event) => o.onChange({ text: value(e) })}
      ></textarea>
      <div class="below">
        <p id="text-hint" class="hint">${s.voiceHint(o.max)}</p>
        <p id="text-count" part="counter" class="counter ${over ? 'over' : ''}">${o.strings.characterCount(o.count, o.max)}</p>
      </div>
      ${error('text-error', o.errors.text)}
    </div>
    <fieldset class="field tags">
      <legend id="tags-legend">${s.tagsLegend}</legend>
      ${renderChips({
        tags: o.tags,
        selected: o.form.tags,
        locale: o.locale,
        focusIndex: Math.min(o.tagFocus, Math.max(0, o.tags.length - 1)),
        invalid: !!o.errors.tags,
        describedBy: o.errors.tags ? 'tags-hint tags-error' : 'tags-hint',
        onToggle: (id) => toggleTag(o, id),
        onKeydown: chipKeydown(o),
      })}
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
      <div part="field" class="field">
        <label for="channel">${s.channelLabel}</label>
        <select id="channel" name="channel" @change=${(e: Event) => o.onChange({ channel: value(e) as Channel })}>
          ${CHANNELS.map((c) => html`<option .value=${c} ?selected=${o.form.channel === c}>${s.channels[c]}</option>`)}
        </select>
      </div>
      <div part="field" class="field">
        <label for="permission">${s.permissionLabel}</label>
        <select id="permission" name="permission" @change=${(e: Event) => o.onChange({ permission: value(e) as Permission })}>
          ${PERMISSIONS.map((p) => html`<option .value=${p} ?selected=${o.form.permission === p}>${s.permissions[p]}</option>`)}
        </select>
      </div>
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
