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
import { ConsentDelivery } from './consent-delivery.js';
import { ConsentFormErrors } from './consent-form-errors.js';
import { emptyForm, type ConsentFormState } from './consent-form-state.js';
import { ConsentLinkController } from './consent-link-controller.js';
import type { WithdrawLink } from './link-rules.js';
import { noticeWording, receiptPrint, receiptWording, refusalWording, signing, withdrawForm, withdrawWording } from './consent-loaders.js';
import { intentSentence, refusalAlert } from './consent-sentences.js';
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
 * @fires {KoeEvent<'koe-sent'>} koe-sent - The receiver accepted the record (2xx); detail.body holds its signed receipt.
 * @fires {KoeEvent<'koe-failed'>} koe-failed - A delivery attempt failed (`retrying` says whether it will be retried).
 * @fires {KoeEvent<'koe-needs-attention'>} koe-needs-attention - The receiver refused the record (422 naming the rule, 409 already answered).
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
    submitting: { state: true },
    status: { state: true },
    alert: { state: true },
    record: { state: true },
    deliveryNote: { state: true },
  };
  /** @internal Whether the page is a secure context (SubtleCrypto needs one); replaceable in tests. */
  static secureContext = (): boolean => globalThis.isSecureContext === true;

  // Privacy: `#name` for everything private (the platform's own privacy); `private` only where Lit needs a real property (reactive state).
  readonly #outbox = new OutboxController(this, { type: 'koe.consent.v1' });
  /** Sends records and keeps what the receiver said: its signed receipt, or the rule it refused one by. */
  readonly #delivery = new ConsentDelivery(this, this.#outbox, {
    onDelivered: () => void ((this.deliveryNote = ''), (this.status = this.#t.c.sent)),
    loadRefusalWording: () => refusalWording[this.#t.lang].load(),
  });
  /** What the signer must fix: field messages, the summary, a form-level problem. */
  readonly #errors = new ConsentFormErrors(this);
  readonly #i18n = new LocaleController(this, consentPack);
  /** The modules the current view needs (config wording, receipt or withdraw wording, withdraw form, refusal wording). */
  readonly #lazyModules = new LazyModules(this);
  readonly #config = new ConfigCheck(this, this.#lazyModules);
  readonly #link = new ConsentLinkController(this, {
    secureContext: () => KoeConsent.secureContext(),
    onRead: (source) => this.#handleLinkRead(source),
  });
  readonly #signature = new SignaturePadController(this, () => this.form.method === 'drawn' && !this.record);

  private form: ConsentFormState = emptyForm();
  private submitting = false;
  private status = '';
  private alert = '';
  /** The record sent (or queued): the receipt shows it. */
  private record?: ConsentRecord;
  private deliveryNote = '';

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
  /** Withdraw mode: `{ receiptId, requestId, withdrawalToken, scopes, termMonths? }`; when unset, read from `#koe-withdraw=`. */
  withdraw?: WithdrawLink;
  /** Extra request headers (object or function, may be async), read at send time and never stored. */
  headers?: HeadersInput;

  /** Also waits for a locale or view still being fetched. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), () => this.#i18n.pending ?? this.#lazyModules.pending);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('request') || changed.has('withdraw') || changed.has('mode')) this.#link.read();
    const t = this.#i18n.use(this.#uiLocale);
    this.#config.check(t?.lang, checkEndpoint(this.endpoint), this.format);
    const source = this.#link.source;
    const refusal = t && this.#delivery.refusal ? [refusalWording[t.lang]] : [];
    if (t && this.record) this.#lazyModules.need(receiptWording[t.lang], receiptPrint);
    else if (t && source?.withdrawal) this.#lazyModules.need(withdrawForm, withdrawWording[t.lang], ...refusal);
    else if (t && source?.request) this.#lazyModules.need(noticeWording[t.lang], ...refusal);
    if (changed.has('headers')) this.#outbox.registerHeaders();
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
    this.#delivery.reset();
    this.#startForm(source);
  }

  readonly #handleFormChange = (patch: Partial<ConsentFormState>): void => {
    // The signer has started: fetch the signing code and receipt wording now, so sending does not wait for them.
    void Promise.all([signing.load(), receiptWording[this.#t.lang].load()]).catch(() => undefined);
    if (patch.method && patch.method !== this.form.method) this.#signature.reset();
    this.form = { ...this.form, ...patch };
    // A refused withdrawal's email: changing it is the fix the message asks for.
    if ('email' in patch && this.#delivery.refusal?.code === 'withdrawal-signer-mismatch') this.#delivery.fieldFixed();
    this.#errors.changed(patch);
  };

  readonly #handleSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  readonly #handleClearDrawing = (): void => this.#signature.clear();

  /** The signer discards a refused record explicitly (the outbox never drops one silently). */
  readonly #handleDiscardRejected = (): void => void this.#delivery.discardRefused();

  /** A blank form (prefilled with the signer a request names), no drawing, no messages. */
  #startForm(source: LinkSource | undefined): void {
    this.#signature.reset();
    this.form = emptyForm(source?.withdrawal ? undefined : source?.request);
    this.#errors.clear();
    this.alert = this.status = '';
  }

  #intent(): string {
    const source = this.#link.source ?? {};
    return intentSentence(this.#t.s, this.form, source, withdrawWording[this.#t.lang].get());
  }

  /** Builds, hashes and checks the record, then sends it; what is wrong is shown next to the fields instead. */
  async #signAndSend(source: LinkSource): Promise<ConsentSubmitResult> {
    const { lang, c, s } = this.#t;
    const noticeWordingNeeded = source.withdrawal ? withdrawWording[lang] : noticeWording[lang];
    const [signer] = await Promise.all([signing.load(), receiptWording[lang].load(), noticeWordingNeeded.load()]);
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
    this.#errors.clear();
    this.alert = '';
    this.status = c.sending;
    const result = await this.#delivery.send(record);
    this.status = '';
    if (result === 'cancelled') return 'cancelled';
    if (result.status === 'needs-attention') {
      // A refusal is worded at render time (its wording is fetched now); authentication is the host's to fix.
      if (result.item.lastError?.reason === 'auth') this.alert = c.authRequired;
      return 'needs-attention';
    }
    this.record = record;
    this.deliveryNote = result.status === 'sent' ? '' : result.persistent ? c.queued : c.queuedMemoryOnly;
    this.status = this.deliveryNote || c.sent;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus();
    return result.status;
  }

  async #showErrors(errors: Record<string, string>): Promise<'invalid'> {
    this.#errors.show(errors, this.#t.c.fixFields);
    this.alert = this.status = '';
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
    if (this.isUpdatePending || !this.#i18n.value || this.#lazyModules.pending) await this.updateComplete;
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
    // A refusal by the rule it names (the receiver's own words where that wording cannot come).
    const refusal = refusalAlert(t.s, t.c, this.#link.source?.request, this.#delivery.refusal, refusalWording[t.lang].get());
    return renderConsent({
      ...t, form: this.form, errors: this.#errors.errors, submitting: this.submitting, drawState: this.#signature.state, intent: this.#intent(),
      source: this.#link.source, notice: this.#link.notice(t.lang),
      record: this.record, answer: this.#delivery.answer, endpointUrl: this.#outbox.endpoint, signedNotice: this.record && this.#link.notice(this.record.notice.locale),
      deliveryNote: this.deliveryNote, config: this.#config, alert: this.alert || this.#errors.formProblem || refusal, status: this.status || this.#errors.summary,
      rejectedId: this.#delivery.refusal && !this.#delivery.refusal.fixed ? this.#delivery.refusal.id : undefined, root: this.renderRoot,
      onChange: this.#handleFormChange, onSubmit: this.#handleSubmit, onClearDrawing: this.#handleClearDrawing, onDiscardRejected: this.#handleDiscardRejected,
    });
  }
}
