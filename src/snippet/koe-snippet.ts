// <koe-snippet>: select text in an email or chat on the page → a button → <koe-intake> prefilled in a dialog.
import { html, nothing } from 'lit';
import { KoeContextElement } from '../shared/context-element.js';
import { keyed } from 'lit/directives/keyed.js';
import { emit } from '../core/events.js';
import { resolveLocale } from '../i18n/locale.js';
import { LocaleController, settled } from '../shared/locale-controller.js';
import { snippetPack } from './strings.js';
import type { IntakePrefill } from '../intake/payload.js';
import { snippetForm } from './snippet-form.js';
import { styles } from './koe-snippet.styles.js';
import { shadowRootOptions } from '../shared/shadow-root.js';
import { selectionIn, isSnippetShortcut, placeNear } from './selection.js';

/**
 * Turns a selection in an email or chat on the page into a customer voice, without retyping.
 *
 * @tagname koe-snippet
 * @summary Wraps (or points with `for` at) a region; selecting text there shows "Save as customer voice", which opens a prefilled `<koe-intake>` in a dialog. Shortcut: Alt+Shift+V.
 *
 * @slot - The region to collect from (used when `for` is not set).
 *
 * @fires {KoeEvent<'koe-submit'>} koe-submit - From the inner `<koe-intake>` (composed); cancelable.
 * @fires {KoeEvent<'koe-sent'>} koe-sent - From the inner `<koe-intake>`.
 * @fires {KoeEvent<'koe-queued'>} koe-queued - From the inner `<koe-intake>`.
 * @fires {KoeEvent<'koe-needs-attention'>} koe-needs-attention - From the inner `<koe-intake>`.
 * @fires {KoeEvent<'koe-config-error'>} koe-config-error - `for` matches nothing (or the inner form's configuration is wrong).
 *
 * @csspart button - The floating "Save as customer voice" button.
 * @csspart dialog - The native dialog.
 * @csspart dialog-title - The dialog's heading.
 * @csspart close - The dialog's close button.
 * @csspart intake - The inner `<koe-intake>`.
 * @csspart intake-base - The inner form's `base` part (likewise intake-textarea, intake-chip, intake-submit, intake-status, intake-confirmation).
 *
 * @cssprop --koe-color-accent - Button background.
 * @cssprop --koe-color-on-accent - Button text.
 * @cssprop --koe-color-surface - Dialog background.
 * @cssprop --koe-color-text - Dialog text.
 * @cssprop --koe-snippet-dialog-width - Dialog width (default `min(40rem, 100vw - 2rem)`).
 */
export class KoeSnippet extends KoeContextElement {
  static override styles = styles;
  static override shadowRootOptions = shadowRootOptions();
  /** Reactive properties and internal state (declared here rather than with decorators: smaller bundles). */
  static override properties = {
    for: {},
    selectedText: { state: true },
    openCount: { state: true },
    formUnavailable: { state: true },
  };

  // Privacy: `#name` for everything private (the platform's own privacy); `private` only where Lit needs a real property (reactive state).
  readonly #i18n = new LocaleController(this, snippetPack);

  get #button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.save');
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private selectedText = '';
  /** Bumped on every opening: the dialog gets a fresh <koe-intake> each time. */
  private openCount = 0;
  /** The dialog opened, but the form's code could not be fetched: it says so instead of showing an empty dialog. */
  private formUnavailable = false;
  #targetMissing = false;
  /** `koe-config-error` for a missing `for` target is still to be sent (once the strings to word it are in). */
  #missingTargetUnreported = false;
  #returnFocus?: HTMLElement;
  #prefill?: IntakePrefill;

  /** A CSS selector for the region to collect from; without it, the slotted content is the region. */
  for?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('selectionchange', this.#handleSelectionChange);
    document.addEventListener('keydown', this.#handleKeydown);
    window.addEventListener('scroll', this.#handleSelectionChange, { capture: true, passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this.#handleSelectionChange);
    document.removeEventListener('keydown', this.#handleKeydown);
    window.removeEventListener('scroll', this.#handleSelectionChange, { capture: true });
  }

  /** Also waits for a locale that is still being fetched. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), () => this.#i18n.pending);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    this.#i18n.use(resolveLocale(this.locale, this));
    if (changed.has('for')) {
      this.#targetMissing = !!this.for && !this.#target();
      this.#missingTargetUnreported = this.#targetMissing;
    }
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    // Offline, the dialog's opening tries again.
    if (changed.has('painted') && this.painted) void snippetForm.load().catch(() => undefined);
    // Reported once the strings to word it are in.
    if (!this.#missingTargetUnreported || !this.#i18n.value) return;
    this.#missingTargetUnreported = false;
    emit(this, 'koe-config-error', { field: 'for', reason: 'not-found', message: this.#i18n.value.s.snippetTargetMissing(this.for!) });
  }

  readonly #handleSelectionChange = (): void => {
    if (this.#dialog?.open) return;
    const found = selectionIn(this.#target());
    this.selectedText = found?.text ?? '';
    if (found && this.#button) placeNear(this.#button, found.rect);
  };

  readonly #handleKeydown = (event: KeyboardEvent): void => {
    if (!isSnippetShortcut(event) || this.#dialog?.open) return;
    const found = selectionIn(this.#target());
    if (!found) return;
    event.preventDefault();
    this.selectedText = found.text;
    this.open();
  };

  // Keeps the page's selection (and focus) where they are when the button is pressed with a mouse.
  readonly #handleButtonPointerDown = (event: Event): void => event.preventDefault();

  readonly #handleButtonClick = (): void => this.open();

  readonly #handleCloseClick = (): void => this.close();

  readonly #handleDialogClose = (): void => {
    this.selectedText = '';
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus();
  };

  /** The region to collect from: the `for` target (null when it matches nothing), else the element itself. */
  #target(): Element | null {
    if (!this.for) return this;
    try {
      return document.querySelector(this.for);
    } catch {
      return null;
    }
  }

  async #showDialog(): Promise<void> {
    this.formUnavailable = await snippetForm.load().then(
      () => false,
      () => !customElements.get('koe-intake'),
    );
    await this.updateComplete;
    const form = this.renderRoot.querySelector('koe-intake');
    await form?.updateComplete;
    this.#dialog?.showModal();
    // The rep came here to file this text: put the caret in it (the dialog's own autofocus may land on the host).
    form?.focus();
  }

  /** Opens the dialog with the current selection (what the button and the shortcut do). */
  open(): void {
    if (!this.selectedText || this.#dialog?.open) return;
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    this.#returnFocus = active && active !== document.body ? active : undefined;
    this.#prefill = { text: this.selectedText, fromSelection: true, pageUrl: location.href, pageTitle: document.title };
    this.openCount += 1;
    void this.#showDialog();
  }

  /** Closes the dialog; focus goes back where it was. */
  close(): void {
    this.#dialog?.close();
  }

  override render() {
    // The slot is always there, so the page's own content never disappears while strings load.
    if (!this.#i18n.value) return html`<slot></slot>`;
    const { s } = this.#i18n.value;
    return html`<slot></slot>
      ${this.#targetMissing ? html`<p class="error" role="alert">${s.snippetTargetMissing(this.for ?? '')}</p>` : nothing}
      <button
        part="button"
        class="save"
        type="button"
        aria-keyshortcuts="Alt+Shift+V"
        title=${s.snippetShortcut}
        ?hidden=${!this.selectedText}
        @pointerdown=${this.#handleButtonPointerDown}
        @mousedown=${this.#handleButtonPointerDown}
        @click=${this.#handleButtonClick}
      >
        ${s.snippetButton}
      </button>
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#handleDialogClose}>
        <div class="dialog-head">
          <h2 id="dialog-title" part="dialog-title">${s.snippetDialogTitle}</h2>
          <button part="close" type="button" class="close" @click=${this.#handleCloseClick}>${s.close}</button>
        </div>
        ${this.formUnavailable ? html`<p class="error" role="alert">${s.snippetFormUnavailable}</p>` : nothing}
        ${this.openCount > 0 && !this.formUnavailable ? keyed(this.openCount, this.#renderIntake()) : nothing}
      </dialog>`;
  }

  /** The prefilled form in the dialog: every shared attribute and property passed on. */
  #renderIntake() {
    return html`<koe-intake
      part="intake"
      exportparts="base: intake-base, textarea: intake-textarea, chip: intake-chip, submit: intake-submit, status: intake-status, confirmation: intake-confirmation"
      autofocus
      .endpoint=${this.endpoint}
      .format=${this.format}
      .locale=${this.locale}
      .companyId=${this.companyId}
      .companyName=${this.companyName}
      .contactName=${this.contactName}
      .dealId=${this.dealId}
      .dealStage=${this.dealStage}
      .leadSource=${this.leadSource}
      .reporterId=${this.reporterId}
      .reporterName=${this.reporterName}
      .context=${this.context}
      .tags=${this.tags}
      .headers=${this.headers}
      .prefill=${this.#prefill}
    ></koe-intake>`;
  }
}
