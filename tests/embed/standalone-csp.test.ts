// The shipped koe.js on a page with the strict policy the spec names (script-src and style-src 'self', Trusted Types
// required; the e2e CSP row's header as a <meta> in tests/embed/csp-host.html): the intake, the snippet and the consent form through their main
// states, and not one violation. The e2e row walks every state in Chromium; this runs in Chromium, Firefox and WebKit.
import { expect } from '@open-wc/testing';
import type { KoeConsent } from '../../src/consent/koe-consent.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import type { KoeSnippet } from '../../src/snippet/koe-snippet.js';
import { fill as fillConsent, issuedRequest, pick, storedConsents, submit as submitConsent } from '../elements/consent-helpers.js';
import { fill, pickTag, records } from '../elements/intake-helpers.js';
import { until } from '../wait.js';
import { hostPages, type HostPage, UPLOADS } from './host-page.js';

/** What tests/embed/csp-host.html loads. */
const KOE = `${UPLOADS}/koe.js?v=3`;

/** The violations the page has seen so far (tests/embed/record-violations.js). */
const violations = (page: HostPage): string[] => (page.window as unknown as { cspViolations: string[] }).cspViolations;

describe('standalone koe.js under a strict Content-Security-Policy', () => {
  const pages = hostPages([KOE]);

  it('the intake, the snippet and the consent form draw, refuse, send and sign without a single violation', async () => {
    const request = await issuedRequest();
    const page = await pages.load('/tests/embed/csp-host.html');
    const { document } = page;

    // <koe-intake>: refused when empty, then sent.
    const intake = document.querySelector('koe-intake') as KoeIntake;
    await until(() => intake.shadowRoot?.querySelector('textarea'), "<koe-intake>'s form");
    expect(await intake.submit()).to.equal('invalid');
    await fill(intake, 'CSP のもとで送った声です。');
    await pickTag(intake, 'praise');
    expect(await intake.submit()).to.equal('sent');

    // <koe-snippet>: a selection shows its button (placed through CSSOM), which opens the dialog with the form.
    const snippet = document.querySelector('koe-snippet') as KoeSnippet;
    await until(() => snippet.shadowRoot?.querySelector('.save'), "<koe-snippet>'s button");
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('quote')!);
    page.window.getSelection()!.removeAllRanges();
    page.window.getSelection()!.addRange(range);
    const button = await until(() => snippet.shadowRoot!.querySelector<HTMLButtonElement>('.save:not([hidden])'), 'the save button');
    button.click();
    const inDialog = await until(() => snippet.shadowRoot!.querySelector<KoeIntake>('dialog[open] koe-intake'), 'the dialog with its form');
    await until(() => inDialog.shadowRoot?.querySelector('textarea')?.value.includes('半分'), 'the form prefilled with the selection');

    // <koe-consent>: the notice and form from a request, refused when empty, then signed: the receipt.
    const consent = document.querySelector('koe-consent') as KoeConsent;
    consent.request = request;
    await until(() => consent.shadowRoot?.querySelector('button[type="submit"]'), 'the consent form');
    await submitConsent(consent);
    expect(consent.shadowRoot!.querySelector('[aria-invalid="true"]'), 'the empty form is refused').to.not.equal(null);
    await pick(consent, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    for (const scope of ['社名', 'ロゴ', '発言の引用']) await pick(consent, scope, '許可する');
    await fillConsent(consent, '署名（氏名を入力）', '山田 太郎');
    await submitConsent(consent);
    await until(() => consent.shadowRoot!.querySelector('.receipt'), 'the receipt');

    expect((await records()).map((line) => line.record.voice.text)).to.deep.equal(['CSP のもとで送った声です。']);
    expect((await storedConsents()).map((line) => line.record.decision)).to.deep.equal(['granted']);
    expect([violations(page), page.errors]).to.deep.equal([[], []]);

    // The policy is in force in this frame, and the recorder hears it: a style attribute is refused and reported.
    document.body.setAttribute('style', 'color: red');
    await until(() => violations(page).length > 0, 'the style attribute to be reported');
    expect(violations(page).join('\n')).to.match(/^style-src/);
    // And where the browser has Trusted Types, a string into innerHTML is refused.
    if ('trustedTypes' in page.window)
      expect(() => (document.body.innerHTML = '<b>x</b>'))
        .to.throw()
        .with.property('name', 'TypeError');
  });
});
