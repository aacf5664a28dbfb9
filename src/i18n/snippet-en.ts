// Strings of <koe-snippet>, in English.
import type { SnippetStrings } from './snippet.js';

export const snippetEn: SnippetStrings = {
  snippetButton: 'Save as customer voice',
  snippetShortcut: 'You can also select text and press Alt+Shift+V.',
  snippetDialogTitle: 'Save the selected text as a customer voice',
  snippetTargetMissing: (selector) => `Nothing on the page matches the for attribute “${selector}”.`,
  snippetFormUnavailable: 'The form could not be loaded. Check your connection and try again (the text you selected is still on the page).',
  close: 'Close',
};
