// <koe-consent> before sending: the notice, explicit choices, validation, bad links, insecure pages, ja/en.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/consent/define.js';
import { KoeConsent } from '../../src/consent/koe-consent.js';
import { buildNotice } from '../../src/consent/notice-in-locale.js';
import { noticeText } from '../../src/consent/notice-hash.js';
import { encodeConsentLink, toBase64Url } from '../../src/consent/consent-links.js';
import type { ConsentRequest } from '../../src/core/schemas.js';
import { choice, fill, issuedRequest, localRequest, pick, printMedia, storedConsents, submit } from './consent-helpers.js';
import { $, $$ } from '../shadow.js';
import { resetWorld } from '../world.js';

const mount = (request?: ConsentRequest, attrs: { locale?: string; endpoint?: string } = {}) =>
  fixture<KoeConsent>(html`<koe-consent endpoint=${attrs.endpoint ?? '/api/consent'} locale=${attrs.locale ?? ''} .request=${request}></koe-consent>`);

/** Whether this browser scrolls a text box far below the window into view when it takes focus. */
function scrollsToFocus(): boolean {
  const probe = document.createElement('input');
  probe.style.cssText = `position: absolute; top: ${innerHeight * 3}px`;
  document.body.append(probe);
  scrollTo(0, 0);
  probe.focus();
  const scrolled = scrollY > 0;
  probe.remove();
  scrollTo(0, 0);
  return scrolled;
}

const focusedRadio = (el: Element) => el.shadowRoot!.activeElement?.closest<HTMLInputElement>('input[type="radio"]');

const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

describe('<koe-consent> notice and form', () => {
  beforeEach(resetWorld);

  it('renders the notice as text from the request and is accessible', async () => {
    const req = localRequest({ story: { title: '<img src=x onerror=alert(1)>見出し', quotes: ['<b>太字</b>'] } });
    const el = await mount(req);
    expect($$(el, '.notice img, .notice b')).to.have.length(0);
    const shown = $(el, '.notice').textContent!.replace(/\s+/g, '');
    for (const line of noticeText(buildNotice(req, 'ja')).split('\n')) {
      expect(shown, line).to.include(line.replace(/^- /, '').replace(/\s+/g, ''));
    }
    await expect(el).to.be.accessible();
  });

  it('offers only the requested scopes, with nothing pre-ticked', async () => {
    const el = await mount(localRequest({ scopes: ['company-name', 'photo', 'sales-material'] }));
    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    expect($$(el, 'fieldset.scope legend').map((l) => l.textContent)).to.deep.equal(['社名', '写真', '営業資料（非公開）での利用']);
    const scopeRadios = $$<HTMLInputElement>(el, 'fieldset.scope input');
    expect(scopeRadios).to.have.length(6);
    expect(scopeRadios.filter((r) => r.checked)).to.have.length(0);
    expect(choice(el, 'ご回答', '掲載をお断りします').checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('nothing is decided before the signer chooses: no decision, no scope, no intent sentence', async () => {
    const el = await mount(localRequest());
    expect($$<HTMLInputElement>(el, 'input[name="decision"]').some((r) => r.checked)).to.equal(false);
    expect($$(el, 'fieldset.scope')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('#intent')).to.equal(null);
  });

  it('prefills the signer from the request and leaves the signature to the signer', async () => {
    const el = await mount(localRequest());
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('山田 太郎');
    expect($<HTMLInputElement>(el, '#f-email').value).to.equal('yamada@example.jp');
    expect($<HTMLInputElement>(el, '#f-title').value).to.equal('情報システム部 部長');
    expect($<HTMLInputElement>(el, '#f-typedName').value).to.equal('');
    expect(text(el)).to.include('会社名：株式会社サンプル商事');
  });

  it('invalid: says what is missing next to each field, moves focus there, and stays accessible', async () => {
    const el = await mount(localRequest({ customer: { company: '株式会社サンプル商事' } }));
    await submit(el);
    expect($(el, '#e-decision').textContent).to.equal('同意するか、お断りするかを選んでください。');
    expect(el.shadowRoot!.activeElement).to.equal($$(el, 'input[name="decision"]')[0]);
    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    await fill(el, 'メールアドレス', 'not-an-email');
    await submit(el);
    for (const id of ['company-name', 'logo', 'quotes']) expect($(el, `#e-scope-${id}`).textContent).to.equal('「許可する」か「許可しない」を選んでください。');
    expect($(el, '#e-name').textContent).to.equal('入力してください。');
    expect($(el, '#e-email').textContent).to.equal('メールアドレスの形式が正しくありません。');
    expect($(el, '#e-typedName').textContent).to.equal('入力してください。');
    expect($(el, '[role="status"]').textContent).to.match(/件の項目を確認してください/);
    await expect(el).to.be.accessible();
  });

  it('the summary counts exactly the fields it marks, and each message goes as soon as its field is fixed', async () => {
    const el = await mount(localRequest({ customer: { company: '株式会社サンプル商事' } }));
    await submit(el);
    const marked = () => $$(el, '[id^="e-"]').map((e) => e.id);
    const status = () => $(el, '[role="status"]').textContent;
    expect(marked()).to.have.members(['e-decision', 'e-name', 'e-email', 'e-typedName']);
    expect(status()).to.equal('4 件の項目を確認してください。');
    expect($(el, '[part="alert"]').textContent!.trim(), 'nothing but fields is wrong').to.equal('');
    await pick(el, 'ご回答', '掲載をお断りします');
    expect(marked()).to.have.members(['e-name', 'e-email', 'e-typedName']);
    expect(status()).to.equal('3 件の項目を確認してください。');
    await fill(el, '氏名', '山田 太郎');
    await fill(el, 'メールアドレス', 'yamada@example.jp');
    expect(status()).to.equal('1 件の項目を確認してください。');
    await fill(el, '署名（氏名を入力）', '山田 太郎');
    expect(marked()).to.deep.equal([]);
    expect(status()).to.equal('');
    expect($(el, '[part="alert"]').textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('refuses a grant that allows nothing, pointing to decline instead', async () => {
    const el = await mount(localRequest({ scopes: ['logo'] }));
    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    await pick(el, 'ロゴ', '許可しない');
    await fill(el, '署名（氏名を入力）', '山田 太郎');
    await submit(el);
    expect($(el, '#e-scopes').textContent).to.include('掲載をお断りします');
  });

  it('scope choices work from the keyboard (Space, then arrow keys)', async () => {
    const el = await mount(localRequest({ scopes: ['logo'] }));
    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    choice(el, 'ロゴ', '許可する').focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(choice(el, 'ロゴ', '許可する').checked).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(choice(el, 'ロゴ', '許可しない').checked).to.equal(true);
    expect(choice(el, 'ロゴ', '許可する').checked).to.equal(false);
  });

  // The parts of the notice and the form below the window are laid out only when they come near it (content-visibility).
  it('a keyboard user reaches every control of a page taller than the window, each in view as it takes focus', async () => {
    const el = await mount(localRequest());
    scrollTo(0, 0);
    expect(el.getBoundingClientRect().height, 'the notice and form run past the window').to.be.greaterThan(innerHeight * 1.5);
    // WebKit's MiniBrowser here scrolls no focused field into view, with or without content-visibility: there, only reaching each.
    const scrolls = scrollsToFocus();
    const reached = new Set<string>();
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    try {
      for (let step = 0; step < 40 && !reached.has('submit'); step += 1) {
        // Space picks the first answer of a group (granting shows the scopes, which are then tabbed through too).
        await sendKeys({ press: step > 0 && focusedRadio(el)?.matches(':not(:checked)') ? ' ' : 'Tab' });
        await el.updateComplete;
        const focused = el.shadowRoot!.activeElement as HTMLElement;
        const box = focused.getBoundingClientRect();
        const name = focused.getAttribute('part') || focused.id || `${focused.tagName} ${focused.getAttribute('type') ?? ''} ${focused.closest('fieldset')?.querySelector('legend')?.textContent ?? ''}`;
        expect(box.height, `${name} is laid out`).to.be.greaterThan(0);
        if (scrolls) expect(box.bottom > 0 && box.top < innerHeight, `${name} is in view (${box.top}–${box.bottom} of ${innerHeight})`).to.equal(true);
        reached.add(focused.getAttribute('part') === 'submit' ? 'submit' : name);
      }
    } finally {
      before.remove();
    }
    expect([...reached], 'each scope, the signer and the signature, and Tab ends on the send button').to.include.members(
      ['INPUT radio 社名', 'INPUT radio ロゴ', 'INPUT radio 発言の引用', 'f-name', 'f-typedName', 'submit'],
    );
  });

  it('printed before signing, the notice is laid out in full and the form is left out', async function () {
    const el = await mount(localRequest());
    scrollTo(0, 0);
    if (!(await printMedia())) return this.skip();
    try {
      // Printing runs the rendering steps with print media: let a frame pass, as it does.
      await new Promise((rendered) => requestAnimationFrame(rendered));
      const headings = $$(el, '.notice h3');
      expect(headings.length).to.be.greaterThan(5);
      for (const heading of headings) expect(heading.checkVisibility({ contentVisibilityAuto: true }), heading.textContent!).to.equal(true);
      expect($(el, 'form').getClientRects().length).to.equal(0);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('declined: a reason field, the decline sentence by the button, accessible', async () => {
    const el = await mount(localRequest());
    await pick(el, 'ご回答', '掲載をお断りします');
    expect($(el, '#f-declineReason').localName).to.equal('textarea');
    expect($(el, '#intent').textContent).to.equal('私は株式会社サンプル商事を代表して上記の同意書を読み、株式会社コエ 広報部による掲載をお断りします。');
    expect($(el, 'button[type="submit"]').getAttribute('aria-describedby')).to.equal('intent');
    await expect(el).to.be.accessible();
  });

  it('signing typed: the grant sentence sits by the button', async () => {
    const el = await mount(localRequest());
    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    expect(choice(el, '署名の方法', '氏名を入力して署名する').checked).to.equal(true);
    expect($(el, '#intent').textContent).to.include('「許可する」を選んだ項目について、株式会社コエ 広報部が掲載することに同意します。');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('同意して送信する');
    await expect(el).to.be.accessible();
  });

  it('a cancelled koe-submit sends nothing and keeps the form', async () => {
    const el = await mount(localRequest());
    await pick(el, 'ご回答', '掲載をお断りします');
    await fill(el, '署名（氏名を入力）', '山田 太郎');
    el.addEventListener('koe-submit', (e) => e.preventDefault(), { once: true });
    const fired = oneEvent(el, 'koe-submit');
    await submit(el);
    const event = await fired;
    expect(event.detail.type).to.equal('koe.consent.v1');
    expect((event.detail.payload as { decision: string }).decision).to.equal('declined');
    expect(el.shadowRoot!.querySelector('form')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('.receipt')).to.equal(null);
  });

  it('English: locale="en" renders English labels and notice', async () => {
    const el = await mount(localRequest(), { locale: 'en' });
    await pick(el, 'Your answer', 'I agree to publication (choosing each use below)');
    expect($$(el, 'fieldset.scope legend').map((l) => l.textContent)).to.deep.equal(['Company name', 'Logo', 'Quoted statements']);
    expect(text(el)).to.include('Consent to a case study: interview and publication');
    expect($(el, '.base').getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it("follows the request's locale when no locale attribute is set", async () => {
    const el = await mount(localRequest({ locale: 'en' }));
    expect($(el, '#notice-title').textContent).to.equal('Consent to a case study: interview and publication');
  });

  it('a refused endpoint is visible and fires koe-config-error', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('koe-consent');
    el.setAttribute('endpoint', 'javascript:alert(1)');
    el.request = localRequest();
    const fired = oneEvent(wrapper, 'koe-config-error');
    wrapper.append(el);
    const event = await fired;
    expect(event.detail.field).to.equal('endpoint');
    await el.updateComplete;
    expect(text(el)).to.include('設定に誤りがあるため、送信できません');
    expect(text(el)).to.include('「javascript:」は使えません');
  });
});

describe('<koe-consent> public methods: submit(), reset(), focus()', () => {
  beforeEach(resetWorld);

  it('submit() signs as the button does: “invalid” with messages by the fields, then “sent” with the receipt, then nothing more', async () => {
    const el = await mount(await issuedRequest({ scopes: ['logo'] }));
    expect(await el.submit()).to.equal('invalid');
    expect($(el, '#e-decision').textContent).to.equal('同意するか、お断りするかを選んでください。');
    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    await pick(el, 'ロゴ', '許可する');
    await fill(el, '署名（氏名を入力）', '山田 太郎');
    expect(await el.submit()).to.equal('sent');
    expect((await storedConsents()).map((line) => line.record.decision)).to.deep.equal(['granted']);
    expect($(el, '#receipt-title').textContent).to.equal('同意を受け付けました');
    // The receipt is shown: there is no form to send any more (a second record would be a second signature).
    expect(await el.submit()).to.equal('unavailable');
    expect(await storedConsents()).to.have.length(1);
  });

  it('submit() with a bad link is unavailable; with a refused endpoint it is a configuration error', async () => {
    const broken = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent"></koe-consent>`);
    expect(await broken.submit()).to.equal('unavailable');
    const refused = await mount(localRequest(), { endpoint: 'javascript:alert(1)' });
    expect(await refused.submit()).to.equal('config-error');
    expect($(refused, '[part="alert"]').textContent).to.include('「javascript:」は使えません');
  });

  it('reset() clears choices and messages back to how the link opened, the signer still filled in from the request', async () => {
    const el = await mount(localRequest());
    await pick(el, 'ご回答', '掲載に同意します（項目ごとに選びます）');
    await fill(el, '氏名', '別の人');
    await submit(el);
    expect($$(el, '.error').length).to.be.greaterThan(0);
    el.reset();
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, 'input[name="decision"]').some((r) => r.checked)).to.equal(false);
    expect($$(el, 'fieldset.scope')).to.have.length(0);
    expect($$(el, '.error')).to.have.length(0);
    expect($(el, '[role="status"]').textContent).to.equal('');
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('山田 太郎');
  });

  it('focus() moves focus to the first choice of the form', async () => {
    const el = await mount(localRequest());
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal($$(el, 'input[name="decision"]')[0]);
  });
});

describe('<koe-consent> mode="withdraw" from properties', () => {
  beforeEach(resetWorld);

  it('offers only the granted scopes, none ticked, in English, and is accessible', async () => {
    const withdraw = { receiptId: crypto.randomUUID(), requestId: 'req-1', scopes: ['logo', 'video'], termMonths: 12 };
    const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent" mode="withdraw" locale="en" .withdraw=${withdraw}></koe-consent>`);
    expect($(el, '#notice-title').textContent).to.equal('Withdraw consent');
    const boxes = $$<HTMLInputElement>(el, 'input[type="checkbox"]');
    expect(boxes.map((b) => b.closest('label')!.textContent!.trim())).to.deep.equal(['Logo', 'Video']);
    expect(boxes.some((b) => b.checked)).to.equal(false);
    $<HTMLButtonElement>(el, 'fieldset button[type="button"]').click();
    await el.updateComplete;
    expect(boxes.every((b) => b.checked)).to.equal(true);
    expect($(el, '#intent').textContent).to.include(withdraw.receiptId);
    await expect(el).to.be.accessible();
  });

  it('withdraw mode without a withdrawal link says so', async () => {
    const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent" mode="withdraw" locale="ja"></koe-consent>`);
    expect($(el, '.problem').textContent).to.include('リンクに同意書の内容が含まれていません');
  });
});

describe('<koe-consent> bad links and insecure pages', () => {
  beforeEach(resetWorld);
  afterEach(() => {
    KoeConsent.secureContext = () => globalThis.isSecureContext === true;
  });

  const cases: Array<[string, () => void, RegExp]> = [
    ['missing', () => undefined, /リンクに同意書の内容が含まれていません/],
    ['undecodable', () => history.replaceState(null, '', '#koe=%%%not-base64'), /リンクの一部が壊れている/],
    ['schema-failing', () => history.replaceState(null, '', `#koe=${toBase64Url({ id: 'x', scopes: [] })}`), /リンクの内容に不備があります/],
    ['expired', () => history.replaceState(null, '', `#${encodeConsentLink(localRequest({ expiresAt: '2025-01-31T09:00:00+09:00' })).split('#')[1]}`), /有効期限（2025年1月31日/],
  ];
  for (const [name, setUp, message] of cases) {
    it(`${name} link: a page-level message in Japanese, no form, accessible`, async () => {
      setUp();
      const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent" locale="ja"></koe-consent>`);
      expect($(el, '#problem-title').textContent).to.equal('この同意書のリンクを開けませんでした');
      expect($(el, '.problem').textContent).to.match(message);
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('bad links speak English too', async () => {
    history.replaceState(null, '', '#koe=%%%');
    const el = await fixture<KoeConsent>(html`<div lang="en"><koe-consent endpoint="/api/consent"></koe-consent></div>`).then((d) => d.firstElementChild as KoeConsent);
    await el.updateComplete;
    expect($(el, '#problem-title').textContent).to.equal('This consent link could not be opened');
  });

  it('an expired link speaks the language of its request', async () => {
    const el = await mount(localRequest({ locale: 'en', expiresAt: '2025-01-31T00:00:00Z' }));
    expect($(el, '.problem').textContent).to.include('This link expired on');
  });

  it('reading a link from the page URL, and following it when the fragment changes', async () => {
    const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent"></koe-consent>`);
    expect(el.shadowRoot!.querySelector('.problem')).to.not.equal(null);
    location.hash = encodeConsentLink(localRequest()).split('#')[1]!;
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.problem')).to.equal(null);
    expect($(el, '#notice-title').textContent).to.equal('取材・掲載同意書');
  });

  it('insecure context: a clear message, no form, accessible', async () => {
    KoeConsent.secureContext = () => false;
    const el = await mount(localRequest());
    expect($(el, '#problem-title').textContent).to.equal('このページは安全な接続（https）で開いてください');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
