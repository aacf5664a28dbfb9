// The inbox page asks for an API key when it has none, keeps it for the tab only (sessionStorage), says why a
// key is refused, and reads the receiver once it has a good one; axe-clean in Japanese and English.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { adoptKeyFromFragment, apiKey, forgetKey } from '../../demo/inbox-api.js';
import { receiver } from '../core/receiver.js';
import { before, describe, it } from '../core/mocha.js';
import { until } from '../wait.js';
import { validIntake } from '../fixtures/submissions.js';

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

  it('takes a key from the #key= link npm start prints, and removes it from the address bar', () => {
    forgetKey();
    history.replaceState(null, '', `${location.pathname}${location.search}#key=koe_link_key`);
    adoptKeyFromFragment();
    expect(apiKey()).to.equal('koe_link_key');
    expect(location.hash).to.equal('');
    forgetKey();
  });
});
