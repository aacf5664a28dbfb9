// <koe-intake>: the one-minute voice-of-customer form.
import { nothing, type LitElement, type PropertyValues } from 'lit';
import { checkTags, resolveContext, type KoeContext, type TagsCheck } from '../core/config.js';
import { checkEndpoint, type EndpointCheck } from '../core/endpoint.js';
import { emit } from '../core/events.js';
import type { OutboxItem } from '../core/outbox.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { ConfigCheck } from '../shared/config-check.js';
import { KoeContextElement } from '../shared/context-element.js';
import { LazyModules } from '../shared/lazy-modules.js';
import { LocaleController, settled } from '../shared/locale-controller.js';
import { OutboxController } from '../shared/outbox-controller.js';
import { freshForm, rememberChannel, rememberedChannel, stateOf, withRememberedChannel, type IntakeState } from './form-state.js';
import { IntakeDelivery } from './intake-delivery.js';
import { IntakeDrafts } from './intake-drafts.js';
import { EarlyWordsBox } from './early-words.js';
import { ImeGuard, submitKeys } from './keyboard.js';
import { styles } from './koe-intake.styles.js';
import { adoptOutboxStyles, outboxView, outboxWording } from './outbox-view-loader.js';
import type { FieldErrors, IntakeFormValue, IntakePrefill } from './payload.js';
import { intakePack, type IntakePack } from './strings.js';
import { invalidMessage, prepare } from './validator.js';
import { renderIntake } from './view.js';
import { shadowRootOptions } from '../shared/shadow-root.js';

export type { IntakeState };

/**
 * The one-minute voice-of-customer form for CRM record pages.
 *
 * @tagname koe-intake
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
 * @slot - Optional: a `<textarea>` (the early words box) that the page shows and the user can type in before Koe's script
 * has run. Once the form is drawn, what was typed, the caret and the focus move into the form's words box.
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
 */
export class KoeIntake extends KoeContextElement {
  static override styles = styles;
  /** Reactive properties and internal state (declared here rather than with decorators: smaller bundles). */
  static override properties = {
    autofocus: { type: Boolean },
    prefill: { attribute: false },
    state: { reflect: true },
    form: { state: true },
    errors: { state: true },
    phase: { state: true },
    message: { state: true },
    tagFocus: { state: true },
    draftProblem: { state: true },
  };
  static override shadowRootOptions = shadowRootOptions({ delegatesFocus: true });

  // Privacy: `#name` for everything private (the platform's own privacy); `private` only where Lit needs a real property (reactive state).
  readonly #outbox = new OutboxController(this, { type: 'koe.intake.v1' });
  readonly #i18n = new LocaleController(this, intakePack);
  readonly #lazyModules = new LazyModules(this);
  readonly #config = new ConfigCheck(this, this.#lazyModules);
  readonly #drafts = new IntakeDrafts(this, () => (this.draftProblem = true));
  readonly #delivery = new IntakeDelivery(this, this.#outbox, () => this.#handleSentAfterAll());
  readonly #ime = new ImeGuard();
  readonly #earlyWords = new EarlyWordsBox(this, () => this.#textarea, (text) => this.#handleChange({ text }));

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  private form: IntakeFormValue = freshForm(undefined, {});
  private errors: FieldErrors = {};
  private phase: 'form' | 'submitting' | 'sent' | 'queued' = 'form';
  private message = '';
  private tagFocus = 0;
  private draftProblem = false;
  #context: KoeContext = { custom: {} };
  #endpoint: EndpointCheck = { ok: false, reason: 'missing', detail: '' };
  #tags: TagsCheck = checkTags(undefined);
  #locale: Locale = 'en';
  /** The user has typed since the form was last (re)set: a prefill or a draft must not overwrite it. */
  #dirty = false;

  /** Focus the text box on load. Off by default: the form never steals focus from the host page. */
  override autofocus = false;
  /** Prefills the form, e.g. `{ text, fromSelection: true, pageUrl, pageTitle }` from <koe-snippet>. */
  prefill?: IntakePrefill;
  /**
   * The current state, reflected to the `state` attribute for styling (`koe-intake[state='sent']`) and tests.
   * @readonly
   */
  state: IntakeState = 'empty';

  /** Also waits for a locale or view that is still being fetched (the first paint first), so `await el.updateComplete` sees the new copy. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), () => this.#i18n.pending ?? this.#lazyModules.pending ?? this.#outbox.pending);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#locale = resolveLocale(this.locale, this);
    const t = this.#i18n.use(this.#locale);
    // The element carries the context attributes under their field names.
    this.#context = resolveContext(this, this.context);
    this.#endpoint = checkEndpoint(this.endpoint);
    if (changed.has('tags')) this.#tags = checkTags(this.tags);
    this.#config.check(t?.lang, this.#endpoint, this.format, this.#tags.ok ? undefined : this.#tags.reason);
    if ((changed.has('prefill') || !this.hasUpdated) && !this.#dirty) this.form = this.#freshForm();
    // The first render is on screen: the channel this reporter used last comes in now, unless a choice was made meanwhile.
    else if (changed.has('painted') && !this.#dirty) this.form = withRememberedChannel(this.form, this.#context, this.prefill);
    this.state = stateOf(this.#config.blocked, this.phase, !!this.#delivery.editing, this.errors, this.form.text);
    // Offline before the view arrived: the form still works, without the list; a later update tries again.
    if (this.painted) this.#lazyModules.need(outboxView, outboxWording[t?.lang ?? this.#locale]);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    this.#earlyWords.showUntilDrawn(root);
    return root;
  }

  override firstUpdated(): void {
    if (this.autofocus) this.#textarea?.focus();
  }

  override updated(changed: PropertyValues<this>): void {
    adoptOutboxStyles(this.renderRoot as ShadowRoot, (this.constructor as typeof LitElement).elementStyles);
    if (!this.#i18n.value) return;
    if (changed.has('endpoint') || changed.has('headers')) {
      this.#outbox.registerHeaders();
      if (changed.get('endpoint') !== undefined) void this.#outbox.refresh();
    }
    this.#config.report();
    if (this.#endpoint.ok && this.painted) void this.#openDrafts(this.#endpoint.url);
  }

  /** The current strings; only read once they have arrived (render and updated() check first). */
  get #t(): IntakePack {
    return this.#i18n.value!;
  }

  readonly #handleChange = (patch: Partial<IntakeFormValue>): void => {
    this.form = { ...this.form, ...patch };
    this.#dirty = true;
    if (patch.channel) rememberChannel(this.#context, patch.channel);
    const errors = { ...this.errors };
    for (const key in patch) delete errors[key as keyof FieldErrors];
    this.errors = errors;
    this.#drafts.save(this.form);
  };

  /** Ctrl/⌘+Enter anywhere, Enter in a single-line field: send, unless an IME is converting (keyboard.ts). */
  readonly #handleKeydown = submitKeys(this.#ime, () => void this.submit());

  readonly #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.submit();
  };

  readonly #handleTagFocus = (index: number): void => {
    this.tagFocus = index;
  };

  readonly #handleFileAnother = (): void => {
    this.reset();
    void this.updateComplete.then(() => this.#textarea?.focus());
  };

  readonly #handleEdit = (item: OutboxItem): void => {
    this.phase = 'form';
    this.form = { ...this.form, ...this.#delivery.edit(item) };
    void this.updateComplete.then(() => this.#textarea?.focus());
  };

  readonly #handleCancelEdit = (): void => this.reset();

  readonly #handleDiscard = (id: string): void => {
    if (this.#delivery.discard(id)) this.reset();
  };

  /** The item shown as needing attention was delivered after all (e.g. a 401, then a fresh token in `headers`). */
  readonly #handleSentAfterAll = (): void => {
    if (this.phase !== 'submitting') void this.#showDone('sent', this.#t.s.sentTitle, this.matches(':focus-within'));
  };

  /** The form for the current prefill and context; the remembered channel only once the first render is on screen. */
  #freshForm(): IntakeFormValue {
    return freshForm(this.prefill, this.#context, this.painted ? rememberedChannel(this.#context) : undefined);
  }

  async #openDrafts(endpointUrl: string): Promise<void> {
    const saved = await this.#drafts.open(endpointUrl, this.#context, this.prefill, () => this.#dirty && this.form);
    if (!saved) return;
    this.form = { ...this.#freshForm(), ...saved.value };
    this.message = this.#t.s.draftRestored;
    emit(this, 'koe-draft-restored', { savedAt: saved.savedAt });
  }

  /** Sent or queued: the confirmation replaces the form and the draft is cleared; focus follows when the user was in the form. */
  async #showDone(status: 'sent' | 'queued', message: string, focus: boolean): Promise<void> {
    this.#settle(status, message);
    rememberChannel(this.#context, this.form.channel);
    await this.#drafts.clear();
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
  }

  /** The receiver refused it: keep it open for edit-and-resend, with its messages on the fields (wording from the outbox view). */
  async #showAttention(item: OutboxItem): Promise<void> {
    const found = await this.#delivery.show(this.#t.lang, item);
    if (found) ({ message: this.message, errors: this.errors } = found);
  }

  /** Nothing is being edited or refused any more: the form (or its confirmation) starts clean. */
  #settle(phase: 'form' | 'sent' | 'queued', message: string): void {
    this.phase = phase;
    this.message = message;
    this.#delivery.close();
    this.errors = {};
    this.#dirty = false;
  }

  /** Validates and sends (or queues) the form. Resolves with what happened; never throws into the host page. */
  async submit(): Promise<'sent' | 'queued' | 'needs-attention' | 'cancelled' | 'invalid' | 'config-error'> {
    // Called right after a property change (e.g. `locale`): let the update run and the strings arrive first.
    if (this.isUpdatePending || this.#i18n.pending || !this.#i18n.value) await this.updateComplete;
    const { s, c } = this.#t;
    if (this.#config.blocked || !this.#endpoint.ok) {
      this.message = this.#config.message;
      return 'config-error';
    }
    if (this.phase === 'submitting') return 'cancelled';
    const { editing } = this.#delivery;
    const { payload, errors } = prepare({ editing, locale: this.#locale, form: this.form, context: this.#context, prefill: this.prefill }, c, s);
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.message = invalidMessage(errors, this.form.text, c, s);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return 'invalid';
    }
    this.phase = 'submitting';
    this.message = c.sending;
    const outcome = await this.#delivery.send(payload, editing, this.#t);
    this.phase = 'form';
    this.message = outcome.message;
    if (outcome.result === 'sent' || outcome.result === 'queued') await this.#showDone(outcome.result, outcome.message, true);
    else if (outcome.result === 'needs-attention' && outcome.item) await this.#showAttention(outcome.item);
    return outcome.result;
  }

  /** Clears the form for the next voice; keeps the CRM context, channel and kind. */
  reset(): void {
    const { channel, kind } = this.form;
    this.form = { ...freshForm(undefined, this.#context), channel, kind };
    this.#settle('form', this.#t.s.empty);
  }

  override render() {
    const t = this.#i18n.value;
    if (!t) return nothing;
    return renderIntake({
      t, config: this.#config, outbox: this.#outbox, host: this, ime: this.#ime,
      phase: this.phase, message: this.message, editing: this.#delivery.editing, draftProblem: this.draftProblem, confirmingDiscard: this.#delivery.confirmingDiscard,
      form: this.form, errors: this.errors, context: this.#context, tags: this.#tags.ok ? this.#tags.tags : [], tagFocus: this.tagFocus,
      fromSelection: this.prefill?.fromSelection === true, busy: this.#config.blocked || this.phase === 'submitting', restOfForm: this.fullyDrawn,
      onChange: this.#handleChange, onTagFocus: this.#handleTagFocus, onSubmit: this.#handleSubmit, onKeydown: this.#handleKeydown,
      onCancelEdit: this.#handleCancelEdit, onFileAnother: this.#handleFileAnother, onRetry: this.#delivery.retry, onEdit: this.#handleEdit,
      onDiscard: this.#handleDiscard, onConfirmDiscard: this.#delivery.confirmDiscard,
    });
  }
}
