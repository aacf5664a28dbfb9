// Registers <koe-snippet> once (and, after its first paint, the <koe-intake> it opens); a second copy of the script is harmless.
// First: its clock starts when the script does (shared/evaluation-task.ts).
import '../shared/evaluation-task.js';
import { KoeSnippet } from './koe-snippet.js';
import { defineElement } from '../shared/define-element.js';

export { KoeSnippet };
// The koe-* event types, and with them the typed `GlobalEventHandlersEventMap`, come with every entry.
export type * from '../core/events.js';

defineElement('koe-snippet', KoeSnippet);

declare global {
  interface HTMLElementTagNameMap {
    'koe-snippet': KoeSnippet;
  }
}
