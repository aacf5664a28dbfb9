// The form <koe-snippet>'s dialog opens (importing it registers <koe-intake>): fetched after the snippet's first paint,
// since until text is selected the snippet shows nothing but the page's own content; awaited when the dialog opens
// before it has come. A failed fetch (offline since the page loaded) is tried again at the next opening.
import { lazy } from '../core/lazy.js';

export const snippetForm = lazy(() => import('../intake/define.js'));
