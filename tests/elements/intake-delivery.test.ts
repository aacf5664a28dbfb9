// <koe-intake> delivery against the real receiver: sent, queued on 503, needs attention on 400, cancel, drafts.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/intake/define.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { Outbox } from '../../src/core/outbox.js';
import { DraftStore } from '../../src/core/draft-store.js';
import { intakeDraftKey } from '../../src/intake/intake-drafts.js';
import { validIntake } from '../fixtures/submissions.js';
import { enqueueInput } from '../core/outbox-fixture.js';
import { deepActive, fill, pickTag, records, untilState } from './intake-helpers.js';
import { $, $$ } from '../shadow.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

const DAY = 86_400_000;
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
    // Shown once (the confirmation box), heard once (the live region, which is there but not drawn a second time).
    const visible = (node: Element) => node.getClientRects().length > 0 && node.getBoundingClientRect().width > 1;
    const showing = $$(el, 'p').filter((p) => p.textContent?.includes('送信しました。ありがとうございます。') && visible(p));
    expect(showing.map((p) => p.className)).to.deep.equal(['confirmation-title']);
    expect($(el, '.confirmation-title').getAttribute('aria-hidden')).to.equal('true');
    expect($(el, '[role="status"]').textContent).to.equal('送信しました。ありがとうございます。');

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

  it('warns, in the rep’s language, about waiting submissions near the 14-day retention limit (and only those)', async () => {
    await executeServerCommand('koe-receiver-faults', { kind: 'status', status: 503, retryAfter: '600', path: '/api/intake' });
    // Two submissions an earlier visit could not deliver: 12½ and 11 days ago (the warning starts 2 days before 14).
    Outbox.shared().dispose();
    for (const daysAgo of [12.5, 11]) {
      const earlier = new Outbox({ name: 'default', now: () => Date.now() - daysAgo * DAY });
      expect((await earlier.enqueue(enqueueInput(validIntake({ customer: { companyId: 'C-old' } })))).status).to.equal('queued');
      earlier.dispose();
    }
    const el = await fixture<KoeIntake>(intakeFor('C-old'));
    await until(() => el.shadowRoot!.querySelector('.outbox'), 'the outbox status line');
    const warnings = () => $$(el, '[part~="warning"]').map((w) => w.textContent);
    expect(warnings()).to.deep.equal(['1 件の送信待ちが、まもなく保存期限を迎えます。接続を確認して再送してください。']);
    expect($(el, '.outbox-summary').textContent).to.equal('送信待ち 2 件');
    await expect(el).to.be.accessible();
    el.locale = 'en';
    await el.updateComplete;
    expect(warnings()).to.deep.equal(['1 waiting submission is close to the storage limit. Check your connection and resend.']);
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

  it('says plainly that offline safety is off when IndexedDB fails, and still sends online', async () => {
    // A disk that fails on demand is not to be had: IndexedDB throws at open for the outbox's database, as it does in
    // some private modes and with a broken profile. Everything above it (store, outbox, controller, view) runs as it is.
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name: string, version?: number) {
      if (name.startsWith('koe-outbox-')) throw new DOMException('Internal error opening backing store', 'UnknownError');
      return open.call(this, name, version);
    };
    Outbox.shared().dispose();
    try {
      const el = await fixture<KoeIntake>(intakeFor('C-memory'));
      const outbox = Outbox.shared();
      await outbox.ready;
      await el.updateComplete;
      expect(outbox.storageProblem).to.equal('error');
      expect($(el, '[part~="warning"]').textContent).to.contain('オフライン時の保護が無効です');
      await expect(el).to.be.accessible();
      await fill(el, 'メモリだけでも送れます');
      await pickTag(el, 'faq');
      expect(await el.submit()).to.equal('sent');
      expect(await records()).to.have.length(1);
    } finally {
      IDBFactory.prototype.open = open;
      // The next test gets a working outbox again.
      Outbox.shared().dispose();
    }
  });

  it('shows no such warning when IndexedDB works (the same check, on a healthy page)', async () => {
    const el = await fixture<KoeIntake>(intakeFor('C-disk'));
    await Outbox.shared().ready;
    await el.updateComplete;
    expect(Outbox.shared().persistent).to.equal(true);
    expect($$(el, '[part~="warning"]')).to.have.length(0);
  });
});

describe('<koe-intake> drafts', () => {
  beforeEach(resetWorld);
  afterEach(() => executeServerCommand('koe-receiver-faults', null));

  const draftKey = (company: string) => intakeDraftKey(new URL('/api/intake', location.href).href, { companyId: company, custom: {} }, false);

  it('restores a draft in a re-created element with koe-draft-restored, and clears it once sent', async () => {
    const company = `C-draft-${Math.random().toString(36).slice(2)}`;
    const first = await fixture<KoeIntake>(intakeFor(company));
    await fill(first, '下書きの文面です');
    await pickTag(first, 'competitor');
    fixtureCleanup(); // removing the element writes the pending draft at once
    await until(async () => (await new DraftStore(draftKey(company)).load())?.value, 'the draft on disk');

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
    expect(await new DraftStore(draftKey(company)).load()).to.equal(undefined);
  });

  it('clears the draft once the submission is queued while the network is down (not only once sent)', async () => {
    const company = `C-queued-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<KoeIntake>(intakeFor(company));
    await fill(el, 'オフラインで保存した声');
    await pickTag(el, 'praise');
    await until(async () => (await new DraftStore(draftKey(company)).load())?.value, 'the autosaved draft on disk');
    // Every attempt fails on the network (the connection is dropped), as when offline: the outbox keeps the item.
    await executeServerCommand('koe-receiver-faults', { kind: 'drop', path: '/api/intake' });
    expect(await el.submit()).to.equal('queued');
    expect(await records()).to.have.length(0);
    expect(await new DraftStore(draftKey(company)).load()).to.equal(undefined);
    // The text is safe in the outbox instead.
    const [item] = await Outbox.shared().list();
    expect((item!.payload as { voice: { text: string } }).voice.text).to.equal('オフラインで保存した声');
  });
});
