// Salesforce's Lightning Web Security takes third-party web components with closed shadow roots only. With
// `window.koeWidgets = { shadowRootMode: 'closed' }` set before Koe loads, every element renders into a closed root,
// and filing works, the snippet's dialog (a closed root inside a closed root) included.
import { expect, fixture, html } from '@open-wc/testing';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import type { KoeSnippet } from '../../src/snippet/koe-snippet.js';
import type { KoeConsent } from '../../src/consent/koe-consent.js';
import { records } from './intake-helpers.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

// Test-only: keep every root the elements attach, so the test can look inside; the page itself cannot.
const roots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  roots.set(this, root);
  return root;
};
const rootOf = (el: Element): ShadowRoot => roots.get(el)!;

// As a host page does: the switch first, then the script.
globalThis.koeWidgets = { shadowRootMode: 'closed' };
await import('../../src/index.js');

async function file(intake: KoeIntake, text: string): Promise<string> {
  const root = rootOf(intake);
  const textarea = root.querySelector('textarea')!;
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  root.querySelector<HTMLButtonElement>('.chip')!.click();
  await intake.updateComplete;
  return intake.submit();
}

describe('closed shadow roots (window.koeWidgets.shadowRootMode)', () => {
  beforeEach(resetWorld);

  it('renders all three elements into closed roots the page cannot reach', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="ja">
      <koe-intake endpoint="/api/intake" company-id="C-closed"></koe-intake>
      <koe-snippet endpoint="/api/intake"><p>本文</p></koe-snippet>
      <koe-consent endpoint="/api/consent"></koe-consent>
    </div>`);
    const intake = page.querySelector<KoeIntake>('koe-intake')!;
    const snippet = page.querySelector<KoeSnippet>('koe-snippet')!;
    const consent = page.querySelector<KoeConsent>('koe-consent')!;
    await Promise.all([intake.updateComplete, snippet.updateComplete, consent.updateComplete]);
    for (const el of [intake, snippet, consent]) {
      expect(el.shadowRoot, el.localName).to.equal(null);
      expect(rootOf(el).mode, el.localName).to.equal('closed');
    }
    expect(rootOf(intake).querySelector('textarea')).to.exist;
    expect(rootOf(intake).querySelector('[part=context]')!.textContent).to.contain('C-closed');
    expect(rootOf(snippet).querySelector('slot')).to.exist;
    // No consent link on this page: the element says so (a closed root still shows its messages).
    await until(() => rootOf(consent).querySelector('[part=problem]'), 'the consent problem message');
  });

  it('files a submission that the receiver stores', async () => {
    const intake = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" company-id="C-closed-send" deal-id="D-9"></koe-intake>`);
    expect(await file(intake, 'クローズドなルートから送った声です。')).to.equal('sent');
    const stored = await records();
    expect(stored.map((l) => [l.record.voice.text, l.record.customer.companyId, l.record.deal.id])).to.deep.equal([['クローズドなルートから送った声です。', 'C-closed-send', 'D-9']]);
  });

  it('files a selection from <koe-snippet> through the closed root of its dialog', async () => {
    const snippet = await fixture<KoeSnippet>(html`<koe-snippet endpoint="/api/intake" locale="ja" company-id="C-closed-snip"><p id="q">とても分かりやすい説明でした。</p></koe-snippet>`);
    const range = document.createRange();
    range.selectNodeContents(snippet.querySelector('#q')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    await until(() => rootOf(snippet).querySelector<HTMLButtonElement>('.save:not([hidden])'), 'the save button');
    snippet.open();
    const inner = (await until(() => rootOf(snippet).querySelector<KoeIntake>('koe-intake'), 'the dialog form'))!;
    await inner.updateComplete;
    expect(inner.shadowRoot).to.equal(null);
    expect(rootOf(inner).querySelector('textarea')!.value).to.equal('とても分かりやすい説明でした。');
    rootOf(inner).querySelector<HTMLButtonElement>('.chip')!.click();
    await inner.updateComplete;
    expect(await inner.submit()).to.equal('sent');
    const [line] = await records();
    expect([line!.record.voice.text, line!.record.origin.fromSelection, line!.record.customer.companyId]).to.deep.equal(['とても分かりやすい説明でした。', true, 'C-closed-snip']);
  });
});
