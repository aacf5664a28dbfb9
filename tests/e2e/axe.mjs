// axe-core in e2e pages and frames. Loaded through the debugger (evaluate), not a <script> tag, so a page's strict CSP and
// Trusted Types (the iframe embed page's) neither stop it nor count it as a violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on a page or frame (or inside `selector`), with axe's `options`: the violations, as "id (nodes)". */
export async function axeViolations(target, selector, options = {}) {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE);
  return target.evaluate(
    async ([sel, opts]) => (await window.axe.run(sel ? document.querySelector(sel) : document, opts)).violations.map((v) => `${v.id} (${v.nodes.length})`),
    [selector, options],
  );
}

/** For a page shown in another's frame: the framing page has the page's heading (axe checks it on the top page only). */
export const FRAMED_PAGE = { rules: { 'page-has-heading-one': { enabled: false } } };
