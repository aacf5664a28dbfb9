import { expect, fixture, html } from '@open-wc/testing';
import { KoeElement } from '../../src/shared/koe-element.js';
import { DAY, type HeadersInput } from '../../src/core/outbox.js';
import { OutboxController } from '../../src/shared/outbox-controller.js';
import { validIntake } from '../fixtures/submissions.js';
import { receiver } from './receiver.js';
import { Clock, disposeAll, ENDPOINT, makeOutbox } from './outbox-fixture.js';
import { until } from '../wait.js';
import { afterEach, beforeEach, describe, it } from './mocha.js';

const outboxForTest = { current: undefined as ReturnType<typeof makeOutbox> | undefined };

class TestHost extends KoeElement {
  static override properties = { endpoint: {}, format: {} };
  endpoint = ENDPOINT;
  format = 'json';
  headers?: HeadersInput;
  updates = 0;
  readonly delivery = new OutboxController(this, { type: 'koe.intake.v1', outbox: outboxForTest.current! });
  override updated() {
    this.updates++;
  }
}
customElements.define('test-outbox-host', TestHost);

const events = (el: EventTarget, names: string[]) => {
  const seen: Array<{ type: string; detail: Record<string, unknown> }> = [];
  for (const n of names) el.addEventListener(n, (e) => seen.push({ type: n, detail: (e as CustomEvent).detail }));
  return seen;
};
const KOE = ['koe-submit', 'koe-queued', 'koe-sent', 'koe-failed', 'koe-needs-attention', 'koe-auth-required'];

describe('OutboxController', () => {
  beforeEach(async () => {
    await disposeAll();
    await receiver.reset();
    outboxForTest.current = makeOutbox();
  });
  afterEach(async () => {
    await receiver.faults(null);
    await disposeAll();
  });

  it('a cancelled koe-submit sends nothing', async () => {
    const el = await fixture<TestHost>(html`<test-outbox-host></test-outbox-host>`);
    el.addEventListener('koe-submit', (e) => e.preventDefault());
    const payload = validIntake();
    expect(await el.delivery.submit(payload, { id: payload.id })).to.equal('cancelled');
    expect(await receiver.posts()).to.have.length(0);
    expect(await el.delivery.outbox!.list()).to.deep.equal([]);
  });

  it('fires koe-submit then koe-sent on the host (bubbling, composed) and delivers', async () => {
    const el = await fixture<TestHost>(html`<test-outbox-host></test-outbox-host>`);
    const seen = events(document, KOE);
    const payload = validIntake();
    const result = await el.delivery.submit(payload, { id: payload.id });
    expect(result).to.include({ status: 'sent' });
    expect(seen.map((e) => e.type)).to.deep.equal(['koe-submit', 'koe-sent']);
    expect(seen[0]!.detail).to.deep.equal({ id: payload.id, type: 'koe.intake.v1', payload });
    expect(seen[1]!.detail).to.include({ id: payload.id, type: 'koe.intake.v1' });
    expect((await receiver.records()).map((r) => r.record.id)).to.deep.equal([payload.id]);
  });

  it('re-dispatches failures for its endpoint and type, tracks items and counts, and sends host headers', async () => {
    const el = await fixture<TestHost>(html`<test-outbox-host></test-outbox-host>`);
    let calls = 0;
    el.headers = () => ({ Authorization: `Bearer ${++calls}` });
    const seen = events(el, KOE);
    await receiver.faults({ kind: 'status', status: 422, times: 1, message: 'voice.text is required' });
    const payload = validIntake();
    const result = await el.delivery.submit(payload, { id: payload.id });
    expect(result).to.include({ status: 'needs-attention' });
    expect(calls).to.equal(1);
    expect(seen.map((e) => e.type)).to.deep.equal(['koe-submit', 'koe-failed', 'koe-needs-attention']);
    expect(seen[1]!.detail).to.include({ retrying: false, status: 422 });
    expect(seen[2]!.detail).to.include({ status: 422, message: 'voice.text is required' });
    await until(() => el.delivery.counts.attention === 1, 'controller counts', 5000);
    expect(el.delivery.items.map((i) => i.id)).to.deep.equal([payload.id]);
    const before = el.updates;
    await el.delivery.discard(payload.id);
    await until(() => el.delivery.items.length === 0 && el.updates > before, 'host update after discard', 5000);
  });

  it('ignores items of another endpoint, and stops listening when disconnected', async () => {
    const el = await fixture<TestHost>(html`<test-outbox-host></test-outbox-host>`);
    const seen = events(el, KOE);
    const other = validIntake();
    await el.delivery.outbox!.enqueue({ id: other.id, type: 'koe.intake.v1', endpoint: '/api/intake?tenant=other', format: 'json', payload: other });
    expect(seen).to.deep.equal([]);
    el.remove();
    const mine = validIntake();
    await el.delivery.outbox!.enqueue({ id: mine.id, type: 'koe.intake.v1', endpoint: ENDPOINT, format: 'json', payload: mine });
    expect(seen).to.deep.equal([]);
    expect(await receiver.records()).to.have.length(2);
  });

  it('counts waiting items near the retention limit for its own endpoint only', async () => {
    const clock = new Clock();
    outboxForTest.current = makeOutbox({ now: clock.now });
    const el = await fixture<TestHost>(html`<test-outbox-host></test-outbox-host>`);
    const outbox = el.delivery.outbox!;
    await receiver.faults({ kind: 'status', status: 503 });
    const [mine, other] = [validIntake(), validIntake()];
    await el.delivery.submit(mine, { id: mine.id });
    await outbox.enqueue({ id: other.id, type: 'koe.intake.v1', endpoint: '/api/intake?tenant=other', format: 'json', payload: other });
    await outbox.flush();
    expect(el.delivery.expiringCount).to.equal(0);
    clock.advance(12.5 * DAY);
    await outbox.flush();
    await until(() => el.delivery.expiringCount === 1, 'one expiring item on the host', 5000);
    expect(outbox.expiringItems()).to.have.length(2);
    expect(el.delivery.counts).to.deep.equal({ waiting: 1, attention: 0 });
  });

  it('a burst of outbox changes ends with the host showing the latest items and counts', async () => {
    const el = await fixture<TestHost>(html`<test-outbox-host></test-outbox-host>`);
    const outbox = el.delivery.outbox!;
    await receiver.faults({ kind: 'status', status: 503 });
    const payloads = Array.from({ length: 12 }, () => validIntake());
    await Promise.all(payloads.map((p) => outbox.enqueue({ id: p.id, type: 'koe.intake.v1', endpoint: ENDPOINT, format: 'json', payload: p })));
    await until(() => el.delivery.counts.waiting === 12, 'all twelve waiting on the host', 5000);
    expect(el.delivery.items.map((i) => i.id)).to.have.members(payloads.map((p) => p.id));
    for (const p of payloads.slice(0, 11)) void outbox.discard(p.id);
    await until(() => el.delivery.items.length === 1, 'the host after eleven quick discards', 5000);
    expect(el.delivery.items[0]!.id).to.equal(payloads[11]!.id);
    expect(el.delivery.counts).to.deep.equal({ waiting: 1, attention: 0 });
  });
});
