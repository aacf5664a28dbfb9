// The browser reads consent links by hand (link-rules.ts); the receiver checks requests with zod (consentRequestSchema).
// Both must let the same requests through and read them as the same value, or a signer would see a form the receiver
// then refuses, or an error for a link the receiver issued. Every field is broken in every way a link can break it.
import { expect } from '@open-wc/testing';
import { consentRequestSchema } from '../../src/core/schemas.js';
import { readConsentRequest, readWithdrawLink } from '../../src/consent/link-rules.js';
import { validConsentRequestInput } from '../fixtures/submissions.js';

const LEFT_OUT = Symbol('left out');

/** A valid request with every optional field given. */
const fullRequest = () => ({
  ...validConsentRequestInput(),
  controller: {
    name: '株式会社コエ 広報部',
    contact: '広報 田中',
    email: 'pr@example.com',
    privacyPolicyUrl: 'https://koe.example/privacy',
  },
  id: 'req-1',
  intakeId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
  issuedAt: '2026-11-21T10:00:00+09:00',
  expiresAt: '2026-12-21T10:00:00Z',
  token: 'v1.abc',
});

/** `base` with the value at `path` replaced (or the key left out). */
function withValue(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (value === LEFT_OUT) delete parent[last];
  else parent[last] = value;
  return copy;
}

const notStrings = [LEFT_OUT, undefined, null, 0, true, [], {}];
const over = (max: number, char = 'あ') => char.repeat(max + 1);
/** What each field may be replaced with: good values next to bad ones, at and across every limit. */
const REQUEST_VALUES: Record<string, unknown[]> = {
  id: [...notStrings, '', 'r', 'x'.repeat(128), 'x'.repeat(129), '👍'.repeat(128), '👍'.repeat(129), 'a\u0000b', 'line\nbreak', 'tab\there', 'del\u007f', '事例-2026/01 案件'],
  'controller.name': [...notStrings, '', '   ', '\u3000', 'あ'.repeat(100), over(100), '👍🏽'.repeat(100), '👍🏽'.repeat(101)],
  'controller.contact': [...notStrings, '', '  ', over(100)],
  'controller.email': [...notStrings, '', 'pr@example', 'pr@@example.com', 'p r@example.com', 'PR.Team+x@Example.CO.JP', 'ｐｒ@example.com', 'pr@例え.jp'],
  'controller.privacyPolicyUrl': [
    ...notStrings,
    '',
    'http://koe.example',
    ' https://koe.example/p ',
    'https://koe.ex\nample/p',
    'HTTPS://KOE.EXAMPLE/P',
    'http:koe.example',
    'https:/koe.example',
    'ftp://koe.example',
    'javascript:alert(1)',
    'https://',
    'https://exa mple.com',
    'https://[::1]:8080/x',
    'https:// koe.example',
  ],
  controller: [...notStrings, 'text'],
  'customer.company': [...notStrings, '', ' ', over(100)],
  'customer.signerName': [...notStrings, '', over(100)],
  'customer.signerEmail': [...notStrings, '', 'y@example.jp', 'not an email'],
  'customer.signerTitle': [...notStrings, over(100)],
  customer: [...notStrings],
  'story.title': [...notStrings, '', ' ', 'あ'.repeat(200), over(200)],
  'story.summary': [...notStrings, '', over(2000)],
  'story.quotes': [...notStrings, ['ok'], [''], [' '], [1], Array(20).fill('q'), Array(21).fill('q'), [over(2000)]],
  story: [...notStrings],
  scopes: [...notStrings, ['logo'], ['Logo'], ['-logo'], ['a'.repeat(64)], ['a'.repeat(65)], ['ok', 1], Array(60).fill('x'), ['logo', 'quotes', 'logo'], ['logo', 'quotes']],
  channels: [...notStrings, ['web'], [''], Array(20).fill('web'), Array(21).fill('web'), [over(100)]],
  termMonths: [LEFT_OUT, undefined, null, '24', 0, -1, 1, 1.5, 120, 121, NaN, Infinity, 2 ** 53],
  reviewBeforePublication: [LEFT_OUT, undefined, null, 'true', 0, false, true],
  reviewWindowBusinessDays: [LEFT_OUT, undefined, null, '5', 0, 1, 60, 61, 2.5, -Infinity],
  locale: [LEFT_OUT, undefined, null, 'ja', 'en', 'JA', 'ja-JP', 'fr', ''],
  intakeId: [
    ...notStrings,
    '3F1C2A9E-8B7D-4C6E-9A1B-2D3E4F5A6B7C',
    '3f1c2a9e-8b7d-0c6e-9a1b-2d3e4f5a6b7c',
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
  ],
  issuedAt: [
    ...notStrings,
    '2026-11-21T10:00:00Z',
    '2026-11-21T10:00:00.123+09:00',
    '2026-11-21T10:00+09:00',
    '2026-11-21T10:00:00',
    '2026-11-21 10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2028-02-29T10:00:00Z',
    '2026-11-21T24:00:00Z',
    '2026-11-21T10:00:00+0900',
  ],
  expiresAt: [...notStrings, '2026-13-01T00:00:00Z', '2026-12-31T23:59:59.9-05:00'],
  token: [...notStrings, '', 'x'.repeat(512), 'x'.repeat(513)],
  extra: ['unknown keys are dropped', LEFT_OUT],
  'controller.extra': [1],
};

/** The receiver's reading: the parsed request, or undefined when it refuses. */
const receiverReads = (value: unknown) => {
  const parsed = consentRequestSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

describe('consent link rules: the browser reads a request exactly as the receiver does', () => {
  it('reads a full valid request as the receiver does', () => {
    const request = fullRequest();
    expect(receiverReads(request)).to.not.equal(undefined);
    expect(readConsentRequest(request)).to.deep.equal(receiverReads(request));
  });

  for (const [path, values] of Object.entries(REQUEST_VALUES)) {
    it(`agrees on every value of ${path}`, () => {
      let refused = 0;
      for (const value of values) {
        const input = withValue(fullRequest(), path.split('.'), value);
        const expected = receiverReads(input);
        if (expected === undefined) refused += 1;
        const label = value === LEFT_OUT ? 'left out' : JSON.stringify(value)?.slice(0, 60);
        expect(readConsentRequest(input), `${path} = ${label}`).to.deep.equal(expected);
      }
      // Each list holds values the receiver refuses, or the comparison proves little.
      if (path !== 'extra' && path !== 'controller.extra') expect(refused, `${path}: values the receiver refuses`).to.be.greaterThan(0);
    });
  }

  it('agrees on values that are not requests at all', () => {
    for (const value of [undefined, null, 0, 'koe', [], [fullRequest()], {}, new Date()]) {
      expect(readConsentRequest(value)).to.deep.equal(receiverReads(value));
    }
  });
});

describe('withdrawal link rules', () => {
  const link = {
    receiptId: crypto.randomUUID(),
    requestId: 'req-1',
    withdrawalToken: 't',
    scopes: ['logo', 'quotes'],
    termMonths: 24,
    company: '株式会社サンプル商事',
    locale: 'ja',
  };

  it('reads a withdrawal link with every field, and drops unknown keys', () => {
    expect(readWithdrawLink(link)).to.deep.equal(link);
    expect(readWithdrawLink({ ...link, extra: 1 })).to.deep.equal(link);
    const { withdrawalToken: _token, termMonths: _term, company: _company, locale: _locale, ...required } = link;
    expect(readWithdrawLink(required)).to.deep.equal(required);
  });

  it('refuses every way a withdrawal link can be wrong', () => {
    const wrong: Array<[string, unknown]> = [
      ['receiptId', 'not-a-uuid'],
      ['receiptId', undefined],
      ['requestId', ''],
      ['requestId', 'x'.repeat(129)],
      ['requestId', 'a\u0000b'],
      ['withdrawalToken', 'x'.repeat(513)],
      ['withdrawalToken', 5],
      ['scopes', []],
      ['scopes', ['Logo']],
      ['scopes', Array(51).fill('logo')],
      ['termMonths', 0],
      ['termMonths', 121],
      ['termMonths', 1.5],
      ['company', 'x'.repeat(101)],
      ['locale', 'fr'],
    ];
    for (const [key, value] of wrong) expect(readWithdrawLink({ ...link, [key]: value }), `${key} = ${String(value)}`).to.equal(undefined);
    expect(readWithdrawLink(null)).to.equal(undefined);
    expect(readWithdrawLink([link])).to.equal(undefined);
  });
});
