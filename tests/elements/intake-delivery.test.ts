// <koe-intake> delivery against the real receiver: sent, queued on 503, needs attention on 400, cancel, drafts.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/intake/define.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { Outbox } from '../../src/core/outbox.js';
import { DraftStore } from '../../src/core/draft-store.js';
import { contextKey } from '../../src/core/config.js';
import { deepActive, fill, pickTag, records, untilState } from './intake-helpers.js';
import { $, $$ } from '../shadow.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

const intakeFor = (company: string) => html`<koe-intake endpoint="/api/intake" locale="ja" company-id=${company} reporter-id="u-1"></koe-intake>`;

describe('<koe-intake> delivery', () => {
  beforeEach(resetWorld);
  afterEach(() => executeServerCommand('koe-receiver-faults', null));

  it('says “sent” truthfully on 2xx and files another while keeping the context', async () => {
    const el = await fixture<KoeIntake>(intakeFor('C-sent'));
    await fill(el, '説明がとても分かりやすかったです。');
    await pickTag(el, 'praise');
    const sent = oneEvent(el, 'koe-sent');
    expect(await el.submit()).to.equal('sent');
    expect((await sent).detail.status).to.equal(201);
    await untilState(el, 'sent');
    expect($(el, '.confirmation').textContent).to.contain('送信しました。');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.confirmation'));
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '.confirmation button').click();
    await untilState(el, 'empty');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('');
    expect($(el, '.context').textContent).to.contain('C-sent');
    await until(() => deepActive() === $(el, 'textarea'), 'focus back in the text box');
    await fill(el, '二件目の声です。');
    await pickTag(el, 'faq');
    expect(await el.submit()).to.equal('sent');
    const stored = await records();
    expect(stored.map((l) => l.record.customer.companyId)).to.deep.equal(['C-sent', 'C-sent']);
    expect(stored.map((l) => l.record.voice.text)).to.have.members(['説明がとても分かりやすかったです。', '二件目の声です。']);
  });

  it('sends nothing when koe-submit is cancelled', async () => {
    const el = await fixture<KoeIntake>(intakeFor('C-cancel'));
    await fill(el, '送らないでください');
    await pickTag(el, 'faq');
    let seen: unknown;
    const cancel = (e: Event) => {
      seen = (e as CustomEvent).detail;
      e.preventDefault();
    };
    document.addEventListener('koe-submit', cancel);
    try {
      expect(await el.submit()).to.equal('cancelled');
    } finally {
      document.removeEventListener('koe-submit', cancel);
    }
    expect((seen as { payload: { voice: { text: string } } }).payload.voice.text).to.equal('送らないでください');
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.equal('送信は取り消されました。');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('送らないでください');
    expect(await records()).to.have.length(0);
    expect(await Outbox.shared().list()).to.have.length(0);
    const hits = await executeServerCommand<unknown[], undefined>('koe-receiver-hits');
    expect(hits).to.have.length(0);
  });

  it('queues on 503, says so, shows the outbox and delivers on retry-now', async () => {
    await executeServerCommand('koe-receiver-faults', { kind: 'status', status: 503, times: 1, retryAfter: '120', path: '/api/intake' });
    const el = await fixture<KoeIntake>(intakeFor('C-503'));
    await fill(el, '回線が弱い場所でも使えました');
    await pickTag(el, 'praise');
    const queued = oneEvent(el, 'koe-queued');
    expect(await el.submit()).to.equal('queued');
    expect((await queued).detail.persistent).to.equal(true);
    await untilState(el, 'queued');
    expect($(el, '.confirmation').textContent).to.contain('この端末に保存しました');
    expect(await records()).to.have.length(0);
    await until(() => el.shadowRoot!.querySelector('.outbox'), 'the outbox status line');
    expect($(el, '.outbox-summary').textContent).to.equal('送信待ち 1 件');
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'koe-sent');
    $<HTMLButtonElement>(el, '.outbox [data-action="retry"]').click();
    await sent;
    const stored = await records();
    expect(stored).to.have.length(1);
    expect(stored[0]!.record.voice.text).to.equal('回線が弱い場所でも使えました');
    await until(() => !el.shadowRoot!.querySelector('.outbox'), 'the outbox to empty');
  });

  it('words an item kept past the retention limit as the outbox’s own verdict, not as a message from the receiver', async () => {
    await executeServerCommand('koe-receiver-faults', { kind: 'status', status: 503, times: 1, retryAfter: '120', path: '/api/intake' });
    const first = await fixture<KoeIntake>(intakeFor('C-expired'));
    await fill(first, '二週間送れなかった声');
    await pickTag(first, 'praise');
    expect(await first.submit()).to.equal('queued');
    fixtureCleanup();
    // Fifteen days later (the retention limit is fourteen), the next page's outbox finds it expired.
    Outbox.shared().dispose();
    const later = new Outbox({ name: 'default', now: () => Date.now() + 15 * 86_400_000 });
    await later.flush();
    later.dispose();

    const el = await fixture<KoeIntake>(intakeFor('C-expired'));
    await until(() => el.shadowRoot!.querySelector('.outbox-item[data-state="needs-attention"]'), 'the expired item');
    const item = $(el, '.outbox-item[data-state="needs-attention"]');
    expect(item.textContent).to.contain('保存期限までに送信できませんでした');
    expect(item.textContent).not.to.contain('送信先からのメッセージ');
    $<HTMLButtonElement>(el, '.outbox [data-action="edit"]').click();
    await untilState(el, 'needs-attention');
    expect($(el, '.attention').textContent).to.contain('保存期限までに送信できませんでした');
    expect($(el, '.attention').textContent).not.to.contain('送信先からのメッセージ');
    await expect(el).to.be.accessible();
  });

  it('keeps a 400 in “needs attention” with the server’s message, and resends the edit under the same id', async () => {
    await executeServerCommand('koe-receiver-faults', { kind: 'status', status: 400, times: 1, message: '商談IDが見つかりません', path: '/api/intake' });
    const el = await fixture<KoeIntake>(intakeFor('C-400'));
    await fill(el, '最初の文面');
    await pickTag(el, 'objection');
    const attention = oneEvent(el, 'koe-needs-attention');
    expect(await el.submit()).to.equal('needs-attention');
    expect((await attention).detail.status).to.equal(400);
    await untilState(el, 'needs-attention');
    expect($(el, '.attention').textContent).to.contain('商談IDが見つかりません');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('修正して再送');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('最初の文面');
    await until(() => el.shadowRoot!.querySelector('.outbox'), 'the outbox status line');
    expect($(el, '.outbox-summary').textContent).to.equal('要対応 1 件');
    await expect(el).to.be.accessible();
    const [item] = await Outbox.shared().list();

    await fill(el, '修正した文面');
    expect(await el.submit()).to.equal('sent');
    await untilState(el, 'sent');
    const stored = await records();
    expect(stored).to.have.length(1);
    expect(stored[0]!.record.voice.text).to.equal('修正した文面');
    expect(stored[0]!.record.id).to.equal(item!.id);
  });

  it('moves from “needs attention” to “sent” once a 401 item is delivered with a fresh token', async () => {
    await executeServerCommand('koe-receiver-faults', { kind: 'status', status: 401, times: 1, path: '/api/intake' });
    const el = await fixture<KoeIntake>(intakeFor('C-401'));
    await fill(el, 'ログインし直した後に届く声');
    await pickTag(el, 'praise');
    const auth = oneEvent(el, 'koe-auth-required');
    expect(await el.submit()).to.equal('needs-attention');
    await auth;
    await untilState(el, 'needs-attention');
    expect($(el, '[role="status"]').textContent).to.contain('認証が必要です');
    const sent = oneEvent(el, 'koe-sent');
    el.headers = { Authorization: 'Bearer fresh' };
    expect((await sent).detail.status).to.equal(201);
    await untilState(el, 'sent');
    expect($(el, '.confirmation').textContent).to.contain('送信しました。');
    expect($$(el, '.attention')).to.have.length(0);
    const stored = await records();
    expect(stored).to.have.length(1);
    expect(stored[0]!.record.voice.text).to.equal('ログインし直した後に届く声');
    await until(() => !el.shadowRoot!.querySelector('.outbox'), 'the outbox to empty');
  });

  it('resends an edit whose item left the outbox meanwhile, and says “sent” only once the receiver has it', async () => {
    await executeServerCommand('koe-receiver-faults', { kind: 'status', status: 400, times: 1, message: '確認してください', path: '/api/intake' });
    const el = await fixture<KoeIntake>(intakeFor('C-gone'));
    await fill(el, '消えた項目の文面');
    await pickTag(el, 'faq');
    expect(await el.submit()).to.equal('needs-attention');
    await untilState(el, 'needs-attention');
    const [item] = await Outbox.shared().list();
    await Outbox.shared().discard(item!.id); // e.g. discarded in another tab
    await fill(el, '修正後の文面');
    expect(await el.submit()).to.equal('sent');
    const stored = await records();
    expect(stored).to.have.length(1);
    expect(stored[0]!.record.id).to.equal(item!.id);
    expect(stored[0]!.record.voice.text).to.equal('修正後の文面');
  });

  it('discards a refused item only after an explicit confirmation', async () => {
    await executeServerCommand('koe-receiver-faults', { kind: 'status', status: 422, times: 1, message: 'invalid', path: '/api/intake' });
    const el = await fixture<KoeIntake>(intakeFor('C-discard'));
    await fill(el, '破棄する文面');
    await pickTag(el, 'faq');
    expect(await el.submit()).to.equal('needs-attention');
    await until(() => el.shadowRoot!.querySelector('.outbox [data-action="discard"]'), 'the discard button');
    // Edit-and-resend from the status line puts the refused text back into the form.
    $<HTMLButtonElement>(el, '.attention + .actions button[type="button"]').click();
    await untilState(el, 'empty');
    $<HTMLButtonElement>(el, '.outbox [data-action="edit"]').click();
    await untilState(el, 'needs-attention');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('破棄する文面');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('修正して再送');
    $<HTMLButtonElement>(el, '.outbox [data-action="discard"]').click();
    await el.updateComplete;
    expect($(el, '.outbox .confirm').textContent).to.contain('元に戻せません');
    expect(await Outbox.shared().list()).to.have.length(1);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.outbox [data-action="discard-cancel"]').click();
    await el.updateComplete;
    expect(await Outbox.shared().list()).to.have.length(1);

    $<HTMLButtonElement>(el, '.outbox [data-action="discard"]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.outbox [data-action="discard-confirm"]').click();
    await until(async () => (await Outbox.shared().list()).length === 0, 'the item to be discarded');
    await until(() => $$(el, '.outbox').length === 0, 'the status line to clear');
    expect(el.state).to.equal('empty');
  });
});

describe('<koe-intake> without offline safety', () => {
  beforeEach(resetWorld);

  it('says plainly that offline safety is off, and still sends online', async () => {
    const outbox = Outbox.shared();
    // A failing disk, seen through the outbox: it fell back to memory.
    Object.defineProperty(outbox, 'persistent', { configurable: true, get: () => false });
    try {
      const el = await fixture<KoeIntake>(intakeFor('C-memory'));
      expect($(el, '[part~="warning"]').textContent).to.contain('オフライン時の保護が無効です');
      await expect(el).to.be.accessible();
      await fill(el, 'メモリだけでも送れます');
      await pickTag(el, 'faq');
      expect(await el.submit()).to.equal('sent');
      expect(await records()).to.have.length(1);
    } finally {
      delete (outbox as { persistent?: boolean }).persistent;
    }
  });
});

describe('<koe-intake> drafts', () => {
  beforeEach(resetWorld);

  it('restores a draft in a re-created element with koe-draft-restored, and clears it once queued', async () => {
    const company = `C-draft-${Math.random().toString(36).slice(2)}`;
    const first = await fixture<KoeIntake>(intakeFor(company));
    await fill(first, '下書きの文面です');
    await pickTag(first, 'competitor');
    fixtureCleanup(); // removing the element writes the pending draft at once
    const key = `koe-intake|${contextKey(new URL('/api/intake', location.href).href, { companyId: company, custom: {} })}`;
    await until(async () => (await new DraftStore(key).load())?.value, 'the draft on disk');

    const restored = oneEvent(document, 'koe-draft-restored');
    const again = await fixture<KoeIntake>(intakeFor(company));
    const { detail } = await restored;
    expect(detail.savedAt).to.be.a('number');
    await again.updateComplete;
    expect($<HTMLTextAreaElement>(again, 'textarea').value).to.equal('下書きの文面です');
    expect($(again, '.chip[data-tag="competitor"]').getAttribute('aria-pressed')).to.equal('true');
    expect($(again, '[role="status"]').textContent).to.equal('前回の下書きを復元しました。');
    await expect(again).to.be.accessible();

    expect(await again.submit()).to.equal('sent');
    expect(await new DraftStore(key).load()).to.equal(undefined);
  });
});
