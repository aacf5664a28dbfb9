// The early words box: a <textarea> the page writes inside <koe-intake> is on screen, and takes typing, before Koe's script
// has run (on a slow device, a few hundred milliseconds after the page itself). It stays on screen, through a slot, until
// the element's own words box is drawn; then what was typed, the caret and the focus move there, and the page's box is
// no longer shown (an element child that no slot takes is not rendered).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class EarlyWordsBox implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #wordsBox: () => HTMLTextAreaElement | null;
  readonly #onText: (text: string) => void;
  #box?: HTMLTextAreaElement;
  #slot?: HTMLSlotElement;

  /** `wordsBox`: the element's own, once drawn; `onText`: what was typed in the page's box becomes the form's text. */
  constructor(host: ReactiveControllerHost & HTMLElement, wordsBox: () => HTMLTextAreaElement | null, onText: (text: string) => void) {
    this.#host = host;
    this.#wordsBox = wordsBox;
    this.#onText = onText;
    host.addController(this);
  }

  /** With the element's new render root: keeps the page's box (a <textarea> child of the host) on screen for now. */
  showUntilDrawn(root: Node): void {
    const box = this.#host.querySelector<HTMLTextAreaElement>(':scope > textarea');
    if (!box) return;
    this.#box = box;
    // Appended before the first render: Lit draws its template after it (LitElement renders before the root's first child
    // only when one was there as the root was made).
    this.#slot = root.appendChild(document.createElement('slot'));
  }

  hostUpdated(): void {
    const box = this.#box;
    const wordsBox = box && this.#wordsBox();
    if (box && wordsBox) void this.#handOver(box, wordsBox);
  }

  /** The page's box goes off screen; its text, and its caret and focus if it had them, move to the element's words box. */
  async #handOver(box: HTMLTextAreaElement, wordsBox: HTMLTextAreaElement): Promise<void> {
    this.#box = undefined;
    const focused = box.matches(':focus');
    // Focus moves first: leaving the box ends an IME composition in it, and the converted text is in its value then.
    if (focused) wordsBox.focus();
    this.#slot?.remove();
    const { value, selectionStart, selectionEnd } = box;
    if (value) this.#onText(value);
    if (!focused) return;
    await this.#host.updateComplete;
    this.#wordsBox()?.setSelectionRange(selectionStart, selectionEnd);
  }
}
