import { expect } from '@open-wc/testing';
import { validIntake } from '../fixtures/submissions.js';
import { bareKey, receiver } from './receiver.js';
import { capture, Clock, DB, ENDPOINT, ENDPOINT_URL, makeOutbox, freshOutboxEachTest, enqueueInput } from './outbox-fixture.js';
import { rawEntries } from './helpers.js';
import { until } from '../wait.js';
import { describe, it } from './mocha.js';

describe('Outbox against the reference receiver', () => {
  freshOutboxEachTest();

  it('writes the item to IndexedDB before the first send and removes it after the 2xx', async () => {
    const outbox = makeOutbox();
    await outbox.ready;
    expect(outbox.persistent).to.equal(true);
    await receiver.faults({ kind: 'slow', ms: 1500, times: 1 });
    const payload = validIntake();
    const pending = outbox.enqueue(enqueueInput(payload));
    // The request is at the (slow) server now: the item must already be on disk.
    await until(async () => (await receiver.posts()).length === 1, 'the first POST', 5000);
    const onDisk = await rawEntries(DB);
    expect(onDisk).to.have.length(1);
    expect(onDisk[0]![1]).to.include({ id: payload.id, state: 'pending', endpoint: ENDPOINT_URL });
    const result = await pending;
    expect(result.status).to.equal('sent');
    expect(result.persistent).to.equal(true);
    expect(await rawEntries(DB)).to.deep.equal([]);
    const records = await receiver.records();
    expect(records).to.have.length(1);
    expect(records[0]!.record).to.deep.equal(payload);
    expect(bareKey(records[0]!.idempotencyKey)).to.equal(payload.id);
  });

  it('delivers CloudEvents the receiver accepts', async () => {
    const outbox = makeOutbox();
    const payload = validIntake();
    expect((await outbox.enqueue(enqueueInput(payload, 'cloudevents'))).status).to.equal('sent');
    const [line] = await receiver.records();
    expect(line!.format).to.equal('cloudevents');
    expect(line!.record).to.deep.equal(payload);
  });

  it('keeps the item on 503, honours Retry-After, and retries with the same key', async () => {
    const clock = new Clock();
    const outbox = makeOutbox({ now: clock.now, random: () => 0.1 });
    const failed = capture<{ retrying: boolean; status: number; nextAttemptAt: number }>(outbox, 'failed');
    const queued = capture(outbox, 'queued');
    await receiver.faults({ kind: 'status', status: 503, times: 1, retryAfter: '3' });
    const payload = validIntake();
    const first = await outbox.enqueue(enqueueInput(payload));
    expect(first.status).to.equal('queued');
    expect(queued).to.have.length(1);
    // Jitter alone would be 100 ms; the server asked for 3 s.
    expect(first.item.nextAttemptAt).to.be.at.least(clock.t + 3000);
    expect(failed[0]).to.include({ retrying: true, status: 503 });
    expect(first.item.lastError).to.include({ status: 503 });
    expect((await rawEntries(DB)).map(([, v]) => (v as { id: string }).id)).to.deep.equal([payload.id]);

    clock.advance(2000);
    await outbox.flush();
    expect(await receiver.posts()).to.have.length(1);

    clock.advance(1000);
    const sent = capture<{ status: number }>(outbox, 'sent');
    await outbox.flush();
    expect(sent).to.have.length(1);
    expect(await rawEntries(DB)).to.deep.equal([]);
    const posts = await receiver.posts();
    expect(posts.map((h) => h.status)).to.deep.equal([503, sent[0]!.status]);
    expect(posts.map((h) => bareKey(h.idempotencyKey))).to.deep.equal([payload.id, payload.id]);
    expect(await receiver.records()).to.have.length(1);
  });

  it('409 with Retry-After (the receiver’s “same key still in flight”): retried no sooner, with the same key, stored once', async () => {
    const clock = new Clock();
    const outbox = makeOutbox({ now: clock.now, random: () => 0.1 });
    const failed = capture<{ retrying: boolean; status: number }>(outbox, 'failed');
    const attention = capture(outbox, 'needs-attention');
    await receiver.faults({ kind: 'status', status: 409, times: 1, retryAfter: '2', message: 'still in flight' });
    const payload = validIntake();
    const first = await outbox.enqueue(enqueueInput(payload));
    expect(first.status).to.equal('queued');
    expect(failed).to.have.length(1);
    expect(failed[0]).to.include({ retrying: true, status: 409 });
    expect(attention).to.have.length(0);
    expect(first.item.nextAttemptAt).to.be.at.least(clock.t + 2000);

    clock.advance(1999);
    await outbox.flush();
    expect(await receiver.posts(), 'retried before Retry-After').to.have.length(1);

    clock.advance(1);
    await outbox.flush();
    const posts = await receiver.posts();
    expect(posts.map((h) => h.status)).to.deep.equal([409, 201]);
    expect(posts.map((h) => bareKey(h.idempotencyKey))).to.deep.equal([payload.id, payload.id]);
    expect(await receiver.records()).to.have.length(1);
    expect(await rawEntries(DB)).to.deep.equal([]);
  });

  it('a 400 waits in needs-attention with the server message, across a reload; edit and resend stores exactly one record', async () => {
    let outbox = makeOutbox();
    const attention = capture<{ status: number; message: string }>(outbox, 'needs-attention');
    await receiver.faults({ kind: 'status', status: 400, times: 1, message: '会社IDが見つかりません' });
    const payload = validIntake({ customer: { companyId: 'C-404' } });
    const result = await outbox.enqueue(enqueueInput(payload));
    expect(result.status).to.equal('needs-attention');
    expect(result.item.lastError).to.include({ status: 400, message: '会社IDが見つかりません', reason: 'rejected' });
    expect(attention[0]).to.include({ status: 400, message: '会社IDが見つかりません' });
    expect(outbox.counts()).to.deep.equal({ waiting: 0, attention: 1 });

    outbox.dispose();
    outbox = makeOutbox();
    const [kept] = await outbox.list();
    expect(kept).to.include({ id: payload.id, state: 'needs-attention' });
    expect(kept!.lastError?.message).to.equal('会社IDが見つかりません');
    expect(outbox.counts()).to.deep.equal({ waiting: 0, attention: 1 });
    // Nothing retries it on its own.
    await outbox.flush();
    expect(await receiver.posts()).to.have.length(1);

    const fixed = { ...payload, customer: { ...payload.customer, companyId: 'C-001' } };
    await outbox.update(payload.id, fixed);
    expect(await outbox.list()).to.deep.equal([]);
    const records = await receiver.records();
    expect(records).to.have.length(1);
    expect(records[0]!.record).to.deep.equal(fixed);
  });

  it('401 raises auth-required and waits; new headers for the endpoint deliver it', async () => {
    const outbox = makeOutbox();
    const auth = capture<{ status: number; item: { id: string } }>(outbox, 'auth-required');
    await receiver.faults({ kind: 'status', status: 401, times: 1, message: 'token expired' });
    const payload = validIntake();
    const result = await outbox.enqueue(enqueueInput(payload));
    expect(result.status).to.equal('needs-attention');
    expect(result.item.lastError).to.include({ status: 401, reason: 'auth' });
    expect(auth).to.have.length(1);
    expect(auth[0]).to.include({ status: 401 });
    const sent = capture(outbox, 'sent');
    outbox.setHeaders(ENDPOINT, { Authorization: 'Bearer fresh' });
    await until(() => sent.length === 1, 'delivery after new headers', 8000);
    expect(await receiver.records()).to.have.length(1);
    expect(await outbox.list()).to.deep.equal([]);
  });

  it('a connection dropped after the server committed: the retry gets the stored answer, one record', async () => {
    const clock = new Clock();
    const outbox = makeOutbox({ now: clock.now });
    await receiver.faults({ kind: 'drop-after-commit', times: 1 });
    const payload = validIntake();
    // Chromium may itself resend on a dropped keep-alive socket; either way the retry must meet the stored answer.
    const first = await outbox.enqueue(enqueueInput(payload));
    if (first.status === 'queued') {
      expect(first.item.lastError?.status).to.equal(undefined);
      clock.advance(10 * 60_000);
      await outbox.flush();
    }
    expect(await outbox.list()).to.deep.equal([]);
    expect(await receiver.records()).to.have.length(1);
    const posts = await receiver.posts();
    expect(posts.length).to.be.at.least(2);
    expect(posts[0]!.status).to.equal(0);
    expect(new Set(posts.map((h) => bareKey(h.idempotencyKey)))).to.deep.equal(new Set([payload.id]));
  });

  it('sends what a previous page left behind when it loads, and retries network failures when back online', async () => {
    const clock = new Clock();
    let outbox = makeOutbox({ now: clock.now });
    await receiver.faults({ kind: 'drop' });
    const a = validIntake();
    const first = await outbox.enqueue(enqueueInput(a));
    expect(first.status).to.equal('queued');
    expect(first.item.attempts).to.equal(1);
    outbox.dispose();
    // Reload while still failing: the page-load attempt fails too.
    clock.advance(60 * 60_000);
    outbox = makeOutbox({ now: clock.now });
    await until(async () => ((await outbox.list())[0]?.attempts ?? 0) >= 2, 'the page-load attempt', 8000);
    expect((await outbox.list())[0]!.nextAttemptAt).to.be.above(clock.t);
    // The connection is back: `online` sends it without waiting for the backoff.
    await receiver.faults(null);
    const sent = capture(outbox, 'sent');
    window.dispatchEvent(new Event('online'));
    await until(() => sent.length === 1, 'delivery on online', 8000);
    expect((await receiver.records()).map((r) => r.record.id)).to.deep.equal([a.id]);
    expect(await rawEntries(DB)).to.deep.equal([]);
  });
});
