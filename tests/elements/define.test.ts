// Registration is guarded: loading a script twice never throws (README, "Embed"). Each module is loaded a second
// time under another URL, so the browser runs it again, as it runs a second <script> tag for the same file.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type * as ConsentModule from '../../src/consent/koe-consent.js';

const TAGS = ['koe-intake', 'koe-snippet', 'koe-consent'] as const;
let copy = 0;

/** Runs the module at `path` (from the repository root) again: the query makes it a different URL for the browser. */
function loadAgain(path: string): Promise<unknown> {
  copy += 1;
  return import(/* @vite-ignore */ `/${path}?copy=${copy}`);
}

describe('loading a script twice', () => {
  for (const path of ['src/intake/define.ts', 'src/snippet/define.ts', 'src/consent/define.ts', 'src/index.ts']) {
    it(`${path} a second time: no error, and the elements already registered stay`, async () => {
      const registered = TAGS.map((tag) => customElements.get(tag));
      expect(registered.every(Boolean)).to.equal(true);
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
      window.addEventListener('error', onError);
      try {
        await loadAgain(path);
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
      expect(TAGS.map((tag) => customElements.get(tag))).to.deep.equal(registered);
    });
  }

  it('a second copy of an element class (another bundle’s) is not registered over the first, and does not throw', async () => {
    const first = customElements.get('koe-consent');
    const secondCopy = (await loadAgain('src/consent/koe-consent.ts')) as typeof ConsentModule;
    expect(secondCopy.KoeConsent).to.not.equal(first);
    const { defineKoeConsent } = await import('../../src/consent/define.js');
    expect(() => defineKoeConsent()).to.not.throw();
    expect(customElements.get('koe-consent')).to.equal(first);
    // An unguarded define of that copy would throw: the guard is what keeps the page working.
    expect(() => customElements.define('koe-consent', secondCopy.KoeConsent)).to.throw(DOMException);
  });
});
