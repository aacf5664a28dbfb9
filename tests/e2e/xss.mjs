// Scenario 11: ≥ 50 public XSS payloads in every attribute, context field, tag label, page selection and consent-request
// field; then stored through the receiver and shown in the PR inbox. Nothing may execute; everything shows as text.
import { assert, newContext } from './harness.mjs';
import { linkFragment, requestInput } from './consent-pages.mjs';
import { openCrm } from './pages.mjs';
import { PAYLOADS } from './xss-payloads.mjs';
import { canary, probeConsent, probeIntakeAndSnippet, trapExecution } from './xss-probes.mjs';
import { expectClean, tally } from './tally.mjs';

const MARKER = 'koe-plain-marker';
/** Consent-request text fields hold at most 100 characters (names); longer payloads go through the other probes. */
const SHORT = PAYLOADS.filter((p) => [...p].length <= 100);

function consentInput(v) {
  return requestInput({
    controller: { name: v, contact: v, email: 'pr@example.com' },
    customer: { company: v, signerName: v, signerTitle: v, signerEmail: 'yamada@example.jp' },
    story: { title: v, summary: v, quotes: [v] },
    channels: [v],
  });
}

export async function xssCorpus(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: [trapExecution] });
  const foreign = [];
  context.on('request', (r) => !r.url().startsWith(world.base) && !r.url().startsWith('data:') && foreign.push(r.url()));
  const problems = [];
  const executed = [];
  let renders = 0;
  const ids = [];
  try {
    const page = await context.newPage();
    await openCrm(page);
    const caught = await page.evaluate(canary);
    assert(caught.length === 1, `the execution trap did not catch the canary (${JSON.stringify(caught)}): this scenario could not fail`);

    // <koe-intake> and <koe-snippet>: attributes, context property, tag labels, endpoint/format/locale, selected page text.
    const intake = await page.evaluate(probeIntakeAndSnippet, { payloads: PAYLOADS, marker: MARKER });
    problems.push(...intake.problems);
    renders += intake.renders;
    if (process.env.KOE_E2E_DEBUG) console.log('\n  plain-marker baselines:', intake.baselines);

    // Stored as submitted, then shown in the PR inbox.
    const results = await page.evaluate(async (payloads) => {
      const out = [];
      for (const p of payloads) {
        const el = document.createElement('koe-intake');
        el.setAttribute('endpoint', '/api/intake');
        for (const a of ['company-name', 'contact-name', 'deal-stage', 'reporter-name']) el.setAttribute(a, p);
        document.body.append(el);
        await el.updateComplete;
        const box = el.shadowRoot.querySelector('textarea');
        box.value = p;
        box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        el.shadowRoot.querySelector('.chip').click();
        let id;
        el.addEventListener('koe-submit', (e) => (id = e.detail.id), { once: true });
        out.push({ result: await el.submit(), id });
        el.remove();
      }
      return out;
    }, SHORT);
    row.trials = PAYLOADS.length;
    for (const [i, r] of results.entries()) {
      if (r.result !== 'sent') problems.push(`submission #${i}: ${r.result}`);
      else ids.push(r.id);
    }
    const stored = new Map((await receiver.records('intake')).map((l) => [l.record.id, l.record]));
    for (const [i, r] of results.entries()) {
      const rec = stored.get(r.id);
      const p = SHORT[i];
      if (rec && (rec.voice.text !== p.trim() || rec.customer.contactName !== p.trim() || rec.customer.companyName !== p.trim())) {
        problems.push(`submission #${i}: stored text differs from what was typed`);
      }
    }
    await page.goto(`/inbox.html#key=${world.inboxKey}`);
    await page.waitForFunction((n) => document.querySelectorAll('#inbox li, #inbox tr, #inbox article').length >= 1 || n === 0, ids.length);
    await page.waitForTimeout(500);
    const inboxText = await page.evaluate(() => document.getElementById('inbox').textContent.normalize('NFKC').replace(/\s+/g, ' '));
    const missing = SHORT.filter((p) => !inboxText.includes(p.normalize('NFKC').replace(/\s+/g, ' ').trim()));
    if (missing.length) problems.push(`inbox: ${missing.length} stored payload(s) not shown as text, e.g. ${JSON.stringify(missing[0])}`);
    executed.push(...(await page.evaluate(() => window.__xss.splice(0))).map((x) => `inbox: ${x}`));

    // <koe-consent>: every text field of a request signed by the receiver.
    const links = {
      marker: linkFragment(await receiver.issueConsentRequest(consentInput(MARKER))),
      payloads: [],
    };
    for (const p of SHORT) links.payloads.push(linkFragment(await receiver.issueConsentRequest(consentInput(p))));
    await page.goto(`/consent.html#${links.marker}`);
    await page.locator('koe-consent [part=notice]').waitFor();
    const consent = await page.evaluate(probeConsent, { links, marker: MARKER, payloads: SHORT });
    problems.push(...consent.problems);
    renders += consent.renders;
    if (process.env.KOE_E2E_DEBUG) console.log('  consent baseline:', consent.baseline);
    await page.waitForTimeout(1000); // any injected image's error handler would have run by now
    executed.push(...(await page.evaluate(() => window.__xss.splice(0))));

    await tally(row, receiver, ids, { errors });
    row.lost = SHORT.length - row.delivered;
    assert(executed.length === 0, `payloads executed: ${executed.slice(0, 5).join(' | ')}`);
    assert(foreign.length === 0, `requests to other origins: ${foreign.slice(0, 3).join(' ')}`);
    assert(problems.length === 0, `${problems.length} problem(s): ${problems.slice(0, 6).join(' | ')}`);
    expectClean(row, errors);
    return `${PAYLOADS.length} payloads (${SHORT.length} also as consent requests and stored records), ${renders} renders, 0 executed`;
  } finally {
    await context.close();
  }
}
