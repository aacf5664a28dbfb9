// Registers <koe-intake> once; a second copy of the script on the page is harmless.
import { KoeIntake } from './koe-intake.js';

export { KoeIntake };

if (!customElements.get('koe-intake')) customElements.define('koe-intake', KoeIntake);

declare global {
  interface HTMLElementTagNameMap {
    'koe-intake': KoeIntake;
  }
}
