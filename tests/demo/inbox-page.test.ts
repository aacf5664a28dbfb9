// The inbox page asks for an API key when it has none, keeps it for the tab only (sessionStorage), says why a
// key is refused, and reads the receiver once it has a good one; axe-clean in Japanese and English.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { adoptKeyFromFragment, apiKey, forgetKey } from '../../demo/inbox-api.js';
import { receiver } from '../core/receiver.js';
import { before, describe, it } from '../core/mocha.js';
import { until } from '../wait.js';
import { validConsent, validConsentRequestInput, validIntake } from '../fixtures/submissions.js';
import { hashRequest } from '../../src/consent/notice-hash.js';
import type { ConsentRecord, ConsentRequest } from '../../src/core/schemas.js';

const postJson = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
  (await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })).json();

/** A consent request for `intakeId`, granted (logo and company name), then the logo withdrawn through the receipt's token. */
async function grantThenWithdrawLogo(intakeId: string): Promise<void> {
  const request = (await postJson('/api/consent-requests', { ...validConsentRequestInput(), intakeId }, { Authorization: `Bearer ${await key()}` })) as ConsentRequest;
  const grant = validConsent(request, { requestSha256: await hashRequest(request), scopes: [{ id: 'company-name', granted: true }, { id: 'logo', granted: true }, { id: 'quotes', granted: false }] });
  const { withdrawalToken } = (await postJson('/api/consent', grant, { 'Idempotency-Key': `"${grant.receiptId}"` })) as { withdrawalToken: string };
  const { requestSha256: _h, ...rest } = grant;
  const withdrawal: ConsentRecord = { ...rest, receiptId: crypto.randomUUID(), decision: 'withdrawn', withdrawsReceiptId: grant.receiptId, withdrawalToken, scopes: [{ id: 'company-name', granted: true }, { id: 'logo', granted: false }] };
  await postJson('/api/consent', withdrawal, { 'Idempotency-Key': `"${withdrawal.receiptId}"` });
}

const key = (scopes?: string[]) => executeServerCommand('koe-receiver-key', scopes ? { scopes } : undefined) as Promise<string>;
const main = () => document.getElementById('inbox')!;

async function submitKey(value: string): Promise<void> {
  const input = main().querySelector<HTMLInputElement>('#api-key')!;
  input.value = value;
  input.form!.requestSubmit();
}

describe('demo inbox page: the API key', () => {
  before(async () => {
    await receiver.reset();
    const intake = validIntake({ voice: { text: '鍵のテストで届いた顧客の声', kind: 'quote' } });
    await fetch('/api/intake', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `"${intake.id}"` }, body: JSON.stringify(intake) });
    await grantThenWithdrawLogo(intake.id);
    forgetKey();
    localStorage.setItem('koe-demo-locale', 'ja');
    document.body.innerHTML = `
      <div data-locale-switch><button type="button" data-locale="ja">日本語</button><button type="button" data-locale="en">English</button></div>
      <main id="inbox"></main>
      <dialog id="request-dialog" aria-labelledby="request-dialog-title"></dialog>`;
    await import('../../demo/inbox.js');
  });

  it('asks for a key when it has none', async () => {
    await until(() => main().querySelector('#api-key'), 'the key form', 8000);
    expect(main().querySelector('h2')!.textContent).to.equal('API キーを入力してください');
    expect(main().querySelector('label[for="api-key"]')!.textContent).to.equal('API キー');
    await expect(main()).to.be.accessible();
  });

  it('says a wrong key does not work, and forgets it', async () => {
    await submitKey(`koe_${'0'.repeat(12)}_${'A'.repeat(43)}`);
    const alert = await until(() => main().querySelector('[role="alert"]'), 'the refusal', 8000);
    expect(alert.textContent).to.equal('この API キーは使えません。入力の誤りか、取り消されたキーです。');
    expect(apiKey()).to.equal(null);
    await expect(main()).to.be.accessible();
  });

  it('says when a key may not read', async () => {
    await submitKey(await key(['issue']));
    await until(() => main().querySelector('[role="alert"]')?.textContent?.includes('read'), 'the scope message', 8000);
    expect(main().querySelector('[role="alert"]')!.textContent).to.equal('この API キーには受信箱を読む権限（read）がありません。');
  });

  it('speaks English when switched', async () => {
    document.querySelector<HTMLButtonElement>('button[data-locale="en"]')!.click();
    await until(() => main().querySelector('h2')?.textContent === 'Enter an API key', 'English copy', 8000);
    expect(main().querySelector('[role="alert"]')!.textContent).to.equal('This API key may not read the inbox (it lacks the read scope).');
    await expect(main()).to.be.accessible();
  });

  it('shows the inbox with a good key, kept in sessionStorage only', async () => {
    const good = await key();
    await submitKey(good);
    await until(() => main().textContent?.includes('鍵のテストで届いた顧客の声'), 'the stored voice', 8000);
    expect(apiKey()).to.equal(good);
    expect(Object.values(localStorage).some((v) => String(v).includes(good))).to.equal(false);
    await expect(main()).to.be.accessible();
  });

  it('shows each request’s consent history, not only its latest state', async () => {
    const history = await until(() => main().querySelector<HTMLDetailsElement>('details.history'), 'the history', 8000);
    expect(history.querySelector('summary')!.textContent).to.equal('History (2 steps)');
    history.open = true;
    const steps = [...history.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(steps[0]).to.include('Partly granted').and.include('Allowed: Company name, Logo');
    expect(steps[1]).to.include('Partly withdrawn').and.include('Withdrew: Logo').and.include('Allowed: Company name');
    await expect(main()).to.be.accessible();
  });

  it('takes a key from the #key= link npm start prints, and removes it from the address bar', () => {
    forgetKey();
    history.replaceState(null, '', `${location.pathname}${location.search}#key=koe_link_key`);
    adoptKeyFromFragment();
    expect(apiKey()).to.equal('koe_link_key');
    expect(location.hash).to.equal('');
    forgetKey();
  });
});
