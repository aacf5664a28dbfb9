// Scenario 12: 1,000 submissions while the receiver randomly answers 503/429, drops connections (before and after
// commit) and the browser goes offline: exactly 1,000 records, no duplicates, none lost, no page errors.
import { assert, keyId, newContext, posts, sleep } from './harness.mjs';
import { OUTBOX_MODULE, openCrm, outboxSettled } from './pages.mjs';
import { expectClean, tally } from './tally.mjs';

const TOTAL = 1000;
const VIA_ELEMENT = 50; // filed through <koe-intake>.submit() on the page; the rest through the core Outbox for speed
const FAULT_WINDOW_MS = 40_000;
const DEADLINE_MS = 200_000;
const SEED = 20261121;

/** Page side: a second outbox (own database) with short backoff, and the element's default one; both post to /api/intake. */
async function fileAll({ total, viaElement, outboxUrl }) {
  const { Outbox } = await import(outboxUrl);
  const core = new Outbox({ name: 'soak', baseDelayMs: 100, maxDelayMs: 2000, timeoutMs: 5000 });
  window.__soakOutbox = core;
  const ids = [];
  const problems = [];
  const payload = (id, i) => ({
    id,
    createdAt: new Date().toISOString(),
    locale: 'ja',
    voice: { text: `耐久試験 ${i + 1} 件目の声`, kind: 'quote' },
    tags: ['case-study'],
    channel: 'meeting',
    customer: { companyId: 'C-000123', companyName: '株式会社サンプル商事' },
    deal: { id: 'D-2026-0042', stage: '提案' },
    reporter: { id: 'U-0107', name: '佐藤 健一' },
    permission: 'unknown',
    origin: { pageUrl: location.href, pageTitle: document.title, fromSelection: false },
    custom: { soak: i },
  });
  const viaCore = async () => {
    for (let start = viaElement; start < total; start += 25) {
      const batch = [];
      for (let i = start; i < Math.min(total, start + 25); i++) {
        const id = crypto.randomUUID();
        ids.push(id);
        const format = i % 5 === 0 ? 'cloudevents' : 'json';
        batch.push(core.enqueue({ id, type: 'koe.intake.v1', endpoint: '/api/intake', format, payload: payload(id, i) }).catch((e) => problems.push(`enqueue ${i}: ${e}`)));
      }
      await Promise.all(batch);
    }
  };
  const viaForm = async () => {
    const el = document.querySelector('.side koe-intake');
    for (let i = 0; i < viaElement; i++) {
      if (el.getAttribute('state') === 'sent' || el.getAttribute('state') === 'queued') el.reset();
      await el.updateComplete;
      const box = el.shadowRoot.querySelector('textarea');
      box.value = `フォームからの耐久試験 ${i + 1} 件目`;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const chip = el.shadowRoot.querySelector('.chip');
      if (chip.getAttribute('aria-pressed') !== 'true') chip.click();
      await el.updateComplete;
      let id;
      const grab = (e) => (id = e.detail.id);
      el.addEventListener('koe-submit', grab, { once: true });
      const result = await el.submit();
      if (!['sent', 'queued'].includes(result)) problems.push(`form submission ${i}: ${result}`);
      if (id) ids.push(id);
    }
  };
  await Promise.all([viaCore(), viaForm()]);
  return { ids, problems };
}

export async function soak(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world);
  const started = Date.now();
  let ids = [];
  try {
    const page = await context.newPage();
    await openCrm(page);
    receiver.faults.set({
      kind: 'random',
      seed: SEED,
      rates: { 503: 0.06, 429: 0.04, drop: 0.04, 'drop-after-commit': 0.04 },
      until: Date.now() + FAULT_WINDOW_MS,
    });
    // Two offline spells while filing (navigator.onLine false, requests fail, then the "online" event).
    let filing = true;
    const spells = (async () => {
      for (const at of [4000, 14_000, 26_000]) {
        await sleep(Math.max(0, started + at - Date.now()));
        if (!filing && at > 14_000) break;
        await context.setOffline(true);
        await sleep(2500);
        await context.setOffline(false);
      }
    })();
    const filed = await page.evaluate(fileAll, { total: TOTAL, viaElement: VIA_ELEMENT, outboxUrl: OUTBOX_MODULE });
    filing = false;
    const fileSeconds = (Date.now() - started) / 1000;
    ids = filed.ids;
    row.trials = ids.length;
    assert(filed.problems.length === 0, `filing problems: ${filed.problems.slice(0, 3).join(' | ')}`);
    await spells;
    // Drain: wait until the receiver holds every id, or the deadline.
    const want = new Set(ids);
    let have = 0;
    while (Date.now() - started < DEADLINE_MS) {
      have = new Set((await receiver.records('intake')).map((l) => l.record.id).filter((id) => want.has(id))).size;
      if (have === want.size) break;
      await sleep(1000);
    }
    const drainSeconds = (Date.now() - started) / 1000;
    // A barrier for late duplicates: no attempt is in flight once the page's outbox has settled.
    await outboxSettled(page);
    const { counts } = await tally(row, receiver, ids, { errors });
    const left = await page.evaluate(async () => ({
      core: (await window.__soakOutbox.list()).length,
      form: document.querySelector('.side koe-intake').shadowRoot.querySelectorAll('.outbox-item').length,
    }));
    const hits = posts(receiver);
    const faults = hits.reduce((m, h) => ((m[h.fault ?? 'none'] = (m[h.fault ?? 'none'] ?? 0) + 1), m), {});
    const statuses = hits.reduce((m, h) => ((m[h.status] = (m[h.status] ?? 0) + 1), m), {});
    const note = `filed in ${fileSeconds.toFixed(0)} s, all stored after ${drainSeconds.toFixed(0)} s; ${hits.length} POSTs; faults ${JSON.stringify(faults)}; statuses ${JSON.stringify(statuses)}`;
    if (process.env.KOE_E2E_DEBUG) console.log(`\n  ${note}`);
    assert(ids.length === TOTAL, `filed ${ids.length} of ${TOTAL}`);
    assert(new Set(ids).size === TOTAL, 'the page produced duplicate ids');
    assert(!hits.some((h) => !want.has(keyId(h.idempotencyKey))), 'a POST carried a key the page never filed');
    assert(row.lost === 0, `${row.lost} of ${TOTAL} not stored within ${DEADLINE_MS / 1000} s (${have} stored); still queued: ${JSON.stringify(left)}`);
    assert(counts.size === TOTAL && [...counts.values()].every((n) => n === 1), 'not exactly one record per submission');
    assert(left.core === 0 && left.form === 0, `outboxes not empty after delivery: ${JSON.stringify(left)}`);
    expectClean(row, errors);
    return note;
  } finally {
    receiver.faults.clear();
    await context.close();
  }
}
