// <koe-consent> end to end against the real receiver at same-origin /api/consent: grant, decline, drawn, withdraw, tampering.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/consent/define.js';
import type { KoeConsent } from '../../src/consent/koe-consent.js';
import { canonicalJson, noticeText, sha256Hex } from '../../src/consent/notice-hash.js';
import { buildNotice } from '../../src/consent/notice-in-locale.js';
import { encodeConsentLink } from '../../src/consent/consent-links.js';
import { Outbox } from '../../src/core/outbox.js';
import { consentSchema, type ConsentRequest } from '../../src/core/schemas.js';
import { drawStroke, fill, issuedRequest, pick, storedConsents, submit } from './consent-helpers.js';
import { $, $$ } from '../shadow.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

const GRANT = '掲載に同意します（項目ごとに選びます）';

async function openLink(request: ConsentRequest, attrs = ''): Promise<KoeConsent> {
  history.replaceState(null, '', `#${encodeConsentLink(request).split('#')[1]}`);
  const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent"></koe-consent>`);
  if (attrs) el.setAttribute('mode', attrs);
  await el.updateComplete;
  return el;
}

async function receipt(el: KoeConsent): Promise<HTMLElement> {
  return until(() => el.shadowRoot!.querySelector<HTMLElement>('.receipt'), 'the receipt');
}

async function grantSome(el: KoeConsent): Promise<void> {
  await pick(el, 'ご回答', GRANT);
  await pick(el, '社名', '許可する');
  await pick(el, 'ロゴ', '許可しない');
  await pick(el, '発言の引用', '許可する');
  await fill(el, 'ご要望', '写真に顔が写らないようにしてください。');
  await fill(el, '署名（氏名を入力）', '山田 太郎');
}

describe('<koe-consent> end to end', () => {
  beforeEach(resetWorld);
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('a typed grant from a link is stored as sent, with hash, intent, times and the request token', async () => {
    const request = await issuedRequest();
    const el = await openLink(request);
    await grantSome(el);
    const intent = $(el, '#intent').textContent;
    await submit(el);
    const shown = await receipt(el);
    const [line] = await until(async () => (await storedConsents()).filter(Boolean).slice(0, 1).filter((l) => l.record), 'a stored record');
    const r = line!.record;
    expect(consentSchema.safeParse(r).success).to.equal(true);
    expect(line!.idempotencyKey.replace(/"/g, '')).to.equal(r.receiptId);
    expect(r.decision).to.equal('granted');
    expect(r.scopes).to.deep.equal([
      { id: 'company-name', granted: true },
      { id: 'logo', granted: false },
      { id: 'quotes', granted: true },
    ]);
    expect(r.requestId).to.equal(request.id);
    expect(r.requestToken).to.equal(request.token);
    expect(r.requestSha256).to.equal(await sha256Hex(canonicalJson(request)));
    expect(r.constraints).to.equal('写真に顔が写らないようにしてください。');
    expect(r.reviewBeforePublication).to.equal(true);
    expect(r.reviewWindowBusinessDays).to.equal(5);
    expect(r.term).to.deep.equal({ months: 24 });
    expect(r.signer).to.deep.equal({ name: '山田 太郎', title: '情報システム部 部長', email: 'yamada@example.jp', company: '株式会社サンプル商事' });
    expect(r.signature).to.deep.equal({ method: 'typed', typedName: '山田 太郎' });
    expect(r.intentStatement).to.equal(intent);
    const notice = buildNotice(request, 'ja');
    expect(r.notice).to.deep.equal({ templateId: notice.templateId, version: notice.version, locale: 'ja', sha256: await sha256Hex(noticeText(notice)) });
    expect(r.withdrawal).to.equal(notice.withdrawal);
    for (const t of [r.presentedAt, r.signedAt]) expect(t).to.match(/T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(r.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(r.userAgent).to.equal(navigator.userAgent);
    // The receipt: what was allowed and not, receipt ID, hash, how to withdraw.
    expect($(el, '#receipt-title').textContent).to.equal('一部の項目について同意を受け付けました');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#receipt-title'));
    const receiptText = shown.textContent!;
    for (const part of [r.receiptId, r.notice.sha256, '許可した項目', '社名', '許可しなかった項目', 'ロゴ', '撤回の方法', notice.withdrawal]) {
      expect(receiptText, part).to.include(part);
    }
    expect($(el, '[role="status"]').textContent).to.equal('送信しました。');
    await expect(el).to.be.accessible();
  });

  it('"download receipt" gives the Kantara receipt alongside our record', async () => {
    const el = await openLink(await issuedRequest());
    await grantSome(el);
    await submit(el);
    await receipt(el);
    const file = new Promise<{ name: string; body: Record<string, any> }>((resolve) => {
      el.shadowRoot!.addEventListener('click', (e) => {
        const a = e.target as HTMLAnchorElement;
        if (a.localName !== 'a' || !a.download) return;
        e.preventDefault();
        void fetch(a.href).then((res) => res.json()).then((body) => resolve({ name: a.download, body }));
      });
    });
    $<HTMLButtonElement>(el, '[part="download"]').click();
    const { name, body } = await file;
    const [line] = await storedConsents();
    expect(name).to.equal(`consent-receipt-${line!.record.receiptId}.json`);
    expect(body.record).to.deep.equal(line!.record);
    expect(body.kantaraConsentReceipt.version).to.equal('KI-CR-v1.1.0');
    expect(body.kantaraConsentReceipt.consentReceiptID).to.equal(line!.record.receiptId);
    expect(body.kantaraConsentReceipt.services[0].purposes).to.have.length(2);
  });

  it('a decline is a record too', async () => {
    const el = await openLink(await issuedRequest());
    await pick(el, 'ご回答', '掲載をお断りします');
    await fill(el, 'お断りの理由', '社内規定により、現時点では社名の公開ができません。');
    await fill(el, '署名（氏名を入力）', '山田 太郎');
    await submit(el);
    await receipt(el);
    expect($(el, '#receipt-title').textContent).to.equal('お断りのご回答を受け付けました');
    const [line] = await until(() => storedConsents().then((l) => (l.length ? l : undefined)), 'a stored record');
    expect(line!.record.decision).to.equal('declined');
    expect(line!.record.declineReason).to.equal('社内規定により、現時点では社名の公開ができません。');
    expect(line!.record.scopes.every((s) => !s.granted)).to.equal(true);
    expect(line!.record.scopes).to.have.length(3);
    expect(line!.record.intentStatement).to.include('掲載をお断りします');
    await expect(el).to.be.accessible();
  });

  it('a drawn signature loads signature_pad on demand and is stored as a PNG, the typed name kept', async () => {
    const el = await openLink(await issuedRequest({ scopes: ['logo'] }));
    await pick(el, 'ご回答', GRANT);
    await pick(el, 'ロゴ', '許可する');
    await fill(el, '署名（氏名を入力）', '山田 太郎');
    await pick(el, '署名の方法', '手書きで署名する（氏名の入力も必要です）');
    const canvas = await until(() => el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas:not([hidden])') && el.shadowRoot!.querySelector('.draw button') ? el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas') : null, 'the signature pad');
    await expect(el).to.be.accessible();
    await submit(el);
    expect($(el, '#e-drawn').textContent).to.include('枠内に署名するか');
    drawStroke(canvas!);
    await submit(el);
    await receipt(el);
    const [line] = await until(() => storedConsents().then((l) => (l.length ? l : undefined)), 'a stored record');
    expect(line!.record.signature.method).to.equal('drawn');
    expect(line!.record.signature.typedName).to.equal('山田 太郎');
    expect(line!.record.signature.image).to.match(/^data:image\/png;base64,/);
  });

  it('withdrawal from the receipt link: pick scopes, confirm identity, a withdrawn record referencing the receipt', async () => {
    const request = await issuedRequest();
    const first = await openLink(request);
    await grantSome(first);
    await submit(first);
    await receipt(first);
    const [granted] = await until(() => storedConsents().then((l) => (l.length ? l : undefined)), 'the grant');
    const href = $<HTMLAnchorElement>(first, '[part="withdraw-link"]').href;
    expect(href).to.include('#koe-withdraw=');
    first.remove();

    history.replaceState(null, '', `#${href.split('#')[1]}`);
    const el = await fixture<KoeConsent>(html`<koe-consent endpoint="/api/consent"></koe-consent>`);
    expect($(el, '#notice-title').textContent).to.equal('同意の撤回');
    const boxes = $$<HTMLInputElement>(el, 'input[type="checkbox"]');
    expect(boxes.map((b) => b.closest('label')!.textContent!.trim())).to.deep.equal(['社名', '発言の引用']);
    expect(boxes.some((b) => b.checked)).to.equal(false);
    await expect(el).to.be.accessible();
    await submit(el);
    expect($(el, '#e-withdraw').textContent).to.equal('撤回する項目を選んでください。');
    boxes[1]!.click();
    await fill(el, 'メールアドレス', 'yamada@example.jp');
    await fill(el, '氏名', '山田 太郎');
    await submit(el);
    await receipt(el);
    expect($(el, '#receipt-title').textContent).to.equal('同意の撤回を受け付けました');
    const lines = await until(() => storedConsents().then((l) => (l.length === 2 ? l : undefined)), 'the withdrawal');
    const w = lines.find((l) => l.record.decision === 'withdrawn')!.record;
    expect(w.withdrawsReceiptId).to.equal(granted!.record.receiptId);
    expect(w.requestId).to.equal(request.id);
    expect('withdrawalToken' in w, 'the capability is checked by the receiver, never stored').to.equal(false);
    expect(w.scopes).to.deep.equal([
      { id: 'company-name', granted: true },
      { id: 'quotes', granted: false },
    ]);
    expect(w.signer.email).to.equal('yamada@example.jp');
    expect(w.signature.typedName).to.equal('山田 太郎');
    expect(w.notice.templateId).to.equal('koe-consent-withdrawal');
    expect(w.intentStatement).to.include(granted!.record.receiptId);
    await expect(el).to.be.accessible();
  });

  it('a tampered request (title edited after issue) is refused with 422 and says so', async () => {
    const request = await issuedRequest();
    const el = await openLink({ ...request, story: { ...request.story, title: '売上が3倍に' } });
    let attention: CustomEvent | undefined;
    el.addEventListener('koe-needs-attention', (e) => (attention = e));
    await grantSome(el);
    await submit(el);
    const alert = await until(() => $(el, '[part="alert"]').textContent?.trim(), 'the refusal');
    expect(alert).to.include('この同意書は、送信者が発行した内容と一致しないため、受け付けられませんでした。');
    expect(alert).to.include('pr@example.com');
    expect(attention?.detail.status).to.equal(422);
    expect(attention?.detail.code, 'the genuine token, but the hash of what was shown gives the edit away').to.equal('request-hash-mismatch');
    expect(el.shadowRoot!.querySelector('.receipt')).to.equal(null);
    expect(await storedConsents()).to.have.length(0);
    await expect(el).to.be.accessible();
    // Kept for the signer to see until they discard it explicitly.
    const outbox = Outbox.shared();
    expect((await outbox.list()).map((i) => i.state)).to.deep.equal(['needs-attention']);
    $<HTMLButtonElement>(el, '[part="alert"] button').click();
    await until(async () => (await outbox.list()).length === 0, 'the discard');
    await el.updateComplete;
    expect($(el, '[part="alert"]').textContent!.trim()).to.equal('');
  });
});
