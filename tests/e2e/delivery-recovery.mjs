// Scenarios 4–7 and 13: refused then fixed, 401 then new headers, two tabs going online (with Web Locks, and with the
// localStorage lease of pages without them), a tab closed mid-request.
import { assert, keyId, newContext, posts, until } from './harness.mjs';
import { SIDE, fileVoice, koeEvents, openCrm, outboxSettled, recordKoeEvents, shadowText, waitState, watchAttempts } from './pages.mjs';
import { expectClean, expectSameKey, tally } from './tally.mjs';

const records = async (receiver) => (await receiver.records('intake')).map((l) => l.record);

/** 4. 400 and 422: kept in needs-attention across a reload; edited and resent with the same key; one record each. */
export async function refusedThenFixed(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: [recordKoeEvents] });
  const ids = [];
  try {
    const page = await context.newPage();
    await openCrm(page);
    for (const status of [400, 422]) {
      receiver.faults.resetHits();
      const message = `受付できません（${status} テスト）`;
      receiver.faults.set({ kind: 'status', status, times: 1, message });
      row.trials += 1;
      const before = (await koeEvents(page, 'koe-submit')).length;
      assert((await fileVoice(page, `${status} で断られた声`)) === 'needs-attention', `not needs-attention after ${status}`);
      const id = (await koeEvents(page, 'koe-submit'))[before].detail.id;
      ids.push(id);
      assert((await shadowText(page)).includes(message), `the server's message is not shown after ${status}`);
      await page.reload();
      const item = page.locator(`${SIDE} .outbox-item[data-id="${id}"]`);
      await item.waitFor({ timeout: 10_000 });
      assert((await item.getAttribute('data-state')) === 'needs-attention', 'not needs-attention after the reload');
      assert((await item.textContent()).includes(message), 'the server message is gone after the reload');
      // The page's outbox has run a flush since the reload: a refused item it would resend by itself has gone out by now.
      await outboxSettled(page);
      assert(!(await records(receiver)).some((r) => r.id === id), `a refused (${status}) item was resent by itself`);
      await item.locator('[data-action=edit]').click();
      await page.locator(`${SIDE} textarea`).fill(`${status} の後に直して再送した声`);
      await page.locator(`${SIDE} [part=submit]`).click();
      await waitState(page, 'sent');
      const hits = posts(receiver);
      expectSameKey(id, hits);
      assert(hits.length === 2 && hits[0].status === status && hits[1].status === 201, `hits ${hits.map((h) => h.status)}`);
      const stored = (await records(receiver)).filter((r) => r.id === id);
      assert(stored.length === 1 && stored[0].voice.text === `${status} の後に直して再送した声`, 'the fixed text was not stored');
    }
    await tally(row, receiver, ids, { errors });
    expectClean(row, errors);
    return 'edit-and-resend kept the key';
  } finally {
    await context.close();
  }
}

/** 5. 401: koe-auth-required fires; the host sets new headers; delivered with them. */
export async function authRequired(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: [recordKoeEvents] });
  try {
    const page = await context.newPage();
    const auth = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/intake') && auth.push(r.headers().authorization ?? ''));
    await openCrm(page);
    await page.locator(SIDE).evaluate((el) => (el.headers = { Authorization: 'Bearer expired' }));
    receiver.faults.set({ kind: 'status', status: 401, times: 1 });
    row.trials = 1;
    assert((await fileVoice(page, '認証が切れていても失われない声')) === 'needs-attention', 'not needs-attention after 401');
    const [event] = await koeEvents(page, 'koe-auth-required');
    assert(event?.detail.status === 401, 'koe-auth-required did not fire');
    const id = event.detail.id;
    await outboxSettled(page);
    assert(posts(receiver).length === 1, 'resent before the host gave new headers');
    // What a host does on koe-auth-required: refresh the token.
    await page.locator(SIDE).evaluate((el) => (el.headers = async () => ({ Authorization: 'Bearer fresh' })));
    await until(async () => (await records(receiver)).some((r) => r.id === id), 'delivery with the new headers', 15_000);
    await tally(row, receiver, [id], { errors });
    expectSameKey(id, posts(receiver));
    assert(auth.join(',') === 'Bearer expired,Bearer fresh', `Authorization per attempt: ${auth.join(',')}`);
    // The form should not keep offering to resend what was delivered.
    await page.locator(`${SIDE} .outbox`).waitFor({ state: 'detached', timeout: 5000 });
    expectClean(row, errors);
    // What the rep sees once it went through: not "sign in again and resend" (the element has handled koe-sent and re-rendered).
    await outboxSettled(page);
    await page.locator(SIDE).evaluate((el) => el.updateComplete);
    const state = await page.locator(SIDE).getAttribute('state');
    const status = await page.locator(`${SIDE} [part=status]`).textContent();
    assert(state !== 'needs-attention', `delivered, but <koe-intake> stays in needs-attention with the resend form and "${status.trim()}"`);
    return `delivered with the new token; element state afterwards: ${state}`;
  } finally {
    await context.close();
  }
}

/** Pages without Web Locks (plain-http intranet pages): the flush lock falls back to the localStorage lease. */
function withoutWebLocks() {
  delete Navigator.prototype.locks;
}

/** 6. Two tabs with queued items go online: every item delivered exactly once (one POST per key). */
export function twoTabs(world, row) {
  return twoTabsGoOnline(world, row, { webLocks: true });
}

/** 13. The same with two real pages that have no Web Locks, so the localStorage lease decides who flushes. */
export function twoTabsLease(world, row) {
  return twoTabsGoOnline(world, row, { webLocks: false });
}

async function twoTabsGoOnline(world, row, { webLocks }) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: webLocks ? [recordKoeEvents] : [recordKoeEvents, withoutWebLocks] });
  const ids = [];
  try {
    const tabs = [await context.newPage(), await context.newPage()];
    for (const tab of tabs) await openCrm(tab);
    const locks = await Promise.all(tabs.map((tab) => tab.evaluate(() => 'locks' in navigator)));
    assert(locks.every((has) => has === webLocks), `navigator.locks in the tabs: ${locks.join(', ')}`);
    await context.setOffline(true);
    for (let i = 0; i < 3; i++) {
      for (const [t, tab] of tabs.entries()) {
        await tab.bringToFront(); // Playwright's actionability checks wait on animation frames, which a background tab throttles
        assert((await fileVoice(tab, `タブ${t + 1}の声 ${i + 1}`)) === 'queued', 'not queued offline');
      }
    }
    for (const tab of tabs) ids.push(...(await koeEvents(tab, 'koe-submit')).map((e) => e.detail.id));
    row.trials = ids.length;
    await context.setOffline(false);
    // (A lost item shows in the table: tally counts it.)
    await until(() => receiverHasAll(ids), 'all six records', 30_000).catch(() => undefined);
    // A barrier, not a pause: settling both pages' outboxes joins the flush loop running in either; after that no
    // attempt is in flight in either page, so a late duplicate would be in the receiver's log now. The second round
    // reads what is left once neither page is sending.
    await Promise.all(tabs.map(outboxSettled));
    const left = await Promise.all(tabs.map(outboxSettled));
    assert(left.every((n) => n === 0), `items left in the tabs' outbox: ${left.join(', ')}`);
    await tally(row, receiver, ids, { errors });
    const perKey = new Map();
    for (const h of posts(receiver)) perKey.set(keyId(h.idempotencyKey), (perKey.get(keyId(h.idempotencyKey)) ?? 0) + 1);
    const twice = [...perKey.entries()].filter(([, n]) => n > 1);
    expectClean(row, errors);
    assert(twice.length === 0, `sent more than once: ${twice.map(([k, n]) => `${k}×${n}`).join(', ')}`);
    if (!webLocks) {
      // The lease chunk is fetched only where Web Locks are missing: both pages used it.
      const fetched = await Promise.all(tabs.map((tab) => tab.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/src/core/lock-lease.ts')))));
      assert(fetched.every(Boolean), `the localStorage lease was not used in every tab: ${fetched.join(', ')}`);
    }
    return `${posts(receiver).length} POSTs for ${ids.length} items${webLocks ? '' : ', flush lock: localStorage lease'}`;
  } finally {
    await context.close();
  }

  async function receiverHasAll(wanted) {
    const stored = new Set((await receiver.records('intake')).map((line) => line.record.id));
    return wanted.every((id) => stored.has(id));
  }
}

/** 7. The tab closes mid-request: the next load resends with the same key; one record. */
export async function tabClosed(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: [recordKoeEvents] });
  try {
    const first = await context.newPage();
    await openCrm(first);
    receiver.faults.set({ kind: 'slow', ms: 3000, times: 1 });
    row.trials = 1;
    await fileVoice(first, '送信中にタブを閉じても届く声', { settle: null });
    const hit = await until(() => posts(receiver)[0], 'the request reaching the receiver', 10_000);
    const id = keyId(hit.idempotencyKey);
    await first.close();
    const second = await context.newPage();
    const attempts = watchAttempts(second);
    await openCrm(second);
    await until(() => attempts.length > 0, 'a resend from the next load', 10_000);
    await until(async () => (await records(receiver)).some((r) => r.id === id), 'the record', 15_000);
    await second.locator(`${SIDE} .outbox`).waitFor({ state: 'detached', timeout: 10_000 });
    assert((await outboxSettled(second)) === 0, 'items left in the outbox');
    await tally(row, receiver, [id], { errors });
    expectSameKey(id, posts(receiver), attempts);
    expectClean(row, errors);
    return `statuses ${posts(receiver).map((h) => h.status || 'dropped').join(', ')}`;
  } finally {
    await context.close();
  }
}
