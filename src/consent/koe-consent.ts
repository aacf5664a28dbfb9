// <koe-consent>: the customer's case-study consent from a link — notice, per-scope choices, signature, receipt, withdrawal.
// Link resolution: consent-link-controller.ts; the record, its hashes and its checks: consent-record.ts; the view: view.ts.
import { nothing, type PropertyValues } from 'lit';
import { checkEndpoint } from '../core/endpoint.js';
import type { HeadersInput } from '../core/outbox.js';
import type { ConsentRecord, ConsentRequest } from '../core/schemas.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { ConfigCheck } from '../shared/config-check.js';
import { KoeElement } from '../shared/koe-element.js';
import { LazyModules } from '../shared/lazy-modules.js';
import { LocaleController, settled } from '../shared/locale-controller.js';
import { OutboxController } from '../shared/outbox-controller.js';
import { base, tokens } from '../shared/styles.js';
import { emptyForm, errorKeysOf, type ConsentFormState } from './consent-form-state.js';
import { ConsentLinkController } from './consent-link-controller.js';
import type { WithdrawLink } from './consent-links.js';
import { noticeWording, receiptWording, signing, signingPage, withdrawForm, withdrawWording } from './consent-loaders.js';
import { intentSentence, rejectionMessage } from './consent-sentences.js';
import { consentStyles } from './koe-consent.styles.js';
import type { LinkSource } from './link-source.js';
import { SignaturePadController } from './signature-pad-controller.js';
import { consentPack, type ConsentPack } from './strings.js';
import { renderConsent } from './view.js';
import { shadowRootOptions } from '../shared/shadow-root.js';

/** What `submit()` did: as `<koe-intake>`'s, plus `unavailable` when no form is shown (no usable link yet, or the receipt is shown). */
export type ConsentSubmitResult = 'sent' | 'queued' | 'needs-attention' | 'cancelled' | 'invalid' | 'config-error' | 'unavailable';

/**
 * @tagname koe-consent
 * @summary The case-study consent form a customer opens from a link: they read the notice, allow or refuse each use,
 * sign (typed, or drawn as well), and keep a receipt. `mode="withdraw"` (or a `#koe-withdraw=` link) withdraws.
 *
 * @fires {KoeEvent<'koe-submit'>} koe-submit - Cancelable, before anything is sent; detail.payload is the consent record.
 * @fires {KoeEvent<'koe-queued'>} koe-queued - Stored on this device; will be sent when possible.
 * @fires {KoeEvent<'koe-sent'>} koe-sent - The receiver accepted the record (2xx).
 * @fires {KoeEvent<'koe-failed'>} koe-failed - A delivery attempt failed (`retrying` says whether it will be retried).
 * @fires {KoeEvent<'koe-needs-attention'>} koe-needs-attention - The receiver refused the record (e.g. 422 for an edited request).
 * @fires {KoeEvent<'koe-auth-required'>} koe-auth-required - 401/403: the host should refresh `headers`.
 * @fires {KoeEvent<'koe-config-error'>} koe-config-error - `endpoint` or `format` is unusable; also shown in the element.
 *
 * @csspart base - The wrapper of everything.
 * @csspart notice - The consent notice (取材・掲載同意書).
 * @csspart form - The signing or withdrawal form.
 * @csspart scope - One scope's allow / do-not-allow pair.
 * @csspart intent - The sentence the signer agrees to, next to the button.
 * @csspart submit - The send button.
 * @csspart signature-pad - The canvas for a drawn signature.
 * @csspart error - A field's error message.
 * @csspart receipt - The receipt shown after sending.
 * @csspart download - The "download receipt" button.
 * @csspart withdraw-link - The link to the withdrawal page on the receipt.
 * @csspart problem - A page-level message (bad link, insecure page).
 * @csspart alert - Delivery and configuration problems.
 * @csspart status - The polite live region.
 *
 * @cssprop --koe-consent-max-width - Maximum width of the element's content (default 46rem).
 * @cssprop --koe-color-accent - Buttons, links and the intent marker.
 * @cssprop --koe-color-danger - Errors and alerts.
 * @cssprop --koe-font-family - Font of every text.
 */
export class KoeConsent extends KoeElement {
  static override styles = [tokens, base, consentStyles];
  static override shadowRootOptions = shadowRootOptions();
  /** Reactive properties and internal state (declared here rather than with decorators: smaller bundles). */
  static override properties = {
    endpoint: {},
    format: {},
    locale: {},
    mode: {},
    request: { attribute: false },
    withdraw: { attribute: false },
    headers: { attribute: false },
    form: { state: true },
    errors: { state: true },
    submitting: { state: true },
    status: { state: true },
    alert: { state: true },
    record: { state: true },
    deliveryNote: { state: true },
    rejectedId: { state: true },
  };
  /** @internal Whether the page is a secure context (SubtleCrypto needs one); replaceable in tests. */
  static secureContext = (): boolean => globalThis.isSecureContext === true;

  // Privacy: `#name` for everything private (the platform's own privacy); `private` only where Lit needs a real property (reactive state).
  readonly #delivery = new OutboxController(this, { type: 'koe.consent.v1' });
  readonly #i18n = new LocaleController(this, consentPack);
  /** The modules the current view needs (config wording, receipt or withdraw wording, withdraw form). */
  readonly #lazyModules = new LazyModules(this);
  readonly #config = new ConfigCheck(this, this.#lazyModules);
  readonly #link = new ConsentLinkController(this, {
    secureContext: () => KoeConsent.secureContext(),
    onRead: (source) => this.#handleLinkRead(source),
    // The wording of the notice most likely shown, in parallel with the link reader.
    onFetching: () => void noticeWording[this.#uiLocale].load().catch(() => undefined),
  });
  readonly #signature = new SignaturePadController(this, () => this.form.method === 'drawn' && !this.record);

  private form: ConsentFormState = emptyForm();
  private errors: Record<string, string> = {};
  private submitting = false;
  private status = '';
  private alert = '';
  /** The record sent (or queued): the receipt shows it. */
  private record?: ConsentRecord;
  private deliveryNote = '';
  /** A record the receiver refused, which the signer may discard. */
  private rejectedId?: string;

  /** Where to POST the record: https:, a same-origin path, or http://localhost. */
  endpoint = '';
  /** `json` (default) or `cloudevents`. */
  format = 'json';
  /** `ja` or `en`; default: the request's locale, then the nearest `lang`, then the browser. */
  locale?: string;
  /** `sign` (default) or `withdraw`. A `#koe-withdraw=` link switches to withdraw by itself. */
  mode: 'sign' | 'withdraw' = 'sign';
  /** The consent request; when unset, it is read from `#koe=<base64url JSON>` in the page URL. */
  request?: ConsentRequest;
  /** Withdraw mode: `{ receiptId, requestId, token?, scopes, termMonths? }`; when unset, read from `#koe-withdraw=`. */
  withdraw?: WithdrawLink;
  /** Extra request headers (object or function, may be async), read at send time and never stored. */
  headers?: HeadersInput;

  constructor() {
    super();
    this.addEventListener('koe-sent', this.#handleSent);
    this.addEventListener('koe-needs-attention', this.#handleNeedsAttention);
  }

  /** Also waits for the link to be read and for a locale or view still being fetched. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), () => this.#link.reading ?? this.#i18n.pending ?? this.#lazyModules.pending);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('request') || changed.has('withdraw') || changed.has('mode')) this.#link.read();
    const t = this.#i18n.use(this.#uiLocale);
    this.#config.check(t?.lang, checkEndpoint(this.endpoint), this.format);
    const source = this.#link.source;
    if (t && this.record) this.#lazyModules.need(receiptWording[t.lang]);
    else if (t && source?.withdrawal) this.#lazyModules.need(withdrawForm, withdrawWording[t.lang]);
    else if (t && source?.request) this.#lazyModules.need(noticeWording[t.lang]);
    if (changed.has('headers')) this.#delivery.registerHeaders();
  }

  protected override updated(): void {
    this.#config.report();
  }

  /** The language shown: `locale`, else the request's, else the nearest `lang`, else the browser's. */
  get #uiLocale(): Locale {
    return resolveLocale(this.locale || this.#link.source?.seen?.locale, this);
  }

  /** The current strings; read only once they have arrived (render checks first). */
  get #t(): ConsentPack {
    return this.#i18n.value!;
  }

  /** A (new) link was read: a fresh form for it. */
  #handleLinkRead(source: LinkSource): void {
    this.record = undefined;
    this.#startForm(source);
  }

  readonly #handleFormChange = (patch: Partial<ConsentFormState>): void => {
    // The signer has started: fetch the signing code and receipt wording now, so sending does not wait for them.
    void Promise.all([signing.load(), receiptWording[this.#t.lang].load()]).catch(() => undefined);
    if (patch.method && patch.method !== this.form.method) this.#signature.reset();
    this.form = { ...this.form, ...patch };
    const cleared = errorKeysOf(patch).filter((key) => key in this.errors);
    if (cleared.length) {
      const errors = { ...this.errors };
      for (const key of cleared) delete errors[key];
      this.errors = errors;
    }
  };

  readonly #handleSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  readonly #handleClearDrawing = (): void => this.#signature.clear();

  /** The signer discards a refused record explicitly (the outbox never drops one silently). */
  readonly #handleDiscardRejected = async (): Promise<void> => {
    if (!this.rejectedId) return;
    await this.#delivery.discard(this.rejectedId);
    this.rejectedId = undefined;
    this.alert = '';
  };

  /** The record on the receipt was delivered after being queued. */
  readonly #handleSent = (event: GlobalEventHandlersEventMap['koe-sent']): void => {
    if (event.detail.id !== this.record?.receiptId) return;
    this.deliveryNote = '';
    this.status = this.#t.c.sent;
  };

  /** The receiver refused the record on the receipt (it was queued, then refused). */
  readonly #handleNeedsAttention = (event: GlobalEventHandlersEventMap['koe-needs-attention']): void => {
    if (event.detail.id !== this.record?.receiptId) return;
    this.alert = this.#rejection(event.detail.message);
    this.rejectedId = event.detail.id;
  };

  /** A blank form (prefilled with the signer a request names), no drawing, no messages. */
  #startForm(source: LinkSource | undefined): void {
    this.#signature.reset();
    this.form = emptyForm(source?.withdrawal ? undefined : source?.request);
    this.errors = {};
    this.alert = this.status = '';
    this.rejectedId = undefined;
  }

  #intent(): string {
    const source = this.#link.source ?? {};
    return intentSentence(this.#t.s, this.form, source, withdrawWording[this.#t.lang].get());
  }

  #rejection(message?: string): string {
    return rejectionMessage(this.#t.s, this.#t.c, this.#link.source?.request, message);
  }

  /** Builds, hashes and checks the record, then sends it; what is wrong is shown next to the fields instead. */
  async #signAndSend(source: LinkSource): Promise<ConsentSubmitResult> {
    const { lang, c, s } = this.#t;
    const noticeWordingNeeded = source.withdrawal ? withdrawWording[lang] : noticeWording[lang];
    const [signer] = await Promise.all([signing.load(), signingPage.load(), receiptWording[lang].load(), noticeWordingNeeded.load()]);
    const { record, errors } = await signer.signRecord({
      source,
      form: this.form,
      notice: this.#link.notice(lang)!,
      presentedAt: this.#link.presentedAt,
      intentStatement: this.#intent(),
      drawing: { image: this.#signature.image(), failed: this.#signature.state === 'failed' },
      wording: { common: c, consent: s, withdraw: source.withdrawal ? withdrawWording[lang].get() : undefined },
    });
    if (Object.keys(errors).length) return this.#showErrors(errors);
    return this.#send(record);
  }

  /** Hands the record to the outbox; the receipt follows a delivery or a queueing, an alert a refusal. */
  async #send(record: ConsentRecord): Promise<ConsentSubmitResult> {
    const { c } = this.#t;
    this.errors = {};
    this.alert = '';
    this.rejectedId = undefined;
    this.status = c.sending;
    const result = await this.#delivery.submit(record, { id: record.receiptId });
    this.status = '';
    if (result === 'cancelled') return 'cancelled';
    if (result.status === 'needs-attention') {
      const error = result.item.lastError;
      this.alert = error?.reason === 'auth' ? c.authRequired : this.#rejection(error?.message);
      this.rejectedId = record.receiptId;
      return 'needs-attention';
    }
    this.record = record;
    const queuedNote = result.persistent ? c.queued : c.queuedMemoryOnly;
    this.deliveryNote = result.status === 'sent' ? '' : queuedNote;
    this.status = result.status === 'sent' ? c.sent : queuedNote;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus();
    return result.status;
  }

  async #showErrors(errors: Record<string, string>): Promise<'invalid'> {
    this.errors = errors;
    this.alert = errors.form ?? '';
    this.status = this.#t.c.fixFields(Object.keys(errors).length);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], fieldset [aria-describedby^="e-"]')?.focus();
    return 'invalid';
  }

  /**
   * Signs and sends what the signer entered, as the send button does: checks it (messages next to the fields), hashes the
   * notice shown, and hands the record to the outbox. Resolves with what happened; never throws into the host page.
   */
  async submit(): Promise<ConsentSubmitResult> {
    // Called right after a property change: let the update run, the link be read and the strings arrive first.
    if (this.isUpdatePending || !this.#i18n.value || this.#link.reading || this.#lazyModules.pending) await this.updateComplete;
    const source = this.#link.source;
    if (this.submitting) return 'cancelled';
    if (!this.#i18n.value || !source || source.problem || this.record || !this.#link.notice(this.#t.lang)) return 'unavailable';
    if (this.#config.blocked) {
      this.alert = this.#config.message;
      return 'config-error';
    }
    // Busy from the first moment: hashing comes before sending, and a second press must not sign twice.
    this.submitting = true;
    try {
      return await this.#signAndSend(source);
    } catch (error) {
      this.status = '';
      // A TypeError: code that could not be fetched (offline since the page loaded); nothing was sent.
      this.alert = error instanceof TypeError ? this.#t.c.deliveryUnavailable : error instanceof Error ? error.message : String(error);
      return 'needs-attention';
    } finally {
      this.submitting = false;
    }
  }

  /** Clears what the signer entered, and the messages, back to how the link opened. A receipt once shown stays: a sent record cannot be unsent. */
  reset(): void {
    if (this.record || this.submitting) return;
    this.#startForm(this.#link.source);
  }

  /** Moves focus to the receipt's heading once sent, else to the form's first control (the host itself takes no focus). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#receipt-title, form input, form textarea, form button')?.focus(options);
  }

  override render() {
    const t = this.#i18n.value;
    if (!t) return nothing;
    return renderConsent({
      ...t, form: this.form, errors: this.errors, submitting: this.submitting, drawState: this.#signature.state, intent: this.#intent(),
      page: signingPage.get(), source: this.#link.source, reading: this.#link.reading !== undefined, notice: this.#link.notice(t.lang),
      record: this.record, deliveryNote: this.deliveryNote, config: this.#config, alert: this.alert, status: this.status,
      rejectedId: this.rejectedId, root: this.renderRoot,
      onChange: this.#handleFormChange, onSubmit: this.#handleSubmit, onClearDrawing: this.#handleClearDrawing, onDiscardRejected: this.#handleDiscardRejected,
    });
  }
}
