// What <koe-intake> fetches after its first render: rare views and their wording.
import { adoptStyles, type CSSResultOrNative } from 'lit';
import type { OutboxItem } from '../core/outbox.js';
import type { Locale } from '../i18n/locale.js';
import type { OutboxStrings } from '../i18n/outbox.js';
import { lazy, type Lazy } from '../core/lazy.js';

// The outbox list, edit-and-resend and delivery warnings, with their wording per locale.
export const outboxView = lazy(() => import('./outbox-view.js'));
export const outboxText: Record<Locale, Lazy<OutboxStrings>> = {
  ja: lazy(() => import('../i18n/outbox-ja.js').then((m) => m.outboxJa)),
  en: lazy(() => import('../i18n/outbox-en.js').then((m) => m.outboxEn)),
};

/** A refused submission's status message and field messages, once the view and its wording are here (undefined if they cannot be fetched). */
export function attention(lang: Locale, item: OutboxItem) {
  return Promise.all([outboxView.load(), outboxText[lang].load()]).then(
    ([view, text]) => view.attentionFor(text, item),
    () => undefined,
  );
}

/** Adds the outbox view's styles to the element's once the view is here; true when done. */
export function adoptOutboxStyles(root: ShadowRoot, own: CSSResultOrNative[]): boolean {
  const view = outboxView.get();
  if (view) adoptStyles(root, [...own, view.styles]);
  return !!view;
}
