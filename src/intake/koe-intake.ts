// <koe-intake>: the one-minute voice-of-customer form.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { OutboxController } from '../shared/outbox-controller.js';
import type { EnqueueResult, OutboxItem } from '../core/outbox.js';
import type { HeadersInput } from '../core/transport.js';
import { checkEndpoint, type EndpointCheck } from '../core/endpoint.js';
import { checkTags, contextKey, misconfigured, resolveContext, type KoeContext, type KoeContextInput, type KoeTag, type TagsCheck } from '../core/config.js';
import { DraftStore } from '../core/drafts.js';
import { emit, type KoeConfigErrorDetail } from '../core/events.js';
import { newId } from '../core/ids.js';
import type { IntakeSubmission } from '../core/schemas.js';
import { TEXT_LIMITS, countGraphemes } from '../core/text.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { LocaleController, settled } from '../shared/locale-controller.js';
import { intakePack, type IntakePack } from './strings.js';
import { loadValidator, loadedValidator } from './validator.js';
import { ImeGuard, isImplicitSubmit, isSubmitShortcut } from './keyboard.js';
import { buildPayload, fieldForPath, type FieldErrors, type IntakeFormValue, type IntakePrefill } from './payload.js';
import { freshForm, rememberChannel } from './form-state.js';
import { renderFields } from './fields.js';
import { lazy, Parts } from '../shared/lazy.js';
import { styles } from './koe-intake.styles.js';

// Only once something waits in the outbox: fetched after the first render, so the form shows without it.
const outboxView = lazy(() => import('./outbox-view.js'));
// Only when the host misconfigured the form: the wording of the problem.
const configView = lazy(() => import('../shared/config-problem.js'));

export type IntakeState = 'empty' | 'editing' | 'invalid' | 'submitting' | 'sent' | 'queued' | 'needs-attention' | 'config-error';

/**
 * The one-minute voice-of-customer form for CRM record pages.
 *
 * @summary Files a customer's words with tags, channel, permission and the CRM context; delivers through the outbox.
 *
 * @fires {KoeEvent<'koe-submit'>} koe-submit - Cancelable; before anything is stored or sent. `detail.payload` is the submission.
 * @fires {KoeEvent<'koe-queued'>} koe-queued - Stored; the first attempt did not deliver.
 * @fires {KoeEvent<'koe-sent'>} koe-sent - The endpoint answered 2xx.
 * @fires {KoeEvent<'koe-failed'>} koe-failed - An attempt failed; `detail.retrying` says whether it will be retried.
 * @fires {KoeEvent<'koe-needs-attention'>} koe-needs-attention - The endpoint refused it (4xx); kept for edit-and-resend.
 * @fires {KoeEvent<'koe-auth-required'>} koe-auth-required - 401/403: refresh the token in `headers`, then retry.
 * @fires {KoeEvent<'koe-draft-restored'>} koe-draft-restored - A saved draft was put back into the form.
 * @fires {KoeEvent<'koe-config-error'>} koe-config-error - `endpoint`, `format` or `tags` is not usable; the form shows why.
 *
 * @csspart base - The outer container.
 * @csspart context - The read-only CRM context line.
 * @csspart field - Each field wrapper.
 * @csspart textarea - The customer's words.
 * @csspart counter - The live character count.
 * @csspart chip - Each tag chip; `chip--pressed` when selected.
 * @csspart submit - The send button.
 * @csspart status - The live region that announces each state.
 * @csspart confirmation - The sent/queued confirmation.
 * @csspart outbox - The outbox status line.
 * @csspart config-error - The configuration error box.
 * @csspart warning - The offline-safety-off warning.
 *
 * @cssprop --koe-font-family - Font stack.
 * @cssprop --koe-font-size - Base font size.
 * @cssprop --koe-radius - Corner radius.
 * @cssprop --koe-spacing - Base spacing.
 * @cssprop --koe-color-text - Text colour.
 * @cssprop --koe-color-muted - Secondary text colour.
 * @cssprop --koe-color-surface - Background colour.
 * @cssprop --koe-color-border - Border colour.
 * @cssprop --koe-color-accent - Buttons, pressed chips.
 * @cssprop --koe-color-on-accent - Text on accent.
 * @cssprop --koe-color-danger - Errors.
 * @cssprop --koe-color-success - Sent confirmation.
 * @cssprop --koe-color-warning - Queued and offline-safety warnings.
 * @cssprop --koe-focus-ring - Focus outline colour.
 */
export class KoeIntake extends LitElement {
  static override styles = styles;
  /** Reactive properties and internal state (declared here rather than with decorators: smaller bundles). */
  static override properties = {
    endpoint: {},
    format: {},
    locale: {},
    autofocus: { type: Boolean },
    companyId: { attribute: 'company-id' },
    companyName: { attribute: 'company-name' },
    contactName: { attribute: 'contact-name' },
    dealId: { attribute: 'deal-id' },
    dealStage: { attribute: 'deal-stage' },
    leadSource: { attribute: 'lead-source' },
    reporterId: { attribute: 'reporter-id' },
    reporterName: { attribute: 'reporter-name' },
    context: { attribute: false },
    tags: { attribute: false },
    headers: { attribute: false },
    prefill: { attribute: false },
    state: { reflect: true },
    form: { state: true },
    errors: { state: true },
    phase: { state: true },
    message: { state: true },
    serverMessage: { state: true },
    editing: { state: true },
    confirmingDiscard: { state: true },
    tagFocus: { state: true },
    draftProblem: { state: true },
  };
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private readonly outbox = new OutboxController(this, { type: 'koe.intake.v1' });
  private readonly ime = new ImeGuard();
  private readonly i18n = new LocaleController(this, intakePack);

  private get textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  private get confirmation(): HTMLElement | null {
    return this.renderRoot.querySelector('.confirmation');
  }

  private form: IntakeFormValue = freshForm(undefined, {});
  private errors: FieldErrors = {};
  private phase: 'form' | 'submitting' | 'sent' | 'queued' = 'form';
  private message = '';
  private serverMessage = '';
  private editing?: OutboxItem;
  private confirmingDiscard?: string;
  private tagFocus = 0;
  private draftProblem = false;

  /** Where to POST: an https: URL, a same-origin path, or http://localhost. */
  endpoint = '';
  /** `json` (default) or `cloudevents`. */
  format = 'json';
  /** `ja` or `en`; default from the nearest `lang`, then the browser. */
  locale?: string;
  /** Focus the text box on load. Off by default: the form never steals focus from the host page. */
  override autofocus = false;
  companyId?: string;
  companyName?: string;
  contactName?: string;
  dealId?: string;
  dealStage?: string;
  leadSource?: string;
  reporterId?: string;
  reporterName?: string;
  /** The whole CRM context as an object (wins per field over attributes); unknown keys go to `custom`. */
  context?: KoeContextInput;
  /** The tag vocabulary: `[{ id, label: { ja, en } }]`. Defaults to the shared vocabulary. */
  tags?: KoeTag[];
  /** Request headers: an object or a (possibly async) function called at send time. Never stored. */
  headers?: HeadersInput;
  /** Prefills the form, e.g. `{ text, fromSelection: true, pageUrl, pageTitle }` from <koe-snippet>. */
  prefill?: IntakePrefill;
  /** The current state, for styling (`:host([state='sent'])`) and tests. Read-only. */
  state: IntakeState = 'empty';

  private ctx: KoeContext = { custom: {} };
  private endpointCheck: EndpointCheck = { ok: false, reason: 'missing', detail: '' };
  private tagsCheck: TagsCheck = checkTags(undefined);
  private loc: Locale = 'en';
  private configProblem?: KoeConfigErrorDetail;
  /** The form cannot send (endpoint, format or tags); `configError` words it once the wording is here. */
  private blocked = false;
  private configError = '';
  private reportedConfigError = '';
  private drafts?: DraftStore<IntakeFormValue>;
  private dirty = false;
  private readonly parts = new Parts(this);

  override willUpdate(changed: PropertyValues<this>): void {
    this.loc = resolveLocale(this.locale, this);
    const t = this.i18n.use(this.loc);
    this.ctx = resolveContext(
      {
        companyId: this.companyId, companyName: this.companyName, contactName: this.contactName, dealId: this.dealId,
        dealStage: this.dealStage, leadSource: this.leadSource, reporterId: this.reporterId, reporterName: this.reporterName,
      },
      this.context,
    );
    this.endpointCheck = checkEndpoint(this.endpoint);
    if (changed.has('tags')) this.tagsCheck = checkTags(this.tags);
    const tagsProblem = this.tagsCheck.ok ? undefined : this.tagsCheck.reason;
    this.blocked = misconfigured(this.endpointCheck, this.format, tagsProblem);
    if (this.blocked) this.parts.need(configView);
    const words = this.blocked && t && configView.get();
    this.configProblem = words ? words.configProblem(t.lang, this.endpointCheck, this.format, tagsProblem) : undefined;
    this.configError = this.configProblem?.message ?? '';
    if ((changed.has('prefill') || !this.hasUpdated) && !this.dirty) this.form = freshForm(this.prefill, this.ctx);
    this.state = this.computeState();
    const { waiting, attention } = this.outbox.counts;
    // Offline before the view arrived: the form still works, without the list.
    if (waiting + attention > 0 || this.editing) this.parts.need(outboxView);
  }

  /** The current strings; only read once they have arrived (render and updated() check first). */
  private get t(): IntakePack {
    return this.i18n.value!;
  }

  /** Also waits for a locale that is still being fetched, so `await el.updateComplete` sees the new copy. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), () => this.i18n.pending ?? this.parts.pending);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadValidator();
    void outboxView.load().catch(() => undefined);
  }

  override firstUpdated(): void {
    if (this.autofocus) this.textarea?.focus();
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.i18n.value) return;
    if (changed.has('endpoint') || changed.has('headers')) {
      this.outbox.registerHeaders();
      if (changed.get('endpoint') !== undefined) void this.outbox.refresh();
    }
    if (this.configProblem && this.configError !== this.reportedConfigError) emit(this, 'koe-config-error', this.configProblem);
    this.reportedConfigError = this.configError;
    if (this.endpointCheck.ok) void this.openDrafts(this.endpointCheck.url);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Keep what was typed: write the pending draft now rather than after the debounce.
    this.drafts?.flush().catch(() => undefined);
  }

  private readonly handleChange = (patch: Partial<IntakeFormValue>): void => {
    this.form = { ...this.form, ...patch };
    this.dirty = true;
    if (patch.channel) rememberChannel(this.ctx, patch.channel);
    for (const key of Object.keys(patch)) if (key in this.errors) this.errors = { ...this.errors, [key]: undefined };
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([, v]) => v)) as FieldErrors;
    this.drafts?.save(this.form);
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    const submitKey = isSubmitShortcut(event) || isImplicitSubmit(event);
    if (!submitKey) return;
    // The browser's own implicit submission is replaced by ours, so the IME guard covers it too.
    event.preventDefault();
    if (this.ime.isImeKey(event)) return;
    void this.submit();
  };

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.submit();
  };

  private readonly handleFileAnother = (): void => {
    this.reset();
    void this.updateComplete.then(() => this.textarea?.focus());
  };

  private readonly handleEdit = (item: OutboxItem): void => {
    this.editing = item;
    this.serverMessage = item.lastError?.message ?? '';
    this.phase = 'form';
    // The edit button is drawn by the outbox view, so the view is here.
    this.form = { ...this.form, ...outboxView.get()?.formFor(item) };
    void this.updateComplete.then(() => this.textarea?.focus());
  };

  private readonly handleCancelEdit = (): void => {
    this.editing = undefined;
    this.serverMessage = '';
    this.reset();
  };

  /** Validates and sends (or queues) the form. Resolves with what happened; never throws into the host page. */
  private computeState(): IntakeState {
    if (this.blocked) return 'config-error';
    if (this.phase !== 'form') return this.phase;
    if (this.editing) return 'needs-attention';
    if (Object.keys(this.errors).length > 0) return 'invalid';
    return this.form.text.trim() === '' ? 'empty' : 'editing';
  }

  private async openDrafts(endpointUrl: string): Promise<void> {
    const key = `koe-intake|${contextKey(endpointUrl, this.ctx)}${this.prefill?.fromSelection ? '|selection' : ''}`;
    if (this.drafts?.key === key) return;
    this.drafts = new DraftStore<IntakeFormValue>(key);
    this.drafts.onError = () => (this.draftProblem = true);
    // A prefilled selection is fresh material; it must not be overwritten by an older draft.
    if (this.prefill?.text) return;
    const drafts = this.drafts;
    const saved = await drafts.load().catch(() => undefined);
    if (!saved || this.dirty || this.drafts !== drafts) return;
    this.form = { ...freshForm(this.prefill, this.ctx), ...saved.value };
    this.message = this.t.s.draftRestored;
    emit(this, 'koe-draft-restored', { savedAt: saved.savedAt });
  }

  /** Edit-and-resend keeps the id (and so the Idempotency-Key); the outcome is read back from the outbox. */
  private async resend(original: OutboxItem, payload: IntakeSubmission): Promise<EnqueueResult> {
    await this.outbox.update(original.id, payload);
    await this.outbox.refresh();
    const item = this.outbox.items.find((i) => i.id === original.id);
    if (!item) return { status: 'sent', persistent: this.outbox.persistent, item: original };
    return { status: item.state === 'needs-attention' ? 'needs-attention' : 'queued', persistent: this.outbox.persistent, item };
  }

  private showAttention(item: OutboxItem): void {
    const { c } = this.t;
    this.editing = item;
    this.serverMessage = item.lastError?.message ?? '';
    this.message = item.lastError?.reason === 'auth' ? c.authRequired : c.needsAttention;
    const fields: FieldErrors = {};
    for (const f of item.lastError?.fields ?? []) fields[fieldForPath(f.path)] ??= f.message;
    this.errors = fields;
  }

  async submit(): Promise<'sent' | 'queued' | 'needs-attention' | 'cancelled' | 'invalid' | 'config-error'> {
    // Called right after a property change (e.g. `locale`): let the update run and the strings arrive first.
    if (this.isUpdatePending || this.i18n.pending || !this.i18n.value) await this.updateComplete;
    const { s, c } = this.t;
    if (this.blocked || !this.endpointCheck.ok) {
      this.message = this.configError;
      return 'config-error';
    }
    if (this.phase === 'submitting') return 'cancelled';
    const fresh = buildPayload({ id: this.editing?.id ?? newId(), locale: this.loc, form: this.form, context: this.ctx, prefill: this.prefill });
    const view = this.editing && (outboxView.get() ?? (await outboxView.load().catch(() => undefined)));
    const payload = this.editing && view ? view.mergeResend(this.editing.payload as IntakeSubmission, fresh) : fresh;
    const validate = loadedValidator() ?? (await loadValidator());
    this.errors = validate(payload, c, s);
    const invalid = Object.keys(this.errors).length;
    if (invalid > 0) {
      this.message = this.form.text.trim() === '' && invalid === 1 && this.errors.text ? s.empty : c.fixFields(invalid);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return 'invalid';
    }
    this.phase = 'submitting';
    this.message = c.sending;
    try {
      const result = this.editing
        ? await this.resend(this.editing, payload)
        : await this.outbox.submit(payload, { id: payload.id, endpoint: this.endpointCheck.url, format: this.format as 'json' });
      if (result === 'cancelled') {
        this.phase = 'form';
        this.message = s.cancelled;
        return 'cancelled';
      }
      if (result.status === 'needs-attention') {
        this.phase = 'form';
        this.showAttention(result.item);
        return 'needs-attention';
      }
      this.phase = result.status;
      this.message = result.status === 'sent' ? s.sentTitle : result.persistent ? s.queuedTitle : c.queuedMemoryOnly;
      this.editing = undefined;
      this.serverMessage = '';
      this.dirty = false;
      rememberChannel(this.ctx, this.form.channel);
      await this.drafts?.clear().catch(() => undefined);
      await this.updateComplete;
      this.confirmation?.focus();
      return result.status;
    } catch (error) {
      this.phase = 'form';
      this.message = error instanceof Error ? error.message : String(error);
      return 'needs-attention';
    }
  }

  /** Clears the form for the next voice; keeps the CRM context, channel and kind. */
  reset(): void {
    const { channel, kind } = this.form;
    this.form = { ...freshForm(undefined, this.ctx), channel, kind };
    this.errors = {};
    this.phase = 'form';
    this.message = this.t.s.empty;
    this.editing = undefined;
    this.serverMessage = '';
    this.dirty = false;
  }

  override render() {
    if (!this.i18n.value) return nothing;
    const { s, c } = this.t;
    return html`<div part="base" class="base" lang=${this.t.lang}>
      ${this.configError
        ? html`<div part="config-error" class="config-error" role="alert">
            <p class="config-title">${configView.get()!.configTitle(this.t.lang)}</p>
            <p>${this.configError}</p>
          </div>`
        : nothing}
      ${this.outbox.persistent === false ? html`<p part="warning" class="warning">${s.offlineSafetyOff}</p>` : nothing}
      ${this.outbox.expiringCount ? html`<p part="warning" class="warning">${s.expiring(this.outbox.expiringCount)}</p>` : nothing}
      ${this.draftProblem ? html`<p part="warning" class="warning">${s.draftSaveFailed}</p>` : nothing}
      ${this.phase === 'sent' || this.phase === 'queued' ? this.renderConfirmation() : this.renderForm()}
      <p part="status" class="status" role="status">${this.message}</p>
      ${outboxView.get()?.renderOutbox({
        items: this.outbox.items, counts: this.outbox.counts, common: c, strings: s, confirmingDiscard: this.confirmingDiscard,
        onRetry: (id) => void this.outbox.retry(id),
        onEdit: this.handleEdit,
        onDiscard: (id) => {
          this.confirmingDiscard = undefined;
          if (this.editing?.id === id) this.handleCancelEdit();
          void this.outbox.discard(id);
        },
        onConfirmDiscard: (id) => (this.confirmingDiscard = id),
      })}
    </div>`;
  }

  private renderConfirmation() {
    const { s } = this.t;
    return html`<div part="confirmation" class="confirmation ${this.phase}" tabindex="-1">
      <p class="confirmation-title">${this.message}</p>
      <button type="button" class="primary" @click=${this.handleFileAnother}>${s.fileAnother}</button>
    </div>`;
  }

  private renderForm() {
    const { s, c } = this.t;
    return html`<form
      novalidate
      aria-label=${s.formLabel}
      @submit=${this.handleSubmit}
      @keydown=${this.handleKeydown}
      @compositionstart=${this.ime.handleCompositionStart}
      @compositionend=${this.ime.handleCompositionEnd}
    >
      ${renderFields({
        form: this.form, errors: this.errors, ctx: this.ctx, locale: this.t.lang, strings: s,
        tags: this.tagsCheck.ok ? this.tagsCheck.tags : [], tagFocus: this.tagFocus, fromSelection: this.prefill?.fromSelection === true,
        count: countGraphemes(this.form.text), max: TEXT_LIMITS.voice,
        onChange: this.handleChange, onTagFocus: (i) => (this.tagFocus = i), host: this,
      })}
      ${this.editing
        ? html`<div class="attention" role="group" aria-label=${s.editing}>
            <p>${s.editing}</p>
            ${this.serverMessage ? html`<p class="error">${c.serverSaid(this.serverMessage)}</p>` : nothing}
          </div>`
        : nothing}
      <div class="actions">
        <button part="submit" class="primary" type="submit" ?disabled=${this.blocked || this.phase === 'submitting'} aria-describedby="shortcut">
          ${this.editing ? s.resend : s.submit}
        </button>
        ${this.editing ? html`<button type="button" @click=${this.handleCancelEdit}>${s.cancelEdit}</button>` : nothing}
        <p id="shortcut" class="hint">${s.submitShortcut}</p>
      </div>
    </form>`;
  }
}

