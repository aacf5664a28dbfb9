// Scenario 10: the demo pages served with a strict CSP + Trusted Types header; every state of all three elements, zero violations.
import { CSP, assert, newContext, until } from './harness.mjs';
import { SIDE, fileVoice, koeEvents, recordKoeEvents, waitState } from './pages.mjs';
import { consentText, decline, grant, linkFragment, openConsent, requestInput, submitEmpty, withdrawAll, withdrawFragment } from './consent-pages.mjs';
import { expectClean, tally } from './tally.mjs';

function collectViolations() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, sample: e.sample }),
  );
}

/** Walks every state; after each, the violations seen so far must still be none. */
export async function strictCsp(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world, { init: [recordKoeEvents, collectViolations] });
  const visited = [];
  const violations = [];
  const page = await context.newPage();
  const check = async (state) => {
    visited.push(state);
    row.trials = visited.length;
    const seen = await page.evaluate(() => window.__csp.splice(0));
    violations.push(...seen.map((v) => ({ state, ...v })));
  };
  try {
    // --- CRM page: <koe-intake> and <koe-snippet> ---
    const res = await page.goto('/index.html?csp');
    assert(res.headers()['content-security-policy'] === CSP, 'the page was not served with the CSP header');
    await page.locator(`${SIDE} textarea`).waitFor();
    await check('intake empty');
    await page.locator(`${SIDE} [part=submit]`).click();
    await waitState(page, 'invalid');
    await check('intake invalid');
    receiver.faults.set({ kind: 'slow', ms: 1500, times: 1 });
    await fileVoice(page, 'CSP のもとで送る声', { settle: null });
    await waitState(page, 'submitting');
    await check('intake submitting');
    await waitState(page, 'sent');
    await check('intake sent');
    receiver.faults.set({ kind: 'status', status: 503, times: 1, retryAfter: '1' });
    assert((await fileVoice(page, 'CSP のもとで待たされる声')) === 'queued', 'not queued');
    await check('intake queued + outbox line');
    await until(() => page.locator(`${SIDE} .outbox`).count().then((n) => n === 0), 'the queued item to go', 10_000);
    receiver.faults.set({ kind: 'status', status: 400, times: 1, message: '受け付けられません' });
    assert((await fileVoice(page, 'CSP のもとで断られる声')) === 'needs-attention', 'not needs-attention');
    await check('intake needs attention');
    await page.locator(`${SIDE} .outbox-item [data-action=discard]`).click();
    await page.locator(`${SIDE} .outbox-item [data-action=discard-confirm]`).click();
    await check('intake discard');
    await page.locator(SIDE).evaluate((el) => el.setAttribute('endpoint', 'javascript:alert(1)'));
    await waitState(page, 'config-error');
    await check('intake config error');
    await page.locator(SIDE).evaluate((el) => el.setAttribute('endpoint', '/api/intake'));
    // Snippet: a real triple-click selection, the positioned button, the dialog, a send from inside it.
    await page.locator('koe-snippet .mail p').nth(4).click({ clickCount: 3 });
    await page.locator('koe-snippet [part=button]').waitFor();
    await check('snippet button');
    await page.locator('koe-snippet [part=button]').click();
    const inner = 'koe-snippet koe-intake';
    await page.locator(`${inner} textarea`).waitFor();
    await check('snippet dialog');
    await page.locator(`${inner} .chip`).first().click();
    await page.locator(`${inner} [part=submit]`).click();
    await waitState(page, 'sent', inner);
    await check('snippet sent');
    await page.locator('koe-snippet [part=close]').click();
    const intakeIds = (await koeEvents(page, 'koe-sent')).map((e) => e.detail.id);

    // --- consent and withdrawal pages ---
    const scopes = ['社名', 'ロゴ'];
    await openConsent(page, '/consent.html?csp', linkFragment(await receiver.issueConsentRequest(requestInput())));
    await check('consent notice');
    await submitEmpty(page);
    await check('consent invalid');
    await grant(page, scopes);
    await check('consent receipt (typed)');
    const withdraw = await withdrawFragment(page);
    await openConsent(page, '/consent.html?csp', linkFragment(await receiver.issueConsentRequest(requestInput())));
    await grant(page, scopes, { drawn: true });
    await check('consent drawn signature + receipt');
    await openConsent(page, '/consent.html?csp', linkFragment(await receiver.issueConsentRequest(requestInput())));
    await decline(page);
    await check('consent declined');
    await openConsent(page, '/withdraw.html?csp', withdraw);
    await withdrawAll(page);
    await check('withdraw + receipt');
    await openConsent(page, '/consent.html?csp', 'koe=not-a-valid-link');
    assert((await consentText(page)).length > 0, 'nothing shown for a bad link');
    await page.locator('koe-consent [part=problem]').waitFor();
    await check('consent bad link');

    const consents = (await receiver.records('consent')).map((l) => l.record.receiptId);
    assert(consents.length === 4, `expected 4 consent records (grant, drawn, decline, withdraw), got ${consents.length}`);
    await tally(row, receiver, intakeIds, { errors });
    row.delivered += consents.length;
    assert(violations.length === 0, `${violations.length} CSP violation(s): ${JSON.stringify(violations.slice(0, 3))}`);
    expectClean(row, errors);
    return `${visited.length} states, 0 violations`;
  } finally {
    await context.close();
  }
}
