// Driving the demo pages like a person would: the CRM page's <koe-intake>, events seen by the host page.
import { ROOT, until } from './harness.mjs';

export const SIDE = '.side koe-intake';

/** The outbox module as the demo pages load it (Vite serves files outside demo/ under /@fs), so importing it gives the page's own. */
export const OUTBOX_MODULE = `/@fs${ROOT}/src/core/outbox.ts`;

/**
 * A barrier for "nothing more happens" checks, instead of a pause: runs the page's own Outbox.shared().flush() and
 * resolves with how many items that page still holds. flush() joins a flush loop already running in the page and ends
 * after a look that finds nothing due, so no attempt is in flight there afterwards: a late, wrong second attempt (a
 * duplicate, a resend of a refused item) would have reached the receiver by then.
 */
export function outboxSettled(page) {
  return page.evaluate(async (url) => {
    const { Outbox } = await import(url);
    const outbox = Outbox.shared();
    await outbox.flush();
    return (await outbox.list()).length;
  }, OUTBOX_MODULE);
}

/** Records every koe-* event the host page sees into window.__koeEvents (an init script, so it survives reloads). */
export function recordKoeEvents() {
  window.__koeEvents = [];
  for (const type of ['koe-submit', 'koe-queued', 'koe-sent', 'koe-failed', 'koe-needs-attention', 'koe-auth-required', 'koe-draft-restored', 'koe-config-error']) {
    document.addEventListener(type, (e) => window.__koeEvents.push({ type, detail: JSON.parse(JSON.stringify(e.detail ?? null)) }), true);
  }
}

export const koeEvents = (page, type) => page.evaluate((t) => (window.__koeEvents ?? []).filter((e) => !t || e.type === t), type);

/** Opens the CRM page and waits until <koe-intake> has rendered its form. */
/**
 * Opens the demo CRM page and waits until its form has started: drawn, painted, and its outbox open (the outbox opens
 * after the first paint). A scenario that then cuts the network starts from a page that had loaded; a page that loses
 * it before its outbox code came is tests/elements/intake-start-up.test.ts's case.
 */
export async function openCrm(page, query = '') {
  await page.goto(`/index.html${query}`);
  await page.locator(`${SIDE} textarea`).waitFor();
  await page.locator(SIDE).evaluate((el) => el.updateComplete);
}

export const intakeState = (page, selector = SIDE) => page.locator(selector).getAttribute('state');

export async function waitState(page, states, selector = SIDE, timeout = 20_000) {
  const wanted = [].concat(states);
  await until(async () => wanted.includes(await intakeState(page, selector)), `<koe-intake> state ${wanted.join('|')}`, timeout);
  return intakeState(page, selector);
}

/** Types the voice, picks the first tag and presses send; resolves with the state it settles in. */
export async function fileVoice(page, text, { selector = SIDE, settle = ['sent', 'queued', 'needs-attention'] } = {}) {
  const el = page.locator(selector);
  if (['sent', 'queued'].includes(await el.getAttribute('state'))) await el.locator('.confirmation button').click();
  await el.locator('textarea').fill(text);
  const chip = el.locator('.chip').first();
  if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
  await el.locator('[part=submit]').click();
  return settle ? waitState(page, settle, selector) : undefined;
}

/** The visible text of an element's shadow root (what a person reads). */
export const shadowText = (page, selector = SIDE) =>
  page.locator(selector).evaluate((el) => el.shadowRoot.textContent.replace(/\s+/g, ' '));

/** Records the Idempotency-Key of every intake/consent POST the page makes, including ones that never reach the server. */
export function watchAttempts(page, sink = []) {
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/(intake|consent)$/.test(new URL(r.url()).pathname)) sink.push(r.headers()['idempotency-key']);
  });
  return sink;
}
