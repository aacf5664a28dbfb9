// Reading the page selection inside a target region, and placing the button next to it through CSSOM.

/** The non-collapsed selection, when it lies entirely inside `target`. */
export function selectionIn(target: Element | null): { text: string; rect: DOMRect } | undefined {
  const selection = target ? document.getSelection() : null;
  if (!target || !selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!target.contains(range.commonAncestorContainer)) return undefined;
  const text = selection.toString().trim();
  return text ? { text, rect: range.getBoundingClientRect() } : undefined;
}

/** Alt+Shift+V: free in Chrome, Firefox, Safari and the Japanese IMEs; `code` so Mac's Option layer still matches. */
export function isSnippetShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyV';
}

/** Positions a fixed button just below the selection (CSSOM, which a strict CSP allows; never a style= attribute). */
export function placeNear(button: HTMLElement, rect: DOMRect): void {
  const top = Math.max(8, Math.min(rect.bottom + 6, window.innerHeight - 48));
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - 240));
  button.style.setProperty('top', `${Math.round(top)}px`);
  button.style.setProperty('left', `${Math.round(left)}px`);
}
