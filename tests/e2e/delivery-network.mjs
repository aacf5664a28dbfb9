// Scenarios 1–3: offline and reload, a connection dropped after commit, Retry-After in seconds and as an HTTP-date.
import { assert, newContext, posts, until } from './harness.mjs';
import { SIDE, fileVoice, koeEvents, openCrm, outboxSettled, recordKoeEvents, watchAttempts } from './pages.mjs';
import { expectClean, expectSameKey, tally } from './tally.mjs';

const stores = async (receiver, id) => (await receiver.records('intake')).some((l) => l.record.id === id);

async function queuedId(page) {
  const [queued] = await until(() => koeEvents(page, 'koe-queued').then((e) => e.length && e), 'koe-queued');
  return queued.detail.id;
}

/** 1. Submit offline, reload, go online: one record; every attempt (seen by the page or the server) with the same key. */
export async function offlineReloadOnline(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: [recordKoeEvents] });
  try {
    const page = await context.newPage();
    const attempts = watchAttempts(page);
    await openCrm(page);
    // Requests to /api fail as with no network; setOffline also makes navigator.onLine false, so "online" fires later.
    await page.route('**/api/**', (r) => r.abort('internetdisconnected'));
    await context.setOffline(true);
    row.trials = 1;
    assert((await fileVoice(page, 'オフラインで入力した声です。再読み込みしても失われません。')) === 'queued', 'not queued while offline');
    const id = await queuedId(page);
    await context.setOffline(false); // so the page itself can reload; /api stays cut by the route
    await page.reload();
    await page.locator(`${SIDE} .outbox-item[data-id="${id}"]`).waitFor({ timeout: 10_000 });
    await until(() => attempts.length >= 2, 'an attempt after the reload', 15_000);
    assert(!(await stores(receiver, id)), 'stored while offline');
    await context.setOffline(true);
    await page.unroute('**/api/**');
    await context.setOffline(false); // the "online" event
    await until(() => stores(receiver, id), 'the record after going online', 20_000);
    await page.locator(`${SIDE} .outbox`).waitFor({ state: 'detached', timeout: 10_000 });
    assert((await outboxSettled(page)) === 0, 'items left in the outbox');
    await tally(row, receiver, [id], { errors });
    expectSameKey(id, posts(receiver), attempts);
    assert(attempts.length >= 3, `expected attempts before and after the reload and online, saw ${attempts.length}`);
    expectClean(row, errors);
    return `${attempts.length} attempts, one key`;
  } finally {
    await context.close();
  }
}

/** 2. The receiver commits, then drops the connection: the retry gets the stored answer; one record; "sent" once. */
export async function dropAfterCommit(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: [recordKoeEvents] });
  const ids = [];
  const notes = [];
  try {
    const page = await context.newPage();
    const replayed = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && r.url().endsWith('/api/intake')) replayed.push(r.headers()['idempotent-replayed'] === 'true');
    });
    await openCrm(page);
    // Trial 1 goes straight to the receiver; Chromium may itself re-send a POST whose reused connection died unanswered.
    // Trial 2 passes through a proxy route that turns the dropped connection into a reset the page sees, so the outbox retries.
    for (const viaProxy of [false, true]) {
      if (viaProxy) {
        await page.route('**/api/intake', async (route) => {
          try {
            await route.fulfill({ response: await route.fetch({ maxRetries: 0 }) });
          } catch {
            await route.abort('connectionreset');
          }
        });
      }
      receiver.faults.resetHits();
      receiver.faults.set({ kind: 'drop-after-commit', times: 1 });
      row.trials += 1;
      const before = await koeEvents(page);
      const state = await fileVoice(page, `保存後に接続が切れても二重登録されません（${row.trials}）。`);
      const id = (await koeEvents(page, 'koe-submit')).at(-1).detail.id;
      ids.push(id);
      await until(() => koeEvents(page, 'koe-sent').then((e) => e.some((x) => x.detail.id === id)), 'koe-sent after the retry', 15_000);
      // No attempt is in flight once the page's outbox has settled: a second, wrong "sent" would have fired by then.
      assert((await outboxSettled(page)) === 0, 'the item is still in the outbox after koe-sent');
      const mine = (await koeEvents(page)).slice(before.length).filter((e) => e.detail?.id === id);
      const sent = mine.filter((e) => e.type === 'koe-sent');
      const retriedBy = mine.some((e) => e.type === 'koe-failed') ? 'the outbox' : 'Chromium';
      const hits = posts(receiver);
      expectSameKey(id, hits);
      assert(hits[0]?.fault === 'drop-after-commit' && hits[0].status === 0, 'the first attempt was not the dropped one');
      assert(hits.length === 2 && hits[1].status === 201, `expected one retry answered 201, got ${hits.map((h) => h.status).join(',')}`);
      assert(replayed.at(-1) === true, 'the retry was not answered from the idempotency store (no Idempotent-Replayed)');
      assert(sent.length === 1, `koe-sent fired ${sent.length} times`);
      notes.push(`retried by ${retriedBy}, page said "${state}"`);
    }
    await tally(row, receiver, ids, { errors });
    expectClean(row, errors);
    return `${notes.join('; ')}; each retry got the stored 201`;
  } finally {
    await tally(row, receiver, ids, { errors }).catch(() => undefined);
    await context.close();
  }
}

/** 3. 503 with Retry-After: 3 and 429 with an HTTP-date: the next attempt comes no sooner than asked. */
export async function retryAfter(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: [recordKoeEvents] });
  const ids = [];
  const notes = [];
  try {
    const page = await context.newPage();
    await openCrm(page);
    const trials = [
      { status: 503, retryAfter: () => '3', earliest: (first) => first + 3000 },
      // HTTP-dates have whole seconds: a date 3–4 s ahead; the retry must not come before it.
      { status: 429, retryAfter: () => new Date(Math.ceil(Date.now() / 1000) * 1000 + 3000).toUTCString(), earliest: (_, header) => Date.parse(header) },
    ];
    for (const t of trials) {
      receiver.faults.resetHits();
      const header = t.retryAfter();
      receiver.faults.set({ kind: 'status', status: t.status, times: 1, retryAfter: header });
      row.trials += 1;
      const before = (await koeEvents(page, 'koe-queued')).length;
      assert((await fileVoice(page, `${t.status} の後でも必ず届きます。`)) === 'queued', `not queued after ${t.status}`);
      const id = (await koeEvents(page, 'koe-queued'))[before].detail.id;
      ids.push(id);
      await until(() => stores(receiver, id), `delivery after ${t.status}`, 20_000);
      const hits = posts(receiver);
      expectSameKey(id, hits);
      assert(hits[0].status === t.status && hits[1]?.status === 201, `hits ${hits.map((h) => h.status).join(',')}`);
      const earliest = t.earliest(hits[0].at, header);
      const gap = hits[1].at - hits[0].at;
      notes.push(`${t.status}: asked ${((earliest - hits[0].at) / 1000).toFixed(2)} s, retried after ${(gap / 1000).toFixed(2)} s`);
      // Only a downward tolerance, for clock granularity.
      assert(hits[1].at >= earliest - 100, `${t.status} (Retry-After: ${header}): retried after ${gap} ms, before ${earliest - hits[0].at} ms`);
    }
    await tally(row, receiver, ids, { errors });
    expectClean(row, errors);
    return notes.join('; ');
  } finally {
    await tally(row, receiver, ids, { errors }).catch(() => undefined);
    await context.close();
  }
}
