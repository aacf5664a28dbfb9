// <koe-consent>: the customer's case-study consent from a link — notice, per-scope choices, signature, receipt, withdrawal.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { misconfigured } from '../core/config.js';
import { checkEndpoint } from '../core/endpoint.js';
import { emit, type KoeConfigErrorDetail } from '../core/events.js';
import type { HeadersInput } from '../core/outbox.js';
import type { ConsentRecord, ConsentRequest } from '../core/schemas.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { Parts } from '../shared/parts.js';
import { LocaleController, settled } from '../shared/locale-controller.js';
import { OutboxController } from '../shared/outbox-controller.js';
import { base, tokens } from '../shared/styles.js';
import type { ConsentFormState, DrawState, FormView } from './consent-form.js';
import { consentStyles } from './koe-consent.styles.js';
import type { WithdrawLink } from './link-codec.js';
import type { NoticeCopy } from './notice-template.js';
import { createSignaturePad, type SignaturePad } from './signature-pad-loader.js';
import { checks, configView, emptyForm, noticeCopy, receiptText, sign, withdrawText, withdrawView } from './chunks.js';
import type * as ChecksModule from './checks.js';
import type { Problem } from './source.js';
import { consentPack, type ConsentPack } from './strings.js';
import { shadowRootOptions } from '../shared/shadow-root.js';

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
export class KoeConsent extends LitElement {
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
    drawState: { state: true },
    status: { state: true },
    alert: { state: true },
    record: { state: true },
    deliveryNote: { state: true },
    rejectedId: { state: true },
    hash: { state: true },
  };
  /** @internal Whether the page is a secure context (SubtleCrypto needs one); replaceable in tests. */
  static secureContext = (): boolean => globalThis.isSecureContext === true;

  private readonly delivery = new OutboxController(this, { type: 'koe.consent.v1' });
  private readonly i18n = new LocaleController(this, consentPack);

  private form: ConsentFormState = emptyForm();
  private errors: Record<string, string> = {};
  private submitting = false;
  private drawState: DrawState = 'idle';
  private status = '';
  private alert = '';
  private record?: ConsentRecord;
  private deliveryNote = '';
  private rejectedId?: string;
  private hash = typeof location !== 'undefined' ? location.hash : '';

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

  private req?: ConsentRequest;
  private wd?: WithdrawLink;
  /** Settles when the link has been read (the first time, after the zod chunk has arrived). */
  private resolving?: Promise<void>;
  /** The parts the current view needs (config wording, receipt or withdraw wording, withdraw form). */
  private readonly parts = new Parts(this);
  private problem?: Problem;
  private seen?: { locale?: Locale; expiresAt?: string };
  private presentedAt = '';
  /** `endpoint` or `format` is unusable: nothing is sent; `configError` words it once the wording is here. */
  private blocked = false;
  private configError = '';
  private configEvent?: KoeConfigErrorDetail;
  private pad?: SignaturePad;
  private padPending = false;

  constructor() {
    super();
    this.addEventListener('koe-sent', (e) => {
      if (e.detail.id !== this.record?.receiptId) return;
      this.deliveryNote = '';
      this.status = this.t.c.sent;
    });
    this.addEventListener('koe-needs-attention', (e) => {
      if (e.detail.id !== this.record?.receiptId) return;
      this.alert = this.rejection(e.detail.message);
      this.rejectedId = e.detail.id;
    });
  }

  private get uiLocale(): Locale {
    return resolveLocale(this.locale || this.seen?.locale, this);
  }

  /** The current strings; read only once they have arrived (render checks first). */
  private get t(): ConsentPack {
    return this.i18n.value!;
  }

  /** Also waits for the link to be read and for a locale still being fetched. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), () => this.resolving ?? this.i18n.pending ?? this.parts.pending);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    // If the link could not be read for want of the network, read it again when the network is back.
    window.addEventListener('online', this.handleOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    window.removeEventListener('online', this.handleOnline);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('request') || changed.has('withdraw') || changed.has('mode') || changed.has('hash')) this.resolve();
    const t = this.i18n.use(this.uiLocale);
    if (t) this.checkConfig(t);
    if (t && this.record) this.parts.need(receiptText[t.lang]);
    else if (t && this.wd) this.parts.need(withdrawView, withdrawText[t.lang]);
    else if (t && this.req) this.parts.need(noticeCopy[t.lang]);
    if (changed.has('headers')) this.delivery.registerHeaders();
  }

  protected override updated(): void {
    if (this.configEvent) {
      emit(this, 'koe-config-error', this.configEvent);
      this.configEvent = undefined;
    }
    if (this.form.method === 'drawn' && this.drawState === 'idle' && !this.record) void this.setUpPad();
  }

  private readonly handleHashChange = () => {
    this.hash = location.hash;
  };

  private readonly handleOnline = () => {
    if (checks.get() || this.resolving) return;
    this.resolve();
    this.requestUpdate();
  };

  /** Decides what to show: insecure page, bad link, the signing form or the withdrawal form (at once when zod is here). */
  private resolve(): void {
    const ready = checks.get();
    if (ready) return this.apply(ready);
    // The wording of the notice most likely shown, in parallel with the link check.
    void noticeCopy[this.uiLocale].load().catch(() => undefined);
    const resolving: Promise<void> = checks.load().then(
      (m) => {
        if (this.resolving !== resolving) return;
        this.resolving = undefined;
        this.apply(m);
        this.requestUpdate();
      },
      () => {
        // Offline before the chunk arrived: keep saying "loading"; `online` tries again.
        if (this.resolving === resolving) this.resolving = undefined;
      },
    );
    this.resolving = resolving;
  }

  private apply(m: typeof ChecksModule): void {
    const found = m.resolveSource({ mode: this.mode, request: this.request, withdraw: this.withdraw, hash: this.hash, secure: KoeConsent.secureContext() });
    ({ req: this.req, wd: this.wd, problem: this.problem, seen: this.seen } = found);
    this.record = this.rejectedId = undefined;
    this.errors = {};
    this.alert = this.status = '';
    if (found.problem) return;
    const c = this.wd ? undefined : this.req?.customer;
    this.form = { ...emptyForm(), name: c?.signerName ?? '', title: c?.signerTitle ?? '', email: c?.signerEmail ?? '' };
    this.drawState = 'idle';
    this.presentedAt = m.isoWithOffset();
  }

  private checkConfig({ lang }: ConsentPack): void {
    const check = checkEndpoint(this.endpoint);
    this.blocked = misconfigured(check, this.format);
    if (this.blocked) this.parts.need(configView);
    const words = this.blocked && configView.get();
    const problem = words ? words.configProblem(lang, check, this.format) : undefined;
    const message = problem?.message ?? '';
    if (problem && message !== this.configError) this.configEvent = problem;
    this.configError = message;
  }

  private async setUpPad(): Promise<void> {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || this.padPending) return;
    this.padPending = true;
    // State changes after updated() has returned, so Lit does not schedule an update from inside one.
    await Promise.resolve();
    this.drawState = 'loading';
    try {
      const pad = await createSignaturePad(canvas);
      if (this.form.method !== 'drawn' || !canvas.isConnected) return void pad.off();
      // Match the bitmap to the displayed size, or strokes land away from the pointer.
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      this.pad = pad;
      this.drawState = 'ready';
    } catch {
      this.drawState = 'failed';
    } finally {
      this.padPending = false;
    }
  }

  private readonly setForm = (patch: Partial<ConsentFormState>) => {
    // The signer has started: fetch the signing code and receipt wording now, so sending does not wait for them.
    void Promise.all([sign.load(), receiptText[this.t.lang].load()]).catch(() => undefined);
    if (patch.method && patch.method !== this.form.method) {
      this.pad?.off();
      this.pad = undefined;
      this.drawState = 'idle';
    }
    this.form = { ...this.form, ...patch };
    const cleared = Object.keys(patch).flatMap((k) => (k === 'choices' ? ['scopes', ...Object.keys(patch.choices ?? {}).map((id) => `scope-${id}`)] : [k]));
    if (cleared.some((k) => this.errors[k])) this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !cleared.includes(k)));
  };

  private intent(): string {
    const { s } = this.t;
    if (this.wd) return withdrawText[this.t.lang].get()?.withdrawIntent(this.wd.receiptId) ?? '';
    const r = this.req;
    if (!r || !this.form.decision) return '';
    return (this.form.decision === 'grant' ? s.intentGrant : s.intentDecline)(r.customer.company, r.controller.name);
  }

  private rejection(message?: string): string {
    const email = this.req?.controller.email;
    const { s, c } = this.t;
    const lead = email ? s.rejected(email) : c.needsAttention;
    return message ? `${lead} ${c.serverSaid(message)}` : lead;
  }

  private readonly handleSubmit = async (event: Event) => {
    event.preventDefault();
    if (this.submitting || (!this.req && !this.wd)) return;
    if (this.blocked) {
      this.alert = this.configError;
      return;
    }
    // Busy from the first moment: hashing comes before sending, and a second press must not sign twice.
    this.submitting = true;
    try {
      await this.signAndSend();
    } catch (error) {
      this.status = '';
      this.alert = error instanceof Error ? error.message : String(error);
    } finally {
      this.submitting = false;
    }
  };

  private async signAndSend(): Promise<void> {
    const lang = this.t.lang;
    const [k, m, , ws, n] = await Promise.all([
      sign.load(),
      checks.load(),
      receiptText[lang].load(),
      this.wd && withdrawText[lang].load(),
      !this.wd && noticeCopy[lang].load(),
    ]);
    const { c, s } = this.t;
    const withdrawing = !!this.wd;
    const form = withdrawing ? { ...this.form, typedName: this.form.name, method: 'typed' as const } : this.form;
    // The very notice on screen: the same wording object rendered it.
    const notice = this.wd ? m.buildWithdrawalNoticeWith(this.wd, ws!) : m.buildNoticeWith(this.req!, n as NoticeCopy);
    const { sha256Hex, canonicalJson } = k;
    const signing = {
      notice,
      sha256: await sha256Hex(m.noticeText(notice)),
      presentedAt: this.presentedAt,
      intentStatement: this.intent(),
      image: form.method === 'drawn' && this.pad && !this.pad.isEmpty() ? this.pad.toDataURL('image/png') : undefined,
      requestSha256: this.req ? await sha256Hex(canonicalJson(this.req)) : undefined,
    };
    const record = this.wd ? k.buildWithdrawRecord(this.wd, form, signing, this.req) : k.buildConsentRecord(this.req!, form, signing);
    const drawing = { empty: !this.pad || this.pad.isEmpty(), failed: this.drawState === 'failed' };
    const errors = { ...m.recordErrors(record, form, { ...c, invalidEmail: s.invalidEmail }), ...k.choiceErrors(form, s, drawing, this.req, ws) };
    // In withdraw mode the typed name is the name field, which already carries the message.
    if (withdrawing) delete errors.typedName;
    if (Object.keys(errors).length) return this.showErrors(errors);
    this.errors = {};
    this.alert = '';
    this.rejectedId = undefined;
    this.status = c.sending;
    const format = this.format === 'cloudevents' ? 'cloudevents' : 'json';
    const result = await this.delivery.submit(record, { id: record.receiptId, endpoint: this.endpoint, format });
    this.status = '';
    if (result === 'cancelled') return;
    if (result.status === 'needs-attention') {
      const err = result.item.lastError;
      this.alert = err?.reason === 'auth' ? c.authRequired : this.rejection(err?.message);
      this.rejectedId = record.receiptId;
      return;
    }
    this.record = record;
    this.deliveryNote = result.status === 'sent' ? '' : result.persistent ? c.queued : c.queuedMemoryOnly;
    this.status = result.status === 'sent' ? c.sent : this.deliveryNote;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus();
  }

  /** The signer discards a refused record explicitly (the outbox never drops one silently). */
  private readonly discardRejected = async () => {
    if (!this.rejectedId) return;
    await this.delivery.discard(this.rejectedId);
    this.rejectedId = undefined;
    this.alert = '';
  };

  private async showErrors(errors: Record<string, string>): Promise<void> {
    this.errors = errors;
    this.alert = errors.form ?? '';
    this.status = this.t.c.fixFields(Object.keys(errors).length);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], fieldset [aria-describedby^="e-"]')?.focus();
  }

  /** The receipt, in the current language once its wording is here (else the one it was sent in). */
  private renderReceipt(lang: Locale) {
    const k = sign.get()!;
    const text = receiptText[lang].get() ?? receiptText[lang === 'ja' ? 'en' : 'ja'].get()!;
    const { record, req } = this;
    return k.renderReceipt({ s: text, lang, record: record!, delivery: this.deliveryNote, withdrawUrl: k.withdrawLinkFor(record!, lang), download: () => k.downloadReceipt(record!, req, this.renderRoot) });
  }

  private renderWithdraw(m: typeof ChecksModule, view: FormView, config: unknown) {
    const ws = withdrawText[view.lang].get();
    const form = withdrawView.get();
    if (!ws || !form) return html`<p class="hint">${view.s.loading}</p>`;
    return [m.renderNotice(m.buildWithdrawalNoticeWith(this.wd!, ws)), config, form.renderWithdrawForm(view, this.wd!, ws)];
  }

  override render() {
    if (!this.i18n.value) return nothing;
    const { lang, s, c } = this.t;
    const m = checks.get();
    const copy = noticeCopy[lang].get();
    const view: FormView = {
      s,
      c,
      lang,
      form: this.form,
      errors: this.errors,
      submitting: this.submitting,
      drawState: this.drawState,
      intent: this.intent(),
      set: this.setForm,
      submit: this.handleSubmit,
      clearDrawing: () => this.pad?.clear(),
    };
    const config = this.configError
      ? html`<div class="alert" role="alert"><strong>${configView.get()!.configTitle(lang)}</strong> ${this.configError}</div>`
      : nothing;
    // Until the link has been read (zod still on its way, or offline before it came), say so.
    const loading = html`<p class="hint">${s.loading}</p>`;
    const body =
      this.resolving || !m
        ? loading
        : this.problem
          ? m.renderProblem(...m.problemText(s, this.problem, this.seen?.expiresAt, lang))
          : this.record
            ? this.renderReceipt(lang)
            : this.wd
              ? this.renderWithdraw(m, view, config)
              : this.req
                ? copy
                  ? [m.renderNotice(m.buildNoticeWith(this.req, copy)), config, m.renderSignForm(view, this.req)]
                  : loading
                : nothing;
    return html`<div part="base" class="base" lang=${lang}>
      ${body}
      <div part="alert" class="alert" role="alert">${this.alert}${this.rejectedId
          ? html` <button type="button" @click=${this.discardRejected}>${c.discard}</button>`
          : nothing}</div>
      <p part="status" class="status" role="status">${this.status}</p>
    </div>`;
  }
}
