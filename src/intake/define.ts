// Registers <koe-intake> once; a second copy of the script on the page is harmless.
// First: its clock starts when the script does (shared/evaluation-task.ts).
import '../shared/evaluation-task.js';
import { KoeIntake } from './koe-intake.js';
import { defineElement } from '../shared/define-element.js';

export { KoeIntake };
// The koe-* event types, and with them the typed `GlobalEventHandlersEventMap`, come with every entry.
export type * from '../core/events.js';

defineElement('koe-intake', KoeIntake);

declare global {
  interface HTMLElementTagNameMap {
    'koe-intake': KoeIntake;
  }
}
