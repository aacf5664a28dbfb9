// Queries into an element's shadow root, as the element tests read what a person sees.

/** The first match in `el`'s shadow root; throws naming the selector when there is none. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>`);
  return found;
}

/** Every match in `el`'s shadow root. */
export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return Array.from(el.shadowRoot!.querySelectorAll<T>(selector));
}
