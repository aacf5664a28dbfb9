// The text rules of the Lit template minifier (no imports, so a browser test can check that templates keep their meaning).
// Conservative: text whitespace becomes one space (never removed), quoted attribute values and <pre>/<textarea>/<script>/<style>
// content are left alone, and CSS with backslash escapes is left as written.
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style']);

/** CSS outside strings: comments out, whitespace runs to one space, none around { } ; , > or after :, no ; before }, 0.5 as .5. */
function squeezeCss(code) {
  return code
    .replace(/\s+/g, ' ')
    .replace(/(?<![\w.#-])0\.(?=\d)/g, '.')
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
