// Build-time minifier for Lit `css`/`html` templates in src/ (rules in minify-text.mjs): the same plugin for `vite build`,
// the dev server and scripts/bench-sizes.mjs.
import { parseSync, Visitor } from 'vite';
import { RolldownMagicString } from 'rolldown';
import { minifyCss, minifyHtmlParts } from './minify-text.mjs';

export { minifyCss, minifyHtmlParts };

const SOURCE = /\/src\/(?!server\/).*\.ts$/;

/** Minifies the `css` and `html` tagged templates of one module; undefined when nothing changed. */
export function minifyTemplates(code, id) {
  if (!code.includes('css`') && !code.includes('html`')) return undefined;
  const { program } = parseSync(id, code);
  const edits = [];
  new Visitor({
    TaggedTemplateExpression(node) {
      const tag = node.tag.type === 'Identifier' ? node.tag.name : '';
      if (tag !== 'css' && tag !== 'html') return;
      const quasis = node.quasi.quasis;
      const raws = quasis.map((q) => q.value.raw);
      const minified = tag === 'css' ? (quasis.length === 1 ? [minifyCss(raws[0])] : raws) : minifyHtmlParts(raws);
      quasis.forEach((q, k) => {
        // A quasi's span includes its delimiters: ` or } before, ` or ${ after.
        if (minified[k] !== raws[k]) edits.push([q.start + 1, q.start + 1 + raws[k].length, minified[k]]);
      });
    },
  }).visit(program);
  if (!edits.length) return undefined;
  const ms = new RolldownMagicString(code);
  for (const [start, end, text] of edits) ms.overwrite(start, end, text);
  return { code: ms.toString(), map: JSON.parse(ms.generateMap({ hires: true, source: id, includeContent: true }).toString()) };
}

/** The Vite/rolldown plugin: the same transform for `vite build`, the dev server and scripts/bench-sizes.mjs. */
export function minifyTemplatesPlugin() {
  return {
    name: 'koe-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!SOURCE.test(id.split('?')[0])) return undefined;
      return minifyTemplates(code, id);
    },
  };
}
