// Build-time minifier for Lit `css`/`html` templates in src/: drops CSS comments and spaces, collapses line-break
// indentation in html. Conservative: text whitespace becomes one space (never removed), quoted attribute values
// and <pre>/<textarea>/<script>/<style> content are left alone, and a template with backslash escapes in CSS is skipped.
import { parseSync, Visitor } from 'vite';
import { RolldownMagicString } from 'rolldown';

const SOURCE = /\/src\/(?!server\/).*\.ts$/;
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style']);

/** CSS outside strings: comments out, whitespace runs to one space, none around { } ; , > or after :, no ; before }. */
function squeezeCss(code) {
  return code
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

export function minifyCss(raw) {
  if (raw.includes('\\')) return raw;
  let out = '';
  let code = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '"' || ch === "'") {
      const end = raw.indexOf(ch, i + 1);
      if (end < 0) return raw;
      out += squeezeCss(code) + raw.slice(i, end + 1);
      code = '';
      i = end;
    } else if (ch === '/' && raw[i + 1] === '*') {
      const end = raw.indexOf('*/', i + 2);
      if (end < 0) return raw;
      i = end + 1;
      code += ' ';
    } else code += ch;
  }
  return (out + squeezeCss(code)).trim();
}

/**
 * html: one template's static parts (the text between `${}`s), minified with the parse state carried across
 * expressions. Inside a tag, whitespace runs become one space and go before `>`; in text, a run containing
 * a line break becomes one space.
 */
export function minifyHtmlParts(parts) {
  let state = 'text'; // text | tag | quote | comment | raw
  let quote = '';
  let rawTag = '';
  return parts.map((raw) => {
    if (/\\\s/.test(raw)) return raw; // a line continuation: leave the part exactly as written
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const ch = raw[i];
      if (state === 'comment') {
        const end = raw.indexOf('-->', i);
        if (end < 0) return out + raw.slice(i);
        out += raw.slice(i, end + 3);
        i = end + 3;
        state = 'text';
      } else if (state === 'raw') {
        const close = raw.toLowerCase().indexOf(`</${rawTag}`, i);
        if (close < 0) return out + raw.slice(i);
        out += raw.slice(i, close);
        i = close;
        state = 'text';
      } else if (state === 'quote') {
        const end = raw.indexOf(quote, i);
        if (end < 0) return out + raw.slice(i);
        out += raw.slice(i, end + 1);
        i = end + 1;
        state = 'tag';
      } else if (state === 'tag') {
        if (ch === '"' || ch === "'") {
          quote = ch;
          state = 'quote';
          out += ch;
          i++;
        } else if (/\s/.test(ch)) {
          let j = i;
          while (j < raw.length && /\s/.test(raw[j])) j++;
          // Not before "/>": after an unquoted binding (`a=${x} />`) the slash would join the value.
          if (raw[j] !== '>') out += ' ';
          i = j;
        } else {
          if (ch === '>') state = rawTag ? 'raw' : 'text';
          out += ch;
          i++;
        }
      } else if (raw.startsWith('<!--', i)) {
        state = 'comment';
        out += '<!--';
        i += 4;
      } else if (ch === '<' && /[a-zA-Z/]/.test(raw[i + 1] ?? '')) {
        const name = /^<\/?([a-zA-Z][\w-]*)/.exec(raw.slice(i))?.[1]?.toLowerCase() ?? '';
        rawTag = raw[i + 1] !== '/' && RAW_TEXT.has(name) ? name : '';
        state = 'tag';
        out += ch;
        i++;
      } else if (/\s/.test(ch)) {
        let j = i;
        while (j < raw.length && /\s/.test(raw[j])) j++;
        const run = raw.slice(i, j);
        out += run.includes('\n') ? ' ' : run;
        i = j;
      } else {
        out += ch;
        i++;
      }
    }
    return out;
  });
}

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
