// Consent and withdrawal links: round trip, and every way a link can be bad.
import { expect } from '@open-wc/testing';
import type { ConsentRequest } from '../../src/core/schemas.js';
import {
  checkConsentRequest,
  decodeConsentLink,
  decodeWithdrawLink,
  encodeConsentLink,
  encodeWithdrawLink,
  toBase64Url,
} from '../../src/consent/consent-links.js';
import { validConsentRequestInput } from '../fixtures/submissions.js';

const request = (over: Partial<ConsentRequest> = {}): ConsentRequest => ({
  ...validConsentRequestInput(),
  id: 'req-1',
  issuedAt: '2026-11-21T10:00:00+09:00',
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  token: 'tok',
  ...over,
});

describe('consent links', () => {
  it('round-trips a Japanese request through #koe= and keeps it out of the query string', () => {
    const url = encodeConsentLink(request(), 'https://example.com/consent.html?x=1#old');
    expect(url.startsWith('https://example.com/consent.html?x=1#koe=')).to.equal(true);
    expect(url.split('#')[1]).to.match(/^koe=[A-Za-z0-9_-]+$/);
    const decoded = decodeConsentLink(url);
    expect(decoded.ok).to.equal(true);
    if (decoded.ok) expect(decoded.value.story.title).to.equal('問い合わせ対応の時間を半分に');
  });

  it('reports a missing request', () => {
    expect(decodeConsentLink('https://example.com/consent.html')).to.deep.equal({ ok: false, reason: 'missing' });
    expect(decodeConsentLink('#koe=')).to.deep.equal({ ok: false, reason: 'missing' });
    expect(checkConsentRequest(undefined)).to.deep.equal({ ok: false, reason: 'missing' });
  });

  it('reports undecodable links: bad base64url, not JSON, not UTF-8', () => {
    expect(decodeConsentLink('#koe=%%%')).to.deep.include({ reason: 'undecodable' });
    expect(decodeConsentLink(`#koe=${btoa('not json').replace(/=+$/, '')}`)).to.deep.include({ reason: 'undecodable' });
    expect(decodeConsentLink(`#koe=${btoa('\xff\xfe{}').replace(/=+$/, '')}`)).to.deep.include({ reason: 'undecodable' });
    // A link cut short in the middle of its JSON.
    const cut = encodeConsentLink(request(), 'https://e.example/').slice(0, -20);
    expect(decodeConsentLink(cut)).to.deep.include({ reason: 'undecodable' });
  });

  it('reports schema-failing requests as invalid', () => {
    expect(decodeConsentLink(`#koe=${toBase64Url({ hello: 'world' })}`)).to.deep.include({ reason: 'invalid' });
    expect(decodeConsentLink(`#koe=${toBase64Url({ ...request(), scopes: [] })}`)).to.deep.include({ reason: 'invalid' });
    expect(checkConsentRequest({ ...request(), controller: { name: 'x', email: 'not-an-email' } })).to.deep.include({ reason: 'invalid' });
  });

  it('reports an expired request and keeps it for its language and date', () => {
    const expired = request({ expiresAt: '2020-01-01T00:00:00Z', locale: 'en' });
    const result = decodeConsentLink(encodeConsentLink(expired, 'https://e.example/'));
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.reason).to.equal('expired');
      expect(result.value?.locale).to.equal('en');
    }
    expect(checkConsentRequest(request(), Date.parse('2999-01-01')).ok).to.equal(false);
  });

  it('round-trips a withdrawal link and refuses a bad one', () => {
    const info = { receiptId: crypto.randomUUID(), requestId: 'req-1', withdrawalToken: 't', scopes: ['logo', 'quotes'], termMonths: 24 };
    const decoded = decodeWithdrawLink(encodeWithdrawLink(info, 'https://e.example/c'));
    expect(decoded).to.deep.equal({ ok: true, value: info });
    expect(decodeWithdrawLink('#koe-withdraw=!!')).to.deep.include({ reason: 'undecodable' });
    expect(decodeWithdrawLink(`#koe-withdraw=${toBase64Url({ receiptId: 'nope', requestId: 'r', scopes: [] })}`)).to.deep.include({ reason: 'invalid' });
    expect(decodeWithdrawLink('#koe=abc')).to.deep.equal({ ok: false, reason: 'missing' });
  });
});
