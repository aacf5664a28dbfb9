// The consent record without the element (consent-record.ts): what is built from the signer's choices, what it hashes,
// and what the signer is told to fix — each message written out as the signer reads it.
import { expect } from '@open-wc/testing';
import { buildConsentRecord, buildWithdrawRecord, signRecord, type SignInput, type Signing } from '../../src/consent/consent-record.js';
import { emptyForm, type ConsentFormState } from '../../src/consent/consent-form-state.js';
import type { WithdrawLink } from '../../src/consent/link-rules.js';
import { hashNotice, hashRequest } from '../../src/consent/notice-hash.js';
import { buildNotice, buildWithdrawalNotice } from '../../src/consent/notice-in-locale.js';
import { consentSchema, type ConsentRequest } from '../../src/core/schemas.js';
import { commonJa } from '../../src/i18n/common-ja.js';
import { consentJa } from '../../src/i18n/consent-ja.js';
import { withdrawJa } from '../../src/i18n/withdraw-ja.js';
import { validConsentRequestInput } from '../fixtures/submissions.js';
import { describe, it } from './mocha.js';

const request = (over: Partial<ConsentRequest> = {}): ConsentRequest => ({
  ...validConsentRequestInput(),
  id: 'req-1',
  issuedAt: '2026-11-21T10:00:00+09:00',
  expiresAt: '2099-01-01T00:00:00Z',
  token: 'signed-token',
  ...over,
});

/** A signer who filled in everything the request asks for and allowed the company name only. */
const filled = (over: Partial<ConsentFormState> = {}): ConsentFormState => ({
  ...emptyForm(request()),
  decision: 'grant',
  choices: { 'company-name': true, logo: false, quotes: false },
  typedName: '山田 太郎',
  ...over,
});

const signing = (over: Partial<Signing> = {}): Signing => ({
  notice: buildNotice(request(), 'ja'),
  sha256: 'a'.repeat(64),
  presentedAt: '2026-11-21T14:00:00+09:00',
  intentStatement: '上記の内容に同意します。',
  now: new Date('2026-11-21T05:03:00Z'),
  ...over,
});

const withdrawal: WithdrawLink = { receiptId: '7d1c1c39-2f55-4f0e-9a53-0c3c4b1b8f2e', requestId: 'req-1', withdrawalToken: 'withdrawal-token', scopes: ['company-name', 'quotes'] };

/** What signRecord needs; override what a test is about. */
const signInput = (over: Partial<SignInput> = {}): SignInput => ({
  source: { request: request() },
  form: filled(),
  notice: buildNotice(request(), 'ja'),
  presentedAt: '2026-11-21T14:00:00+09:00',
  intentStatement: '上記の内容に同意します。',
  drawing: { failed: false },
  wording: { common: commonJa, consent: consentJa },
  ...over,
});

describe('consent record: building', () => {
  it('a grant lists every offered scope, granted only where the signer chose "allow", and leaves out what was not given', () => {
    const record = buildConsentRecord(request(), filled({ title: '  ', constraints: ' 写真は不可 ' }), signing());
    expect(record.decision).to.equal('granted');
    expect(record.scopes).to.deep.equal([
      { id: 'company-name', granted: true },
      { id: 'logo', granted: false },
      { id: 'quotes', granted: false },
    ]);
    expect(record.constraints).to.equal('写真は不可');
    expect(record.signer).to.deep.equal({ name: '山田 太郎', email: 'yamada@example.jp', company: '株式会社サンプル商事' });
    expect('declineReason' in record).to.equal(false);
    expect(record).to.include({ requestId: 'req-1', requestToken: 'signed-token', reviewBeforePublication: true, reviewWindowBusinessDays: 5 });
    expect(record.signedAt).to.match(/T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(record.signedAt)).to.equal(Date.parse('2026-11-21T05:03:00Z'));
    expect(consentSchema.safeParse(record).success).to.equal(true);
  });

  it('a decline grants nothing, keeps the reason and drops the constraints, even if scopes were ticked before', () => {
    const record = buildConsentRecord(request(), filled({ decision: 'decline', declineReason: '社内規定のため', constraints: '写真は不可' }), signing());
    expect(record.decision).to.equal('declined');
    expect(record.scopes.every((scope) => !scope.granted)).to.equal(true);
    expect(record.declineReason).to.equal('社内規定のため');
    expect('constraints' in record).to.equal(false);
  });

  it('a withdrawal keeps granted what was not selected, names the receipt, and carries the withdrawal token from the link', () => {
    const record = buildWithdrawRecord(withdrawal, { ...emptyForm(), withdraw: ['quotes'], name: '山田 太郎', email: 'yamada@example.jp', typedName: '山田 太郎' }, signing());
    expect(record.decision).to.equal('withdrawn');
    expect(record.withdrawsReceiptId).to.equal(withdrawal.receiptId);
    expect(record.scopes).to.deep.equal([
      { id: 'company-name', granted: true },
      { id: 'quotes', granted: false },
    ]);
    expect(record.withdrawalToken).to.equal('withdrawal-token');
    expect('requestToken' in record, 'a withdrawal link carries no request token').to.equal(false);
    // Neither the link nor a request knows the term: the schema needs one.
    expect(record.term).to.deep.equal({ months: 1 });
  });
});

describe('consent record: signing (hashes) and checks (messages)', () => {
  it('hashes the notice shown and the request as issued, and a valid form has nothing to fix', async () => {
    const input = signInput();
    const { record, errors } = await signRecord(input);
    expect(errors).to.deep.equal({});
    expect(record.notice).to.deep.equal({ templateId: input.notice.templateId, version: '1.0', locale: 'ja', sha256: await hashNotice(input.notice) });
    expect(record.requestSha256).to.equal(await hashRequest(request()));
    expect(record).to.include({ presentedAt: input.presentedAt, intentStatement: input.intentStatement, withdrawal: input.notice.withdrawal });
    expect(record.signature).to.deep.equal({ method: 'typed', typedName: '山田 太郎' });
  });

  it('no decision yet: asks for one', async () => {
    const { errors } = await signRecord(signInput({ form: filled({ decision: undefined, choices: {} }) }));
    expect(errors).to.deep.equal({ decision: '同意するか、お断りするかを選んでください。' });
  });

  it('a grant with scopes left unanswered names each one; all answered but none allowed points to decline', async () => {
    const unanswered = await signRecord(signInput({ form: filled({ choices: { logo: true } }) }));
    expect(unanswered.errors).to.deep.equal({
      'scope-company-name': '「許可する」か「許可しない」を選んでください。',
      'scope-quotes': '「許可する」か「許可しない」を選んでください。',
    });
    const noneAllowed = await signRecord(signInput({ form: filled({ choices: { 'company-name': false, logo: false, quotes: false } }) }));
    expect(noneAllowed.errors).to.deep.equal({ scopes: '許可する項目がありません。掲載をお断りになる場合は「掲載をお断りします」を選んでください。' });
  });

  it('the schema’s verdict lands on the field the signer can fix, in their words', async () => {
    const { errors } = await signRecord(signInput({ form: filled({ name: ' ', email: 'not-an-email', typedName: '', constraints: '長'.repeat(1001) }) }));
    expect(errors).to.deep.equal({
      name: '入力してください。',
      email: 'メールアドレスの形式が正しくありません。',
      typedName: '入力してください。',
      constraints: '1000 文字以内で入力してください（現在 1001 文字）。',
    });
  });

  it('drawing chosen: an empty pad asks for a signature; a pad that could not load says so; a drawing is stored', async () => {
    const empty = await signRecord(signInput({ form: filled({ method: 'drawn' }) }));
    expect(empty.errors).to.deep.equal({ drawn: '枠内に署名するか、「氏名を入力して署名する」を選んでください。' });
    const failed = await signRecord(signInput({ form: filled({ method: 'drawn' }), drawing: { failed: true } }));
    expect(failed.errors).to.deep.equal({ drawn: '手書きの署名欄を読み込めませんでした。入力による署名をお使いください。' });
    const image = 'data:image/png;base64,iVBORw0KGgo=';
    const drawn = await signRecord(signInput({ form: filled({ method: 'drawn' }), drawing: { image, failed: false } }));
    expect(drawn.errors).to.deep.equal({});
    expect(drawn.record.signature).to.deep.equal({ method: 'drawn', typedName: '山田 太郎', image });
  });

  it('withdraw mode: the name is the typed signature, a drawing is never stored, and something must be selected', async () => {
    const form = { ...emptyForm(), name: '山田 太郎', email: 'yamada@example.jp', method: 'drawn' as const };
    const base = signInput({ source: { withdrawal }, notice: buildWithdrawalNotice(withdrawal, 'ja'), wording: { common: commonJa, consent: consentJa, withdraw: withdrawJa } });
    const nothingSelected = await signRecord({ ...base, form, drawing: { image: 'data:image/png;base64,AA==', failed: false } });
    expect(nothingSelected.errors).to.deep.equal({ withdraw: '撤回する項目を選んでください。' });
    expect(nothingSelected.record.signature).to.deep.equal({ method: 'typed', typedName: '山田 太郎' });
    const noName = await signRecord({ ...base, form: { ...form, name: '', withdraw: ['quotes'] } });
    // One message, on the name field: the typed signature is that same name.
    expect(noName.errors).to.deep.equal({ name: '入力してください。' });
  });
});
