// IME-safe keyboard handling: Enter that confirms a Japanese conversion must never send the form.

/** How long after `compositionend` an Enter keydown still counts as the IME's (Safari sends it after). */
const AFTER_COMPOSITION_MS = 100;

/** Input types where Enter is not the web's implicit submission. */
const NOT_SINGLE_LINE = ['radio', 'checkbox', 'button', 'submit'];

/**
 * Tracks composition on a root (a shadow root or form) so key handlers can tell
 * an IME-confirming Enter from a real one, including Safari's compositionend-then-keydown order.
 */
export class ImeGuard {
  #composing = false;
  #endedAt = -Infinity;

  readonly handleCompositionStart = (): void => {
    this.#composing = true;
  };

  readonly handleCompositionEnd = (): void => {
    this.#composing = false;
    this.#endedAt = performance.now();
  };

  /** True when this keydown belongs to an IME (composing, keyCode 229, or right after compositionend). */
  isImeKey(event: KeyboardEvent): boolean {
    if (event.isComposing || this.#composing || event.keyCode === 229) return true;
    const justEnded = performance.now() - this.#endedAt < AFTER_COMPOSITION_MS;
    // Only the first keydown after compositionend is the IME's, so the window closes here.
    this.#endedAt = -Infinity;
    return justEnded;
  }
}

/**
 * The form's keydown: Ctrl+Enter (Cmd+Enter on a Mac) anywhere, and plain Enter in a single-line field
 * (the web's implicit submission, which we run ourselves so the IME guard covers it too), send — never while an IME converts.
 */
export function submitKeys(ime: ImeGuard, submit: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Enter' || event.altKey) return;
    const shortcut = event.ctrlKey || event.metaKey;
    const target = event.composedPath()[0];
    const implicit = !event.shiftKey && target instanceof HTMLInputElement && !NOT_SINGLE_LINE.includes(target.type);
    if (!shortcut && !implicit) return;
    event.preventDefault();
    if (!ime.isImeKey(event)) submit();
  };
}
