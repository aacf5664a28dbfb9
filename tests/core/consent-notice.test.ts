// The notice text (what is hashed: notice-hash.ts), the SHA-256 itself, the canonical request digest and local ISO times.
import { expect } from '@open-wc/testing';
import type { ConsentRequest } from '../../src/core/schemas.js';
import { canonicalJson, hashNotice, hashRequest, noticeText, sha256Hex } from '../../src/consent/notice-hash.js';
import { buildNotice, buildWithdrawalNotice } from '../../src/consent/notice-in-locale.js';
import { NOTICE_TEMPLATE_ID, NOTICE_VERSION } from '../../src/consent/notice-template.js';
import { isoWithOffset } from '../../src/consent/time.js';
import { validConsentRequestInput } from '../fixtures/submissions.js';

const request = (over: Partial<ConsentRequest> = {}): ConsentRequest => ({
  ...validConsentRequestInput(),
  id: 'req-1',
  issuedAt: '2026-11-21T10:00:00+09:00',
  expiresAt: '2099-01-01T00:00:00Z',
  ...over,
});

describe('consent notice', () => {
  it('SHA-256 matches known vectors (FIPS 180-2 "abc"; UTF-8 bytes for Japanese, as Node computes them)', async () => {
    expect(await sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('同意書')).to.equal('190d8464b352ba0370e5071fba082cec1dc193229f3568262534986486858e11');
  });

  it(`the version ${NOTICE_VERSION} notices hash to pinned digests: their text changes only with a new NOTICE_VERSION`, async () => {
    // If this fails after a wording or layout change, signed records no longer match their version: bump NOTICE_VERSION and re-pin.
    expect(NOTICE_VERSION).to.equal('1.0');
    expect(await hashNotice(buildNotice(request(), 'ja'))).to.equal('1e82cc62c550184fdccf364914403c8bddb30246efbb3bce17c769db1c6c2b72');
    expect(await hashNotice(buildNotice(request(), 'en'))).to.equal('e219ea2fa62a570c78fb90f3f36f0550a37f076199b1cc5b59d57f88b6cdea36');
  });

  it('every part of the request the notice shows is in the hash: changing any one changes it', async () => {
    const base = request();
    const edits: Array<[string, Partial<ConsentRequest>]> = [
      ['story title', { story: { ...base.story, title: '問い合わせ対応の時間を半分へ' } }],
      ['summary', { story: { ...base.story, summary: '別の概要' } }],
      ['a quote (list item)', { story: { ...base.story, quotes: ['別の発言'] } }],
      ['scopes (list item)', { scopes: ['company-name', 'logo'] }],
      ['a channel', { channels: ['別の媒体'] }],
      ['term', { termMonths: 12 }],
      ['review window', { reviewWindowBusinessDays: 10 }],
      ['no review', { reviewBeforePublication: false }],
      ['controller email', { controller: { ...base.controller, email: 'press@example.com' } }],
      ['privacy policy (link)', { controller: { ...base.controller, privacyPolicyUrl: 'https://example.com/privacy' } }],
      ['company', { customer: { ...base.customer, company: '株式会社別商事' } }],
    ];
    const original = await hashNotice(buildNotice(base, 'ja'));
    for (const [what, edit] of edits) {
      expect(await hashNotice(buildNotice({ ...base, ...edit }, 'ja')), what).to.not.equal(original);
    }
  });

  it('the request digest is the SHA-256 of its canonical JSON, whatever the key order', async () => {
    const base = request();
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as ConsentRequest;
    expect(await hashRequest(reordered)).to.equal(await hashRequest(base));
    expect(await hashRequest(base)).to.equal(await sha256Hex(canonicalJson(base)));
    expect(await hashRequest({ ...base, termMonths: 12 })).to.not.equal(await hashRequest(base));
  });

  it('the Japanese notice states what, why, where, how long, review window, fee, withdrawal and contact', () => {
    const notice = buildNotice({ ...request(), controller: { ...request().controller, privacyPolicyUrl: 'https://example.com/privacy' } }, 'ja');
    const text = noticeText(notice);
    expect(notice.templateId).to.equal(NOTICE_TEMPLATE_ID);
    for (const part of ['取材・掲載同意書', '掲載する内容', '掲載の目的', '掲載先', '掲載期間', '24か月間', '5営業日以内', '費用', '同意の撤回', 'pr@example.com', 'プライバシーポリシー: https://example.com/privacy', '「導入後、問い合わせ対応の時間が半分になりました。」', '- 社名', '- ロゴ', '- 発言の引用', '- 自社ウェブサイト']) {
      expect(text, part).to.include(part);
    }
    expect(text).to.include(notice.withdrawal);
  });

  it('the English notice is complete too, with the default review window when none is given', () => {
    const english = request({
      reviewWindowBusinessDays: undefined,
      controller: { name: 'Koe Inc.', contact: 'PR team', email: 'pr@example.com' },
      customer: { company: 'Sample Trading' },
      story: { title: 'Half the support time', summary: 'How they did it.', quotes: ['It halved our support time.'] },
      channels: ['Our website'],
    });
    const text = noticeText(buildNotice(english, 'en'));
    for (const part of ['What we will publish', 'Why', 'Where', 'For 24 months', 'within 5 business days', 'Fees', 'Withdrawing consent', '- Company name']) {
      expect(text, part).to.include(part);
    }
    expect(text).to.include('Koe Inc. PR team (pr@example.com)');
    expect(text).to.not.match(/[\u3000-\u30ff\uff00-\uffef]/u, 'no Japanese text or full-width punctuation in the English notice');
  });

  it('shows only the offered scopes', () => {
    const text = noticeText(buildNotice(request({ scopes: ['photo'] }), 'ja'));
    expect(text).to.include('- 写真');
    expect(text).to.not.include('- ロゴ');
  });

  it('the withdrawal notice names the receipt', () => {
    const id = crypto.randomUUID();
    expect(noticeText(buildWithdrawalNotice({ receiptId: id, requestId: 'r', scopes: ['logo'] }, 'ja'))).to.include(id);
  });

  it('canonical JSON sorts keys at every depth, as the receiver does', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).to.equal('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('local times carry a numeric offset and denote the same instant', () => {
    const now = new Date('2026-11-21T05:03:09.000Z');
    const iso = isoWithOffset(now);
    expect(iso).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).to.equal(now.getTime());
  });
});
