// One locale ships with each element, the other is fetched: switching `locale` at run time, and a fetch that fails.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/intake/define.js';
import '../../src/consent/define.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import type { KoeConsent } from '../../src/consent/koe-consent.js';
import { LocalePack } from '../../src/i18n/pack.js';
import { $, fill, records, resetWorld, untilState } from './intake-helpers.js';
import { localRequest, pick } from './consent-helpers.js';

describe('switching locale at run time', () => {
  beforeEach(resetWorld);

  it('<koe-intake>: Japanese → English → Japanese; what was typed stays and the submission says which language', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" company-id="C-loc" reporter-id="u-loc"></koe-intake>`);
    expect($(el, 'label[for="text"]').textContent).to.equal('お客様の言葉');
    await fill(el, 'とても使いやすいです');

    el.locale = 'en';
    await el.updateComplete;
    expect($(el, 'label[for="text"]').textContent).to.equal('The customer’s words');
    expect($(el, '.base').getAttribute('lang')).to.equal('en');
    expect($(el, '[part~="counter"]').textContent).to.equal('10 / 2000 characters');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('とても使いやすいです');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '.chip[data-tag="praise"]').click();
    await el.updateComplete;
    expect(await el.submit()).to.equal('sent');
    await untilState(el, 'sent');
    expect($(el, '.confirmation-title').textContent).to.equal('Sent. Thank you.');
    const [stored] = await records();
    expect(stored!.record.locale).to.equal('en');

    el.locale = 'ja';
    await el.updateComplete;
    expect($(el, '.confirmation button').textContent).to.equal('続けて登録する');
    expect($(el, '.base').getAttribute('lang')).to.equal('ja');
  });

  it('<koe-intake>: a submit called right after the switch waits for the new strings', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" company-id="C-loc2"></koe-intake>`);
    el.locale = 'en';
    expect(await el.submit()).to.equal('invalid');
    await el.updateComplete;
    expect($(el, '#tags-error').textContent).to.equal('Please pick at least one tag.');
  });

  it('<koe-consent>: the notice, the form and the intent sentence follow a locale change', async () => {
    const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent" locale="ja" .request=${localRequest()}></koe-consent>`);
    expect($(el, '#notice-title').textContent).to.equal('取材・掲載同意書');
    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');

    el.locale = 'en';
    await el.updateComplete;
    expect($(el, '#notice-title').textContent).to.equal('Consent to a case study: interview and publication');
    expect($(el, '.base').getAttribute('lang')).to.equal('en');
    // The choice made in Japanese is kept, and the sentence by the button is now English.
    expect($(el, '#intent').textContent).to.match(/^On behalf of /);
    await expect(el).to.be.accessible();
  });
});

describe('<koe-intake> endpoint with credentials', () => {
  beforeEach(resetWorld);

  it('says not to put a user name or password in the URL, and never shows the secret', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="https://rep:s3cret@api.example.com/koe" locale="ja"></koe-intake>`);
    expect(el.state).to.equal('config-error');
    const box = $(el, '[role="alert"]');
    expect(box.textContent).to.contain('送信先の URL にユーザー名やパスワードを含めないでください。');
    expect(el.shadowRoot!.textContent).to.not.contain('s3cret');
  });
});

describe('LocalePack', () => {
  type Pack = { lang: 'ja' | 'en'; hello: string };
  const ja: Pack = { lang: 'ja', hello: 'こんにちは' };

  it('falls back to the bundled locale when the other cannot be fetched, and tries again next time', async () => {
    let attempts = 0;
    const pack = new LocalePack<Pack>(ja, {
      en: () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve({ lang: 'en', hello: 'Hello' });
      },
    });
    expect(pack.get('ja')).to.equal(ja);
    expect(pack.get('en')).to.equal(undefined);
    expect(await pack.load('en')).to.equal(ja);
    expect(pack.get('en')).to.equal(undefined);
    expect((await pack.load('en')).hello).to.equal('Hello');
    expect(pack.get('en')?.hello).to.equal('Hello');
    expect(attempts).to.equal(2);
  });

  it('fetches a locale once however often it is asked for', async () => {
    let attempts = 0;
    const pack = new LocalePack<Pack>(ja, { en: async () => ((attempts += 1), { lang: 'en', hello: 'Hello' }) });
    await Promise.all([pack.load('en'), pack.load('en'), pack.load('en')]);
    await pack.load('en');
    expect(attempts).to.equal(1);
  });
});
