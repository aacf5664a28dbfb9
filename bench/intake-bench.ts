// Measured by scripts/bench.mjs: time from customElements.define to the first rendered form.
import { KoeIntake } from '../src/intake/koe-intake.js';

declare global {
  interface Window {
    defineAndRender(): Promise<number>;
  }
}

window.defineAndRender = async () => {
  // The class module is already loaded: this times the upgrade and the first render only.
  const el = document.querySelector('koe-intake') as KoeIntake;
  const start = performance.now();
  if (!customElements.get('koe-intake')) customElements.define('koe-intake', KoeIntake);
  await el.updateComplete;
  while (!el.shadowRoot?.querySelector('textarea')) await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - start;
};
