// Salesforce's Lightning Web Security takes third-party web components with closed shadow roots only: with
// `window.koeWidgets = { shadowRootMode: 'closed' }` set before the shipped koe.js, every element renders into a closed
// root, and a person with a keyboard files a submission that the receiver stores.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { records } from '../elements/intake-helpers.js';
import { chord } from '../keys.js';
import { until } from '../wait.js';
import { hostPages, type HostPage, UPLOADS } from './host-page.js';

const KOE = `${UPLOADS}/koe.js?v=3`;
const TEXT = 'クローズドなルートからキーボードで送った声です';

/** Test-only: keeps every root attached in the page, so the test can look inside; the page itself cannot. */
function keepRoots(host: HostPage): (el: Element) => ShadowRoot | undefined {
  const roots = new WeakMap<Element, ShadowRoot>();
  const proto = host.window.Element.prototype;
  const attachShadow = proto.attachShadow;
  proto.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  };
  return (el) => roots.get(el);
}

describe('standalone koe.js with closed shadow roots (window.koeWidgets.shadowRootMode)', () => {
  const pages = hostPages([KOE]);

  it('renders all three elements into closed roots and sends from the keyboard', async () => {
    const page = await pages.open(`<koe-intake endpoint="/api/intake" company-id="C-closed" deal-id="D-closed"></koe-intake>
      <koe-snippet endpoint="/api/intake"><p>お客様のメール本文です。</p></koe-snippet>
      <koe-consent endpoint="/api/consent"></koe-consent>`);
    const rootOf = keepRoots(page);
    // As the host page does: the switch first, then the script.
    page.window.koeWidgets = { shadowRootMode: 'closed' };
    await page.addScript(KOE);

    const intake = page.document.querySelector('koe-intake') as KoeIntake;
    const textarea = await until(() => rootOf(intake)?.querySelector('textarea'), "the closed form's words box");
    for (const tag of ['koe-intake', 'koe-snippet', 'koe-consent']) {
      const el = page.document.querySelector(tag)!;
      expect(el.shadowRoot, `<${tag}>.shadowRoot`).to.equal(null);
      expect(rootOf(el)?.mode, `<${tag}>'s root`).to.equal('closed');
    }
    // No consent link on this page: the element says so inside its closed root.
    await until(() => rootOf(page.document.querySelector('koe-consent')!)?.querySelector('[part=problem]'), 'the consent problem message');

    // A person with a keyboard: the words, Tab to the tags, "1" picks the first, Ctrl+Enter sends.
    textarea.focus();
    // Japanese, as the keyboard tests type: WebKitWebDriver's typing drops spaces and doubled letters (in any textarea).
    await sendKeys({ type: TEXT });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: '1' });
    await chord('Control', 'Enter');
    await until(() => intake.state === 'sent', `state sent (now ${intake.state})`);

    const stored = (await records()).map((line) => [line.record.voice.text, line.record.customer.companyId, line.record.deal.id, line.record.tags.length]);
    expect(stored).to.deep.equal([[TEXT, 'C-closed', 'D-closed', 1]]);
    expect([page.errors, page.warnings]).to.deep.equal([[], []]);
  });
});
