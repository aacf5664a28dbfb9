// The build-time template minifier keeps meaning: the browser renders minified and original templates alike,
// and the elements' real stylesheets parse to the same rules.
import { expect } from '@open-wc/testing';
import { html, render, type CSSResult } from 'lit';
import { minifyCss, minifyHtmlParts } from '../../scripts/minify-text.mjs';
import { base, tokens } from '../../src/shared/styles.js';
import { styles as intakeStyles } from '../../src/intake/koe-intake.styles.js';
import { styles as snippetStyles } from '../../src/snippet/koe-snippet.styles.js';
import { consentStyles } from '../../src/consent/koe-consent.styles.js';

/** A tagged-template call with the given static parts, as the minified build makes it. */
function tagged(parts: string[], ...values: unknown[]) {
  const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  return html(strings, ...values);
}

/** Renders the original and the minified parts in two hosts laid out the same, and returns both. */
function both(parts: string[], ...values: unknown[]): [HTMLElement, HTMLElement] {
  const hosts = [parts, minifyHtmlParts(parts)].map((p) => {
    const host = document.createElement('div');
    document.body.append(host);
    render(tagged(p, ...values), host);
    return host;
  });
  return [hosts[0]!, hosts[1]!];
}

const shape = (el: Element): unknown => ({
  tag: el.localName,
  attrs: Array.from(el.attributes, (a) => `${a.name}=${a.value}`).sort(),
  kids: Array.from(el.children, shape),
});

describe('template minifier', () => {
  afterEach(() => document.body.replaceChildren());

  it('inline text and spacing read the same (innerText), with the same elements and attributes', () => {
    const parts = [
      `<p class="a   b">\n      <span>${''}`,
      `</span>\n      <b>bold</b>\n      <i\n        title="x  y"\n        data-x="1"\n      >it</i> tail\n    </p>\n    <label class="choice"\n      ><input type="radio" name="n" /> `,
      `</label\n    >`,
    ];
    const [original, minified] = both(parts, 'one', 'Allow');
    expect(minified.innerText).to.equal(original.innerText);
    expect(shape(minified)).to.deep.equal(shape(original));
    expect(minified.innerHTML.length).to.be.lessThan(original.innerHTML.length);
  });

  it('keeps <pre> and <textarea> content exactly, and quoted attribute values as written', () => {
    const parts = [`<pre>  a\n    b  </pre>\n<textarea>\n  keep\n  this\n</textarea>\n<div exportparts="base: x-base,  textarea: x-textarea"></div>`];
    const [original, minified] = both(parts);
    expect(minified.querySelector('pre')!.textContent).to.equal(original.querySelector('pre')!.textContent);
    expect(minified.querySelector('textarea')!.value).to.equal(original.querySelector('textarea')!.value);
    expect(minified.querySelector('div')!.getAttribute('exportparts')).to.equal('base: x-base,  textarea: x-textarea');
  });

  it('a binding just before "/>" still binds (no slash glued to the value)', () => {
    let clicks = 0;
    const onClick = () => (clicks += 1);
    const parts = ['<input type="checkbox" .checked=', '\n        @click=', '\n      />'];
    const [, minified] = both(parts, true, onClick);
    const input = minified.querySelector('input')!;
    expect(input.checked).to.equal(true);
    input.click();
    expect(clicks).to.equal(1);
  });

  it('leaves a template with a line continuation as it is', () => {
    expect(minifyHtmlParts(['<p>a\\\n   b</p>'])).to.deep.equal(['<p>a\\\n   b</p>']);
  });

  it('every element stylesheet parses to the same rules after minifying', () => {
    const sheets: CSSResult[] = [tokens, base, ...intakeStyles, ...snippetStyles, consentStyles].filter((s): s is CSSResult => 'cssText' in s);
    expect(sheets.length).to.be.greaterThan(4);
    for (const sheet of sheets) {
      const rules = (text: string) => {
        const parsed = new CSSStyleSheet();
        parsed.replaceSync(text);
        // Custom property values keep their spelling verbatim; a space after a comma or a leading 0 there changes nothing once substituted.
        return Array.from(parsed.cssRules, (r) => r.cssText.replace(/,\s+/g, ',').replace(/(?<![\w.#-])0\.(?=\d)/g, '.'));
      };
      const minified = minifyCss(sheet.cssText);
      expect(minified.length).to.be.lessThan(sheet.cssText.length);
      expect(rules(minified)).to.deep.equal(rules(sheet.cssText));
    }
  });

  it('keeps strings, spaces before a colon and calc() operators in CSS', () => {
    expect(minifyCss(".a :is(b) { font-family: 'A  B , C', x ; width: calc(1px + 2px); }")).to.equal(".a :is(b){font-family:'A  B , C',x;width:calc(1px + 2px)}");
    expect(minifyCss('.b { margin: 0.25rem 0 10.5px; opacity: 0.6; top: -0.5em; content: "0.5"; }')).to.equal('.b{margin:.25rem 0 10.5px;opacity:.6;top:-0.5em;content:"0.5"}');
  });
});
