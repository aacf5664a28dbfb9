// One locale ships with each element, the other is fetched: switching `locale` at run time, and a fetch that fails.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/intake/define.js';
import '../../src/consent/define.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import type { KoeConsent } from '../../src/consent/koe-consent.js';
import { resolveLocale } from '../../src/i18n/locale.js';
import { lazy } from '../../src/core/lazy.js';
import { LocaleController, type LocalePack } from '../../src/shared/locale-controller.js';
import { fill, records, untilState } from './intake-helpers.js';
import { localRequest, pick } from './consent-helpers.js';
import { $ } from '../shadow.js';
import { resetWorld } from '../world.js';

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

describe('resolveLocale', () => {
  it('takes the explicit locale, then the nearest lang (also outside a shadow root), then the browser', () => {
    const outer = document.createElement('div');
    outer.setAttribute('lang', 'ja-JP');
    const host = outer.appendChild(document.createElement('div'));
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    expect(resolveLocale(' EN_us ', inner)).to.equal('en');
    expect(resolveLocale(undefined, inner)).to.equal('ja');
    expect(resolveLocale('fr', inner)).to.equal('ja');
    host.setAttribute('lang', 'en');
    expect(resolveLocale(null, inner)).to.equal('en');
    host.setAttribute('lang', 'english');
    const browser = navigator.languages.map((tag) => tag.slice(0, 2)).find((tag) => tag === 'ja' || tag === 'en') ?? 'en';
    expect(resolveLocale('ja x', inner)).to.equal(browser);
  });
});

describe('LocaleController', () => {
  type Pack = { lang: 'ja' | 'en'; hello: string };
  const ja: Pack = { lang: 'ja', hello: 'こんにちは' };
  const host = () => {
    const h = { updates: 0, requestUpdate: () => (h.updates += 1) };
    return h;
  };

  it('keeps the bundled strings when the other locale cannot be fetched, and tries again when asked again', async () => {
    let attempts = 0;
    const h = host();
    const i18n = new LocaleController<Pack>(h, [
      ja,
      lazy(() => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve({ lang: 'en', hello: 'Hello' });
      }),
    ]);
    expect(i18n.use('en')).to.equal(undefined);
    await i18n.pending;
    expect(h.updates).to.equal(1);
    // Offline: the bundled strings, until English is asked for again.
    expect(i18n.use('en')).to.equal(ja);
    expect(i18n.use('ja')).to.equal(ja);
    expect(i18n.use('en')).to.equal(ja);
    await i18n.pending;
    expect(h.updates).to.equal(2);
    expect(i18n.use('en')?.hello).to.equal('Hello');
    expect(attempts).to.equal(2);
  });

  it('fetches a locale once for every element, and a late arrival does not replace the locale asked for since', async () => {
    let attempts = 0;
    const pack: LocalePack<Pack> = [ja, lazy(async () => ((attempts += 1), { lang: 'en', hello: 'Hello' }))];
    const first = new LocaleController(host(), pack);
    const second = new LocaleController(host(), pack);
    first.use('ja');
    first.use('en');
    second.use('en');
    expect(first.use('ja')).to.equal(ja);
    await Promise.all([first.pending, second.pending]);
    expect(first.use('ja')).to.equal(ja);
    expect(second.use('en')?.hello).to.equal('Hello');
    expect(first.use('en')?.hello).to.equal('Hello');
    expect(attempts).to.equal(1);
  });
});
