// The early words box: a <textarea> the page writes inside <koe-intake> is on screen, and takes typing, before Koe's script
// has run (on a slow device, a few hundred milliseconds after the page itself). It stays on screen, through a slot, until
// the element's own words box is drawn; then what was typed, the caret and the focus move there, and the page's box is
// no longer shown (an element child that no slot takes is not rendered).

/** What was typed in the page's box when the element took over. */
export interface EarlyWords {
  text: string;
  /** The box had focus: the element's words box has it now, and should get the caret back. */
  focused: boolean;
  selectionStart: number;
  selectionEnd: number;
}

export class EarlyWordsBox {
  #box?: HTMLTextAreaElement;
  #slot?: HTMLSlotElement;

  /** With the element's new render root: keeps the page's box (a <textarea> child of `host`) on screen for now. */
  showUntilDrawn(host: HTMLElement, root: Node): void {
    const box = host.querySelector<HTMLTextAreaElement>(':scope > textarea');
    if (!box) return;
    this.#box = box;
    // Appended before the first render: Lit draws its template after it (LitElement renders before the root's first child
    // only when one was there as the root was made).
    this.#slot = root.appendChild(document.createElement('slot'));
  }

  /** Once the element's own words box is drawn: the page's box goes off screen and its text comes back (once). */
  handOver(wordsBox: HTMLTextAreaElement): EarlyWords | undefined {
    const box = this.#box;
    if (!box) return undefined;
    this.#box = undefined;
    const focused = box.matches(':focus');
    // Focus moves first: leaving the box ends an IME composition in it, and the converted text is in its value then.
    if (focused) wordsBox.focus();
    this.#slot?.remove();
    return { text: box.value, focused, selectionStart: box.selectionStart, selectionEnd: box.selectionEnd };
  }
}
