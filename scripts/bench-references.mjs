// Reference elements for the runtime bench (bench-runtime.mjs): what the platform and the given stack cost on their
// own, on the same page as <koe-intake> and its plain-form floor. Each registers <reference-intake>:
// - plain.js: a custom element with no library that sets its shadow root's HTML once, to the floor's whole form;
// - lit-words.js: a Lit element drawing only the labelled words box and send button, as Koe's first render does;
// - lit-form.js: a Lit element drawing the floor's whole form in one template.
// The form's markup is read from bench/runtime/floor-intake.html, so the three draw what the floor has. Built with Vite
// and Lit's production build like dist/, into node_modules/.cache/koe-bench/ (served by the bench from the repository).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { minifiedOutput } from './build-options.mjs';

const root = resolve(import.meta.dirname, '..');
const REFERENCE_DIR = 'node_modules/.cache/koe-bench';

export async function buildReferences() {
  const outDir = resolve(root, REFERENCE_DIR);
  mkdirSync(outDir, { recursive: true });
  const floor = readFileSync(resolve(root, 'bench/runtime/floor-intake.html'), 'utf8');
  const form = floor.slice(floor.indexOf('<form'), floor.indexOf('</form>') + '</form>'.length);
  const literal = '`' + form.replace(/[`\\$]/g, (c) => `\\${c}`) + '`';
  const shadow = `this.attachShadow({ mode: 'open' })`;
  writeFileSync(resolve(outDir, 'plain.js'), `customElements.define('reference-intake', class extends HTMLElement {\n  connectedCallback() {\n    ${shadow}.innerHTML = ${literal};\n  }\n});\n`);
  const litForm = resolve(outDir, 'lit-form-source.js');
  writeFileSync(litForm, `import { LitElement, html } from 'lit';\ncustomElements.define('reference-intake', class extends LitElement {\n  render() {\n    return html${literal};\n  }\n});\n`);
  const entries = { 'lit-words': resolve(root, 'bench/runtime/reference/lit-words.ts'), 'lit-form': litForm };
  for (const [name, entry] of Object.entries(entries)) {
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      resolve: { conditions: ['module', 'browser', 'production'] },
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
        rolldownOptions: { output: minifiedOutput },
      },
    });
  }
}
