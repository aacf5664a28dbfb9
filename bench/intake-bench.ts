// Measured by scripts/bench.mjs: time from customElements.define to the first rendered form.
import { KoeIntake } from '../src/intake/koe-intake.js';

declare global {
  interface Window {
    defineAndRender(): Promise<number>;
  }
}

window.defineAndRender = async () => {
  // The class module is already loaded: this times the upgrade and the first render only, up to the moment the text box
  // exists (what comes after the first render, such as the outbox view's chunk, is not part of it).
  const el = document.querySelector('koe-intake') as KoeIntake;
  const start = performance.now();
  if (!customElements.get('koe-intake')) customElements.define('koe-intake', KoeIntake);
  const root = el.shadowRoot!;
  if (!root.querySelector('textarea')) {
    await new Promise<void>((rendered) => {
      const observer = new MutationObserver(() => {
        if (!root.querySelector('textarea')) return;
        observer.disconnect();
        rendered();
      });
      observer.observe(root, { childList: true, subtree: true });
    });
  }
  return performance.now() - start;
};
