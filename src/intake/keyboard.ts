// IME-safe keyboard handling: Enter that confirms a Japanese conversion must never send the form.

/** How long after `compositionend` an Enter keydown still counts as the IME's (Safari sends it after). */
const AFTER_COMPOSITION_MS = 100;

/**
 * Tracks composition on a root (a shadow root or form) so key handlers can tell
 * an IME-confirming Enter from a real one, including Safari's compositionend-then-keydown order.
 */
export class ImeGuard {
  #composing = false;
  #endedAt = -Infinity;
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  readonly handleCompositionStart = (): void => {
    this.#composing = true;
  };

  readonly handleCompositionEnd = (): void => {
    this.#composing = false;
    this.#endedAt = this.#now();
  };

  /** True when this keydown belongs to an IME (composing, keyCode 229, or right after compositionend). */
  isImeKey(event: KeyboardEvent): boolean {
    if (event.isComposing || this.#composing || event.keyCode === 229) return true;
    if (this.#now() - this.#endedAt < AFTER_COMPOSITION_MS) {
      // Consume the window: only the first keydown after compositionend is the IME's.
      this.#endedAt = -Infinity;
      return true;
    }
    return false;
  }
}

/** Ctrl+Enter, or Cmd+Enter on a Mac. */
export function isSubmitShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/** Plain Enter in a single-line field: the web's implicit submission, which we run ourselves. */
export function isImplicitSubmit(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
  const target = event.composedPath()[0];
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

/** The form's keydown: Ctrl/Cmd+Enter anywhere and Enter in a single-line field send, never while an IME converts. */
export function submitKeys(ime: ImeGuard, submit: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (!isSubmitShortcut(event) && !isImplicitSubmit(event)) return;
    // The browser's own implicit submission is replaced by ours, so the IME guard covers it too.
    event.preventDefault();
    if (!ime.isImeKey(event)) submit();
  };
}
