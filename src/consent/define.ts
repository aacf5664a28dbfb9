// Guarded registration of <koe-consent>: a second load of the bundle never throws.
// First: its clock starts when the script does (shared/evaluation-task.ts).
import '../shared/evaluation-task.js';
import { KoeConsent } from './koe-consent.js';
import { defineElement } from '../shared/define-element.js';

export { KoeConsent };
// The koe-* event types, and with them the typed `GlobalEventHandlersEventMap`, come with every entry.
export type * from '../core/events.js';

/** Registers `<koe-consent>` (or `tag`) unless that name is already taken. */
export function defineKoeConsent(tag = 'koe-consent'): void {
  defineElement(tag, KoeConsent);
}

defineKoeConsent();

declare global {
  interface HTMLElementTagNameMap {
    'koe-consent': KoeConsent;
  }
}
