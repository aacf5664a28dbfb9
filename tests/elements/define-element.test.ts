// Guarded registration: a second copy of Koe never throws; a copy of another version says so once, whatever the number
// of tags it finds taken, and the first copy's elements stay in use (the e2e matrix loads real copies of two versions).
import { expect } from '@open-wc/testing';
import { KOE_VERSION, defineElement } from '../../src/shared/define-element.js';

/** An element class as another copy of Koe (or another library) registered it. */
const registeredBy = (version?: string) => Object.assign(class extends HTMLElement {}, version ? { koeVersion: version } : {});

function captureWarnings(): { warnings: unknown[][]; restore(): void } {
  const warnings: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  return { warnings, restore: () => (console.warn = original) };
}

describe('defineElement', () => {
  it('registers a free tag and records the version that registered it', () => {
    const element = class extends HTMLElement {};
    defineElement('koe-test-free', element);
    expect(customElements.get('koe-test-free')).to.equal(element);
    expect((element as unknown as { koeVersion: string }).koeVersion).to.equal(KOE_VERSION);
  });

  it('is silent when a copy of the same version registered the tag, and keeps that copy', () => {
    const first = registeredBy(KOE_VERSION);
    customElements.define('koe-test-same', first);
    const { warnings, restore } = captureWarnings();
    try {
      expect(() => defineElement('koe-test-same', class extends HTMLElement {})).not.to.throw();
    } finally {
      restore();
    }
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('koe-test-same')).to.equal(first);
  });

  it('warns once, naming both versions, when another version holds its tags, however many', () => {
    const older = registeredBy('0.0.1');
    customElements.define('koe-test-old-a', older);
    customElements.define('koe-test-old-b', registeredBy('0.0.1'));
    customElements.define('koe-test-foreign', registeredBy());
    const { warnings, restore } = captureWarnings();
    try {
      for (const tag of ['koe-test-old-a', 'koe-test-old-b', 'koe-test-foreign']) defineElement(tag, class extends HTMLElement {});
    } finally {
      restore();
    }
    expect(warnings.length).to.equal(1);
    expect(String(warnings[0]![0])).to.contain('<koe-test-old-a>').and.contain('koe-widgets 0.0.1').and.contain(`koe-widgets ${KOE_VERSION}`);
    expect(customElements.get('koe-test-old-a')).to.equal(older);
  });
});
