// Matrix row: a host that shows only an iframe (HubSpot, Zoho, Dynamics). A receiver of its own (another origin, its
// allow-list naming the CRM page's origin) serves /embed/intake.html; the CRM page frames it with the context in the
// fragment. The allowed parent gets the koe-* events by postMessage; a parent on another origin cannot frame it and gets none.
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { assert, newContext, until } from './harness.mjs';
import { axeViolations, FRAMED_PAGE } from './axe.mjs';
import { expectClean } from './tally.mjs';
import { publishArtifacts } from './embed-artifacts.mjs';
import { expectFields, storedRecord } from './embed-scripts.mjs';
import { linkFragment, requestInput } from './consent-pages.mjs';

/** A receiver on 127.0.0.1 (port chosen by the OS) whose allowed origins are `allowedOrigins`. */
export async function startFrameReceiver(allowedOrigins) {
  const dataDir = await mkdtemp(join(tmpdir(), 'koe-e2e-frame-'));
  const { createReceiver } = await tsImport('../../src/server/index.ts', import.meta.url);
  let origin = '';
  // Its own origin is same-origin (the embed page posts to ../api/intake there); never decided from the Host header.
  const receiver = createReceiver({ dataDir, allowedOrigins, publicOrigins: () => [origin] });
  const server = createServer((req, res) => receiver.handle(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    receiver,
    origin,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await receiver.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function collectViolations() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/**
 * An English browser, and a fragment that names no locale: the early words box is labelled in English from the first
 * byte (the receiver reads Accept-Language), and the form that takes it over speaks English too, so the label does not
 * change language under the user's eyes.
 */
async function earlyBoxInBrowserLanguage(world, receiverOrigin) {
  const { context } = await newContext(world, { locale: 'en-US' });
  try {
    const page = await context.newPage();
    let releaseScript;
    const scriptHeld = new Promise((resolve) => (releaseScript = resolve));
    await page.route(`${receiverOrigin}/embed/intake.js`, async (route) => {
      await scriptHeld;
      await route.continue();
    });
    await page.goto(`/hosts/iframe-parent.html?receiver=${encodeURIComponent(receiverOrigin)}&locale=`, { waitUntil: 'domcontentloaded' });
    const framed = page.frameLocator('#koe-frame');
    const label = 'The customer’s words';
    await framed.getByLabel(label).pressSequentially('Typed early');
    assert((await framed.locator('html').getAttribute('lang')) === 'en', 'the embed page is not in English for an English browser');
    releaseScript();
    const words = framed.locator('koe-intake [part=textarea]');
    await until(async () => (await words.inputValue()) === 'Typed early', "the early box's text in the form's words box");
    const formLabel = await framed.locator('koe-intake label[for=text]').textContent();
    assert(formLabel?.trim() === label, `the form's words box is labelled "${formLabel}", the early box "${label}"`);
  } finally {
    await context.close();
  }
}

export async function iframeEmbed(world, row) {
  row.embed = { host: 'HubSpot / Zoho / Dynamics (iframe only)', artifact: '/embed/intake.html (receiver)', loadedAs: 'iframe, context in the fragment', checked: 'early box + axe; postMessage to the allowed parent only' };
  await publishArtifacts(); // builds dist/embed when missing
  const parent = world.base; // http://localhost:<port>
  const stranger = parent.replace('localhost', '127.0.0.1'); // the same page on an origin the receiver does not allow
  const frame = await startFrameReceiver([parent]);
  const { context, errors } = await newContext(world, { init: [collectViolations] });
  const ids = [];
  try {
    const answer = await fetch(`${frame.origin}/embed/intake.html`);
    const csp = answer.headers.get('content-security-policy') ?? '';
    assert(csp.includes(`frame-ancestors 'self' ${parent}`) && csp.includes("script-src 'self'") && csp.includes('require-trusted-types-for'), `embed page CSP: ${csp}`);
    assert((await answer.text()).includes(`content="${parent}"`), 'the page does not carry the allowed parent origin');

    const page = await context.newPage();
    // The page's script is held back (a slow device or network) until the user has typed into its early words box.
    let releaseScript;
    const scriptHeld = new Promise((resolve) => (releaseScript = resolve));
    await page.route(`${frame.origin}/embed/intake.js`, async (route) => {
      await scriptHeld;
      await route.continue();
    });
    // Not 'load': that waits for the frame's held script.
    await page.goto(`/hosts/iframe-parent.html?receiver=${encodeURIComponent(frame.origin)}`, { waitUntil: 'domcontentloaded' });
    const framed = page.frameLocator('#koe-frame');
    const early = framed.getByLabel('お客様の言葉');
    await early.pressSequentially('iframe で開いたフォームから');
    assert(!(await framed.locator('koe-intake').evaluate((el) => !!customElements.get(el.localName))), 'Koe ran before the early box was typed in');
    const embedPage = page.frames().find((f) => f.url().startsWith(`${frame.origin}/embed/intake.html`));
    const earlyViolations = await axeViolations(embedPage, undefined, FRAMED_PAGE);
    assert(earlyViolations.length === 0, `axe on the embed page before its script: ${earlyViolations.join(', ')}`);
    releaseScript();
    const form = framed.locator('koe-intake');
    const words = form.locator('[part=textarea]');
    await until(async () => (await words.inputValue()) === 'iframe で開いたフォームから', "the early box's text in the form's words box");
    assert(await words.evaluate((box) => box.getRootNode().activeElement === box), "the focus did not move into the form's words box");
    await page.keyboard.insertText('送った声です。');
    const text = 'iframe で開いたフォームから送った声です。';
    assert((await words.inputValue()) === text, `the words box holds "${await words.inputValue()}"`);
    await form.locator('.chip').first().click();
    await form.locator('[part=submit]').click();
    row.trials = 1;
    const messages = () => page.evaluate(() => window.koeMessages);
    const sent = await until(async () => (await messages()).find((m) => m.type === 'koe-sent'), 'koe-sent at the parent page');
    ids.push(sent.detail.id);
    const got = await messages();
    assert(got.every((m) => m.origin === frame.origin), 'a message came from another origin');
    assert(got.some((m) => m.type === 'koe-submit' && m.detail.payload.voice.text === text), 'the parent did not get koe-submit with the payload');
    assert(got.some((m) => m.type === 'koe-embed-resize' && m.detail.height > 100), 'the parent did not get the page height');
    const record = await storedRecord(frame.receiver, sent.detail.id);
    assert(record, 'the receiver did not store the submission');
    expectFields(record, { 'voice.text': text, 'customer.companyId': 'C-FRAME-1', 'customer.companyName': 'フレーム物産', 'deal.id': 'D-FRAME-1', 'reporter.id': 'u-frame', locale: 'ja' });
    const violations = await page.frames().find((f) => f.url().startsWith(frame.origin)).evaluate(() => window.__csp);
    assert(violations.length === 0, `CSP violations in the embed page: ${violations.join(' | ')}`);

    await earlyBoxInBrowserLanguage(world, frame.origin);

    // The consent page, framed with a link this receiver signed: the customer's notice shows.
    const link = linkFragment(await frame.receiver.issueConsentRequest(requestInput()));
    await page.goto(`/hosts/iframe-parent.html?receiver=${encodeURIComponent(frame.origin)}&consent=${encodeURIComponent(link)}`);
    await page.frameLocator('#koe-frame').locator('koe-consent [part=notice]').waitFor();

    // The same host page on an origin the receiver does not allow: the browser refuses to frame it; no message arrives.
    const other = await context.newPage();
    const refused = other.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
    await other.goto(`${stranger}/hosts/iframe-parent.html?receiver=${encodeURIComponent(frame.origin)}`);
    await refused;
    assert((await other.evaluate(() => window.koeMessages)).length === 0, 'a parent that is not allowed got messages');
    assert((await frame.receiver.records('intake')).length === 1, 'something was stored from the refused frame');

    row.delivered = 1;
    row.duplicates = (await frame.receiver.records('intake')).length - 1;
    row.pageErrors = errors.length;
    expectClean(row, errors);
    return `${got.length} messages to ${parent} (koe-submit, koe-sent, …), each from ${frame.origin}; the consent page shows a signed link; ${stranger} could not frame the page and got none`;
  } finally {
    await context.close();
    await frame.close();
  }
}
