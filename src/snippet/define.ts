// Registers <koe-snippet> (and the <koe-intake> it opens) once; a second copy of the script is harmless.
import { KoeSnippet } from './koe-snippet.js';

export { KoeSnippet };
// The koe-* event types, and with them the typed `GlobalEventHandlersEventMap`, come with every entry.
export type * from '../core/events.js';

if (!customElements.get('koe-snippet')) customElements.define('koe-snippet', KoeSnippet);

declare global {
  interface HTMLElementTagNameMap {
    'koe-snippet': KoeSnippet;
  }
}
