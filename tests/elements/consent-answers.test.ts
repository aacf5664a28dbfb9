// <koe-consent> and what the receiver answers: a second answer (409) and a broken rule (422) worded in the signer's
// language, the signed receipt with its seal and withdrawal link, a partial withdrawal through that link, and the
// printed receipt. Against the real receiver at same-origin /api/consent.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/consent/define.js';
import type { KoeConsent } from '../../src/consent/koe-consent.js';
import { encodeConsentLink } from '../../src/consent/consent-links.js';
import type { ConsentRecord, ConsentRequest } from '../../src/core/schemas.js';
import { fill, issuedRequest, pick, printMedia, storedConsents, submit } from './consent-helpers.js';
import { $, $$ } from '../shadow.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

const WORDS = {
  ja: { answer: 'ご回答', grant: '掲載に同意します（項目ごとに選びます）', decline: '掲載をお断りします', allow: '許可する', deny: '許可しない', sign: '署名（氏名を入力）', scopes: ['社名', 'ロゴ', '発言の引用'] },
  en: { answer: 'Your answer', grant: 'I agree to publication (choosing each use below)', decline: 'I decline publication', allow: 'Allow', deny: 'Do not allow', sign: 'Signature (type your full name)', scopes: ['Company name', 'Logo', 'Quoted statements'] },
} as const;

async function open(request: ConsentRequest, locale: 'ja' | 'en' = 'ja'): Promise<KoeConsent> {
  history.replaceState(null, '', `#${encodeConsentLink(request).split('#')[1]}`);
  const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent" locale=${locale}></koe-consent>`);
  await el.updateComplete;
  return el;
}

/** Grants the first two scopes and refuses the third, signs, and sends. */
async function grant(el: KoeConsent, locale: 'ja' | 'en' = 'ja'): Promise<void> {
  const w = WORDS[locale];
  await pick(el, w.answer, w.grant);
  await pick(el, w.scopes[0], w.allow);
  await pick(el, w.scopes[1], w.allow);
  await pick(el, w.scopes[2], w.deny);
  await fill(el, w.sign, '山田 太郎');
  await submit(el);
}

async function decline(el: KoeConsent, locale: 'ja' | 'en' = 'ja'): Promise<void> {
  await pick(el, WORDS[locale].answer, WORDS[locale].decline);
  await fill(el, WORDS[locale].sign, '山田 太郎');
  await submit(el);
}

/** Grants on a fresh request and returns the receipt's withdrawal link (with the token the receiver returned). */
async function grantedWithdrawLink(): Promise<string> {
  const first = await open(await issuedRequest());
  await grant(first);
  await receipt(first);
  const href = await until(() => first.shadowRoot!.querySelector<HTMLAnchorElement>('[part="withdraw-link"]')?.href, 'the withdrawal link');
  first.remove();
  return href;
}

/** The withdrawal page as the link opens it. */
async function openWithdrawal(href: string): Promise<KoeConsent> {
  history.replaceState(null, '', `#${href.split('#')[1]}`);
  const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent"></koe-consent>`);
  await el.updateComplete;
  return el;
}

const alertText = (el: KoeConsent) => until(() => $(el, '[part="alert"]').textContent?.replace(/\s+/g, ' ').trim().replace(/ ?(破棄|Discard)$/, ''), 'the alert');
const receipt = (el: KoeConsent) => until(() => el.shadowRoot!.querySelector<HTMLElement>('.receipt'), 'the receipt');

describe('<koe-consent> and the receiver’s answer', () => {
  beforeEach(resetWorld);
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  for (const locale of ['ja', 'en'] as const) {
    it(`a second answer to the same request (409) says how to change it, in ${locale}`, async () => {
      const request = await issuedRequest();
      const first = await open(request, locale);
      await grant(first, locale);
      await receipt(first);
      first.remove();
      // The same link again (another tab, a forwarded email): a decline after the grant.
      const second = await open(request, locale);
      await decline(second, locale);
      const said = await alertText(second);
      expect(said).to.equal(
        locale === 'ja'
          ? 'この同意書にはすでにご回答いただいています（回答は 1 回のみ受け付けます）。同意した内容を取り消す場合は、お手元の受領証にある「撤回用のページ」のリンクから手続きしてください。お断りの回答を変更したい場合は、pr@example.comまでご連絡ください。'
          : 'This request has already been answered; only one answer is accepted. To withdraw a consent you gave, use the withdrawal link on your receipt. To change a decline, please contact pr@example.com.',
      );
      expect(second.shadowRoot!.querySelector('.receipt')).to.equal(null);
      expect((await storedConsents()).map((l) => l.record.decision)).to.deep.equal(['granted']);
      await expect(second).to.be.accessible();
    });

    it(`a record the receiver refuses by a rule (422) is told by that rule, in ${locale}`, async () => {
      const el = await open(await issuedRequest(), locale);
      // A host script (or anything between the signer and the receiver) stretches the term after signing.
      el.addEventListener('koe-submit', (e) => void ((e.detail.payload as ConsentRecord).term.months = 999));
      const refused = new Promise<CustomEvent>((resolve) => el.addEventListener('koe-needs-attention', resolve, { once: true }));
      await grant(el, locale);
      expect((await refused).detail).to.include({ status: 422, code: 'term-mismatch' });
      expect(await alertText(el)).to.equal(
        locale === 'ja'
          ? '掲載期間が同意書と異なるため、受け付けられませんでした。お手数ですが、新しいリンクの発行をpr@example.comにご依頼ください。'
          : 'The publication period differs from the request, so your answer was not accepted. Please ask pr@example.com for a new link.',
      );
      expect(await storedConsents()).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it('the receipt carries the receiver’s seal, where to verify it, and a withdrawal link with the receipt’s token', async () => {
    const el = await open(await issuedRequest());
    const sent = new Promise<CustomEvent>((resolve) => el.addEventListener('koe-sent', resolve, { once: true }));
    await grant(el);
    await receipt(el);
    const body = (await sent).detail.body as { receipt: string; withdrawalToken: string; seal: { keyId: string; signature: string } };
    const shown = $(el, '.receipt').textContent!;
    expect(shown).to.include(body.seal.keyId);
    expect(shown).to.include(body.seal.signature);
    expect(shown).to.include(`${location.origin}/api/seal-keys`);
    const keys = await (await fetch('/api/seal-keys')).json();
    expect(keys.keys.map((k: { kid: string }) => k.kid)).to.include(body.seal.keyId);
    const link = new URL($<HTMLAnchorElement>(el, '[part="withdraw-link"]').href);
    expect(JSON.stringify(link.hash)).to.not.include('token');
    const [, encoded] = link.hash.split('koe-withdraw=');
    const carried = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(encoded!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))));
    expect(carried.withdrawalToken).to.equal(body.withdrawalToken);
    expect(carried.scopes).to.deep.equal(['company-name', 'logo']);
    await expect(el).to.be.accessible();
  });

  it('withdraws one use through the receipt’s link, then the rest; asking again for what is withdrawn says so', async () => {
    const href = await grantedWithdrawLink();

    const withdrawVia = async (labels: string[], email = 'yamada@example.jp'): Promise<KoeConsent> => {
      const el = await openWithdrawal(href);
      for (const box of $$<HTMLInputElement>(el, 'input[type="checkbox"]')) {
        if (!labels.includes(box.closest('label')!.textContent!.trim())) continue;
        box.click();
        await el.updateComplete;
      }
      await fill(el, 'メールアドレス', email);
      await fill(el, '氏名', '山田 太郎');
      await submit(el);
      return el;
    };

    // A partial withdrawal: the logo only.
    const partial = await withdrawVia(['ロゴ']);
    await receipt(partial);
    expect($(partial, '#receipt-title').textContent).to.equal('同意の撤回を受け付けました');
    const lists = $$(partial, '.receipt h3 + ul');
    expect(lists.map((l) => l.textContent!.replace(/\s+/g, ''))).to.deep.equal(['ロゴ', '社名']);
    await expect(partial).to.be.accessible();
    partial.remove();

    // The same withdrawal again: nothing new is withdrawn, and the receipt says it was already.
    const again = await withdrawVia(['ロゴ']);
    await receipt(again);
    expect($(again, '.receipt').textContent).to.include('すでに撤回を受け付けています');
    again.remove();

    // The rest, through the same link: the company name too. Nothing remains.
    const rest = await withdrawVia(['社名', 'ロゴ']);
    await receipt(rest);
    expect($$(rest, '.receipt h3 + p').map((p) => p.textContent)).to.include('なし');
    const stored = await storedConsents();
    expect(stored.map((l) => l.record.decision)).to.deep.equal(['withdrawn', 'withdrawn', 'granted']);
    expect(stored.map((l) => l.record.scopes.filter((s) => !s.granted).map((s) => s.id))).to.deep.equal([['company-name', 'logo'], ['logo'], ['quotes']]);
  });

  it('a withdrawal by another email address is refused; fixing the address clears the alert, and the corrected one is accepted', async () => {
    const el = await openWithdrawal(await grantedWithdrawLink());
    $$<HTMLInputElement>(el, 'input[type="checkbox"]')[0]!.click();
    await fill(el, 'メールアドレス', 'someone@example.com');
    await fill(el, '氏名', '山田 太郎');
    await submit(el);
    expect(await alertText(el)).to.equal('メールアドレスが、同意したときのものと一致しません。同意したときのメールアドレスを入力して、もう一度送信してください。');
    await expect(el).to.be.accessible();
    await fill(el, 'メールアドレス', 'yamada@example.jp');
    expect($(el, '[part="alert"]').textContent!.trim(), 'the alert goes with the fix').to.equal('');
    await submit(el);
    await receipt(el);
    expect((await storedConsents()).map((l) => l.record.decision)).to.deep.equal(['withdrawn', 'granted']);
  });

  it('prints the receipt for A4: the printed form with the full notice, decisions, signature and seal, no buttons, accessible', async function () {
    const el = await open(await issuedRequest());
    await grant(el);
    await receipt(el);
    await until(() => el.shadowRoot!.querySelector('.print-receipt') && el.shadowRoot!.querySelector('.seal'), 'the printed form and the seal');
    expect(getComputedStyle($(el, '.print-receipt')).display, 'hidden on screen').to.equal('none');
    if (!(await printMedia())) return this.skip();
    try {
      const printed = $(el, '.print-receipt');
      expect(getComputedStyle(printed).display).to.equal('block');
      expect(getComputedStyle($(el, '.receipt')).display, 'the screen receipt gives way').to.equal('none');
      for (const button of $$(el, 'button')) expect(button.getClientRects().length, button.textContent!).to.equal(0);
      const text = printed.textContent!.replace(/\s+/g, ' ');
      const [line] = await storedConsents();
      for (const part of ['取材・掲載同意書 受領証', line!.record.receiptId, '一部の項目に同意', '許可した項目', '社名、ロゴ', '許可しなかった項目', '発言の引用', '山田 太郎', line!.record.intentStatement, '送信先による封印', `${location.origin}/api/seal-keys`, '同意書の全文', line!.record.notice.sha256]) {
        expect(text, part).to.include(part);
      }
      // The notice in full: every section heading of the notice as signed.
      for (const heading of $$(el, '.print-notice h5')) expect(heading.getClientRects().length).to.be.greaterThan(0);
      expect($$(el, '.print-notice h5').length).to.be.greaterThan(3);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('the printed receipt is in English for an English signer', async function () {
    const el = await open(await issuedRequest({ scopes: ['logo'] }), 'en');
    await pick(el, 'Your answer', WORDS.en.grant);
    await pick(el, 'Logo', 'Allow');
    await fill(el, WORDS.en.sign, 'Taro Yamada');
    await submit(el);
    await receipt(el);
    await until(() => el.shadowRoot!.querySelector('.print-receipt'), 'the printed form');
    if (!(await printMedia())) return this.skip();
    try {
      const text = $(el, '.print-receipt').textContent!.replace(/\s+/g, ' ');
      for (const part of ['Case study consent: receipt', 'Consent given', 'Logo', 'Taro Yamada', 'Full text of the consent form']) expect(text, part).to.include(part);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
