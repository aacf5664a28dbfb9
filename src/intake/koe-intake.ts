// <koe-intake>: the one-minute voice-of-customer form.
import { LitElement, adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { OutboxController } from '../shared/outbox-controller.js';
import type { OutboxItem } from '../core/outbox.js';
import type { HeadersInput } from '../core/transport.js';
import { checkEndpoint, type EndpointCheck } from '../core/endpoint.js';
import { checkTags, contextKey, misconfigured, resolveContext, type KoeContext, type KoeContextInput, type KoeTag, type TagsCheck } from '../core/config.js';
import type { DraftStore } from '../core/drafts.js';
import { emit, type KoeConfigErrorDetail } from '../core/events.js';
import { newId } from '../core/ids.js';
import type { IntakeSubmission } from '../core/schemas.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import type { OutboxStrings } from '../i18n/outbox.js';
import { LocaleController, settled } from '../shared/locale-controller.js';
import { intakePack, type IntakePack } from './strings.js';
import { loadValidator, loadedValidator } from './validator.js';
import { ImeGuard, isImplicitSubmit, isSubmitShortcut } from './keyboard.js';
import { buildPayload, type FieldErrors, type IntakeFormValue, type IntakePrefill } from './payload.js';
import { freshForm, rememberChannel } from './form-state.js';
import { renderForm } from './fields.js';
import { renderConfirmation } from './parts.js';
import { lazy, Parts, type Lazy } from '../shared/lazy.js';
import { styles } from './koe-intake.styles.js';

// The outbox list, edit-and-resend and delivery warnings, with their wording: fetched right after the first render.
const outboxView = lazy(() => import('./outbox-view.js'));
const outboxText: Record<Locale, Lazy<OutboxStrings>> = {
  ja: lazy(() => import('../i18n/outbox-ja.js').then((m) => m.outboxJa)),
  en: lazy(() => import('../i18n/outbox-en.js').then((m) => m.outboxEn)),
};
// Drafts restore after the first render anyway (IndexedDB is asynchronous): their code comes with them.
const draftStore = lazy(() => import('../core/drafts.js'));
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

  // Private members use #names: the minifier shortens them (public and Lit-reactive names stay as written).
  readonly #outbox = new OutboxController(this, { type: 'koe.intake.v1' });
  readonly #ime = new ImeGuard();
  readonly #i18n = new LocaleController(this, intakePack);
  readonly #parts = new Parts(this);

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
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

  #ctx: KoeContext = { custom: {} };
  #endpoint: EndpointCheck = { ok: false, reason: 'missing', detail: '' };
  #tags: TagsCheck = checkTags(undefined);
  #loc: Locale = 'en';
  #configProblem?: KoeConfigErrorDetail;
  /** The form cannot send (endpoint, format or tags); `#configError` words it once the wording is here. */
  #blocked = false;
  #configError = '';
  #reportedConfigError = '';
  #drafts?: DraftStore<IntakeFormValue>;
  #draftKey = '';
  #dirty = false;
  #styled = false;

  override willUpdate(changed: PropertyValues<this>): void {
    const t = this.#i18n.use((this.#loc = resolveLocale(this.locale, this)));
    this.#ctx = resolveContext(
      {
        companyId: this.companyId, companyName: this.companyName, contactName: this.contactName, dealId: this.dealId,
        dealStage: this.dealStage, leadSource: this.leadSource, reporterId: this.reporterId, reporterName: this.reporterName,
      },
      this.context,
    );
    this.#endpoint = checkEndpoint(this.endpoint);
    if (changed.has('tags')) this.#tags = checkTags(this.tags);
    const tagsProblem = this.#tags.ok ? undefined : this.#tags.reason;
    this.#blocked = misconfigured(this.#endpoint, this.format, tagsProblem);
    if (this.#blocked) this.#parts.need(configView);
    const words = this.#blocked && t && configView.get();
    this.#configProblem = words ? words.configProblem(t.lang, this.#endpoint, this.format, tagsProblem) : undefined;
    this.#configError = this.#configProblem?.message ?? '';
    if ((changed.has('prefill') || !this.hasUpdated) && !this.#dirty) this.form = freshForm(this.prefill, this.#ctx);
    this.state = this.#computeState();
    // Offline before the view arrived: the form still works, without the list; a later update tries again.
    this.#parts.need(outboxView, outboxText[t?.lang ?? this.#loc]);
  }

  /** The current strings; only read once they have arrived (render and updated() check first). */
  get #t(): IntakePack {
    return this.#i18n.value!;
  }

  /** Also waits for a locale or view that is still being fetched, so `await el.updateComplete` sees the new copy. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), () => this.#i18n.pending ?? this.#parts.pending);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadValidator();
    void draftStore.load().catch(() => undefined);
  }

  override firstUpdated(): void {
    if (this.autofocus) this.#textarea?.focus();
  }

  override updated(changed: PropertyValues<this>): void {
    const view = outboxView.get();
    if (view && !this.#styled) {
      this.#styled = true;
      adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof LitElement).elementStyles, view.styles]);
    }
    if (!this.#i18n.value) return;
    if (changed.has('endpoint') || changed.has('headers')) {
      this.#outbox.registerHeaders();
      if (changed.get('endpoint') !== undefined) void this.#outbox.refresh();
    }
    if (this.#configProblem && this.#configError !== this.#reportedConfigError) emit(this, 'koe-config-error', this.#configProblem);
    this.#reportedConfigError = this.#configError;
    if (this.#endpoint.ok) void this.#openDrafts(this.#endpoint.url);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Keep what was typed: write the pending draft now rather than after the debounce.
    this.#drafts?.flush().catch(() => undefined);
  }

  readonly #handleChange = (patch: Partial<IntakeFormValue>): void => {
    this.form = { ...this.form, ...patch };
    this.#dirty = true;
    if (patch.channel) rememberChannel(this.#ctx, patch.channel);
    const errors = { ...this.errors };
    for (const key in patch) delete errors[key as keyof FieldErrors];
    this.errors = errors;
    this.#drafts?.save(this.form);
  };

  readonly #handleKeydown = (event: KeyboardEvent): void => {
    if (!isSubmitShortcut(event) && !isImplicitSubmit(event)) return;
    // The browser's own implicit submission is replaced by ours, so the IME guard covers it too.
    event.preventDefault();
    if (!this.#ime.isImeKey(event)) void this.submit();
  };

  readonly #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.submit();
  };

  readonly #handleFileAnother = (): void => {
    this.reset();
    void this.updateComplete.then(() => this.#textarea?.focus());
  };

  readonly #handleEdit = (item: OutboxItem): void => {
    this.editing = item;
    this.serverMessage = item.lastError?.message ?? '';
    this.phase = 'form';
    // The edit button is drawn by the outbox view, so the view is here.
    this.form = { ...this.form, ...outboxView.get()!.formFor(item) };
    void this.updateComplete.then(() => this.#textarea?.focus());
  };

  readonly #handleCancelEdit = (): void => this.reset();

  #computeState(): IntakeState {
    if (this.#blocked) return 'config-error';
    if (this.phase !== 'form') return this.phase;
    if (this.editing) return 'needs-attention';
    if (Object.keys(this.errors).length > 0) return 'invalid';
    return this.form.text.trim() === '' ? 'empty' : 'editing';
  }

  async #openDrafts(endpointUrl: string): Promise<void> {
    const key = `koe-intake|${contextKey(endpointUrl, this.#ctx)}${this.prefill?.fromSelection ? '|selection' : ''}`;
    if (this.#draftKey === key) return;
    this.#draftKey = key;
    const module = await draftStore.load().catch(() => undefined);
    // Offline before the code came: a later update tries again.
    if (!module) return void (this.#draftKey = '');
    if (this.#draftKey !== key) return;
    const drafts = (this.#drafts = new module.DraftStore<IntakeFormValue>(key));
    drafts.onError = () => (this.draftProblem = true);
    // Typed while the code was on its way: that is the draft now.
    if (this.#dirty) drafts.save(this.form);
    // A prefilled selection is fresh material; it must not be overwritten by an older draft.
    if (this.prefill?.text) return;
    const saved = await drafts.load().catch(() => undefined);
    if (!saved || this.#dirty || this.#drafts !== drafts) return;
    this.form = { ...freshForm(this.prefill, this.#ctx), ...saved.value };
    this.message = this.#t.s.draftRestored;
    emit(this, 'koe-draft-restored', { savedAt: saved.savedAt });
  }

  /** The receiver refused it: keep it open for edit-and-resend, with its messages on the fields (wording from the outbox view). */
  async #showAttention(item: OutboxItem): Promise<void> {
    this.serverMessage = item.lastError?.message ?? '';
    const [view, text] = await Promise.all([outboxView.load(), outboxText[this.#t.lang].load()]).catch(() => []);
    // Offline again before the view came: the item waits in the outbox, which lists it once the view is here.
    if (!view || !text) return void (this.message = this.serverMessage);
    this.editing = item;
    ({ message: this.message, errors: this.errors } = view.attentionFor(text, item));
  }

  /** Validates and sends (or queues) the form. Resolves with what happened; never throws into the host page. */
  async submit(): Promise<'sent' | 'queued' | 'needs-attention' | 'cancelled' | 'invalid' | 'config-error'> {
    // Called right after a property change (e.g. `locale`): let the update run and the strings arrive first.
    if (this.isUpdatePending || this.#i18n.pending || !this.#i18n.value) await this.updateComplete;
    const { s, c } = this.#t;
    if (this.#blocked || !this.#endpoint.ok) {
      this.message = this.#configError;
      return 'config-error';
    }
    if (this.phase === 'submitting') return 'cancelled';
    const { editing } = this;
    // Editing happens only in the outbox view, so the view is here; it keeps the refused submission's id, time and context.
    const view = editing && outboxView.get()!;
    const fresh = buildPayload({ id: editing?.id ?? newId(), locale: this.#loc, form: this.form, context: this.#ctx, prefill: this.prefill });
    const payload = view ? view.mergeResend(editing!.payload as IntakeSubmission, fresh) : fresh;
    const validate = loadedValidator() ?? (await loadValidator());
    const invalid = Object.keys((this.errors = validate(payload, c, s))).length;
    if (invalid > 0) {
      this.message = this.form.text.trim() === '' && invalid === 1 && this.errors.text ? s.empty : c.fixFields(invalid);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return 'invalid';
    }
    this.phase = 'submitting';
    this.message = c.sending;
    try {
      const result = view
        ? await view.resend(this.#outbox, editing!, payload)
        : await this.#outbox.submit(payload, { id: payload.id, endpoint: this.#endpoint.url, format: this.format as 'json' });
      this.phase = 'form';
      if (result === 'cancelled') {
        this.message = s.cancelled;
        return 'cancelled';
      }
      if (result.status === 'needs-attention') {
        await this.#showAttention(result.item);
        return 'needs-attention';
      }
      this.phase = result.status;
      this.message = result.status === 'sent' ? s.sentTitle : result.persistent ? s.queuedTitle : c.queuedMemoryOnly;
      this.editing = undefined;
      this.serverMessage = '';
      this.#dirty = false;
      rememberChannel(this.#ctx, this.form.channel);
      await this.#drafts?.clear().catch(() => undefined);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
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
    this.form = { ...freshForm(undefined, this.#ctx), channel, kind };
    this.errors = {};
    this.phase = 'form';
    this.message = this.#t.s.empty;
    this.editing = undefined;
    this.serverMessage = '';
    this.#dirty = false;
  }

  override render() {
    const t = this.#i18n.value;
    if (!t) return nothing;
    const view = outboxView.get();
    const text = outboxText[t.lang].get();
    const outbox = this.#outbox;
    return html`<div part="base" class="base" lang=${t.lang}>
      ${this.#configError
        ? html`<div part="config-error" class="config-error" role="alert">
            <p class="config-title">${configView.get()!.configTitle(t.lang)}</p>
            <p>${this.#configError}</p>
          </div>`
        : nothing}
      ${view && text ? view.renderWarnings(text, outbox.persistent !== false, outbox.expiringCount, this.draftProblem) : nothing}
      ${this.phase === 'sent' || this.phase === 'queued'
        ? renderConfirmation(t.s, this.phase, this.message, this.#handleFileAnother)
        : renderForm({
            t, form: this.form, errors: this.errors, ctx: this.#ctx, tags: this.#tags.ok ? this.#tags.tags : [], tagFocus: this.tagFocus,
            fromSelection: this.prefill?.fromSelection === true, busy: this.#blocked || this.phase === 'submitting',
            attention: view && text && this.editing ? view.renderAttention(text, this.serverMessage) : undefined,
            resend: text?.resend, cancelEdit: text?.cancelEdit, host: this, ime: this.#ime,
            onChange: this.#handleChange, onTagFocus: (i) => (this.tagFocus = i), onSubmit: this.#handleSubmit,
            onKeydown: this.#handleKeydown, onCancelEdit: this.#handleCancelEdit,
          })}
      <p part="status" class="status" role="status">${this.message}</p>
      ${view && text
        ? view.renderOutbox(text, {
            items: outbox.items, counts: outbox.counts, confirmingDiscard: this.confirmingDiscard,
            onRetry: (id) => void outbox.retry(id),
            onEdit: this.#handleEdit,
            onDiscard: (id) => {
              this.confirmingDiscard = undefined;
              if (this.editing?.id === id) this.reset();
              void outbox.discard(id);
            },
            onConfirmDiscard: (id) => (this.confirmingDiscard = id),
          })
        : nothing}
    </div>`;
  }
}
