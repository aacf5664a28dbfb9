// Registers <koe-intake> once; a second copy of the script on the page is harmless.
import { KoeIntake } from './koe-intake.js';
import { defineElement } from '../shared/define-element.js';

export { KoeIntake };

defineElement('koe-intake', KoeIntake);

declare global {
  interface HTMLElementTagNameMap {
    'koe-intake': KoeIntake;
  }
}
