// The shipped koe-consent.js on the page a consent link opens: the request arrives in `#koe=`, the classic script from
// an upload URL draws its form from it, and a typed grant reaches the real receiver, which stores it.
import { expect } from '@open-wc/testing';
import type { KoeConsent } from '../../src/consent/koe-consent.js';
import { encodeConsentLink } from '../../src/consent/consent-links.js';
import { fill, issuedRequest, pick, storedConsents, submit } from '../elements/consent-helpers.js';
import { until } from '../wait.js';
import { hostPages, UPLOADS } from './host-page.js';

const CONSENT = `${UPLOADS}/koe-consent.js?v=3`;

describe('standalone koe-consent.js from a consent link', () => {
  const pages = hostPages([CONSENT]);

  it("renders the link's form and stores a typed grant", async () => {
    const request = await issuedRequest();
    const page = await pages.open('<koe-consent endpoint="/api/consent"></koe-consent>');
    // The link's fragment on the frame's own URL (a relative '#…' would resolve against the srcdoc's base, this page).
    page.window.history.replaceState(null, '', `about:srcdoc#${encodeConsentLink(request).split('#')[1]}`);
    await page.addScript(CONSENT);

    const el = page.document.querySelector('koe-consent') as KoeConsent;
    await until(() => el.shadowRoot?.querySelector('button[type="submit"]'), 'the consent form');
    await el.updateComplete;
    const shown = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(shown).to.include(`会社名：${request.customer.company}`);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#f-name')!.value, 'the signer prefilled from the request').to.equal(request.customer.signerName);

    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    await pick(el, '社名', '許可する');
    await pick(el, 'ロゴ', '許可しない');
    await pick(el, '発言の引用', '許可する');
    await fill(el, '署名（氏名を入力）', '山田 太郎');
    await submit(el);
    await until(() => el.shadowRoot!.querySelector('.receipt'), 'the receipt');
    const stored = (await storedConsents()).map(({ record }) => [record.requestId, record.decision, record.scopes.filter((s) => s.granted).map((s) => s.id)]);
    expect(stored).to.deep.equal([[request.id, 'granted', ['company-name', 'quotes']]]);
    expect([page.errors, page.warnings]).to.deep.equal([[], []]);
  });
});
