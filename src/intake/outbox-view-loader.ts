// The outbox view of <koe-intake> (the list, edit-and-resend, delivery warnings) and its wording: fetched right after the first render.
import { adoptStyles, type CSSResultOrNative } from 'lit';
import type { OutboxItem } from '../core/outbox.js';
import type { Locale } from '../i18n/locale.js';
import type { OutboxStrings } from '../i18n/outbox.js';
import { lazy, type Lazy } from '../core/lazy.js';

export const outboxView = lazy(() => import('./outbox-view.js'));
export const outboxWording: Record<Locale, Lazy<OutboxStrings>> = {
  ja: lazy(() => import('../i18n/outbox-ja.js').then((m) => m.outboxJa)),
  en: lazy(() => import('../i18n/outbox-en.js').then((m) => m.outboxEn)),
};

/** A refused submission's status message and field messages, once the view and its wording are here (undefined if they cannot be fetched). */
export function attentionFor(lang: Locale, item: OutboxItem) {
  return Promise.all([outboxView.load(), outboxWording[lang].load()]).then(
    ([view, wording]) => view.attentionFor(wording, item),
    () => undefined,
  );
}

const withOutboxStyles = new WeakSet<ShadowRoot>();

/** Adds the outbox view's styles to the element's once the view is here (once per shadow root). */
export function adoptOutboxStyles(root: ShadowRoot, own: CSSResultOrNative[]): void {
  const view = outboxView.get();
  if (!view || withOutboxStyles.has(root)) return;
  adoptStyles(root, [...own, view.styles]);
  withOutboxStyles.add(root);
}
