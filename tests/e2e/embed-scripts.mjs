// Matrix rows that load a standalone file as a page would: a classic or module <script src> from an opaque URL, a tag
// manager's injected script, two copies of two versions, a strict CSP, closed shadow roots.
import { CSP, assert, newContext, until } from './harness.mjs';
import { fileVoice, koeEvents, recordKoeEvents } from './pages.mjs';
import { expectClean, tally } from './tally.mjs';
import { OPAQUE, OTHER_VERSION, publishArtifacts } from './embed-artifacts.mjs';
import { packageVersion } from '../../scripts/build-options.mjs';

/** The stored intake record with `id`, or undefined. */
export async function storedRecord(receiver, id) {
  return (await receiver.records('intake')).map((l) => l.record).find((r) => r.id === id);
}

/** Asserts fields of a stored record, by dotted path: { 'customer.companyId': 'C-1', … }. */
export function expectFields(record, expected) {
  for (const [path, want] of Object.entries(expected)) {
    const got = path.split('.').reduce((v, k) => v?.[k], record);
    assert(got === want, `stored ${path} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
}

/** The id of the latest koe-sent the host page saw. */
export const lastSentId = async (page) => (await koeEvents(page, 'koe-sent')).at(-1)?.detail.id;

/** Paths (with query) of every script the page fetched: a standalone file must be the only one. */
function watchScripts(page) {
  const scripts = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname + new URL(r.url()).search);
  });
  return scripts;
}

/**
 * One matrix row: a fresh browser context (koe-* events recorded, `init` scripts first); `body(page, context)` files one
 * submission and returns { id, expected, note }; the receiver must have stored it exactly once, with the `expected` fields.
 */
export async function hostRow(world, row, { init = [] }, body) {
  await publishArtifacts();
  const { context, errors } = await newContext(world, { init: [recordKoeEvents, ...init] });
  const ids = [];
  try {
    row.trials = 1;
    const { id, expected, note } = await body(await context.newPage(), context);
    ids.push(id);
    const record = await storedRecord(world.receiver, id);
    assert(record, 'the receiver did not store the submission');
    expectFields(record, expected);
    await tally(row, world.receiver, ids, { errors });
    expectClean(row, errors);
    return note;
  } finally {
    await tally(row, world.receiver, ids, { errors }).catch(() => undefined);
    await context.close();
  }
}

/**
 * The rows that load a standalone file with <script>: open `path`, file one voice in `selector`, and check that the page
 * fetched only `scripts`. `checks` adds what a row needs: beforeOpen(context), watch(page), beforeSend(page, response),
 * afterSend(page) → notes.
 */
function scriptRow(world, row, { path, selector = 'koe-intake', text, expected, scripts, init = [], checks = {} }) {
  return hostRow(world, row, { init }, async (page, context) => {
    if (checks.beforeOpen) await checks.beforeOpen(context);
    const fetched = watchScripts(page);
    checks.watch?.(page);
    const response = await page.goto(path);
    await page.locator(`${selector} textarea`).waitFor();
    if (checks.beforeSend) await checks.beforeSend(page, response);
    const state = await fileVoice(page, text, { selector });
    assert(state === 'sent', `the form ended in state ${state}, not sent`);
    assert(JSON.stringify(fetched) === JSON.stringify(scripts), `scripts fetched: ${fetched.join(', ')}; expected only ${scripts.join(', ')}`);
    const notes = checks.afterSend ? await checks.afterSend(page) : [];
    return { id: await lastSentId(page), expected: { 'voice.text': text, ...expected }, note: [`stored with its context; fetched only ${scripts.join(' + ')}`, ...notes].join('; ') };
  });
}

export async function classicOpaque(world, row) {
  row.embed = { host: 'CMS / intranet page', artifact: 'standalone/koe-intake.js', loadedAs: '<script src> (classic), opaque URL', checked: 'one file, no chunk fetched' };
  return scriptRow(world, row, {
    path: '/hosts/classic.html',
    text: 'クラシックスクリプトで読み込んだフォームから送った声です。',
    expected: { 'customer.companyId': 'C-CLASSIC-1', 'customer.companyName': 'クラシック商事', 'deal.id': 'D-CLASSIC-1', 'deal.stage': '提案', leadSource: '展示会', 'reporter.id': 'u-classic' },
    scripts: [`${OPAQUE}/koe-intake.js?v=3`],
  });
}

export async function moduleOpaque(world, row) {
  row.embed = { host: 'modern page', artifact: 'standalone/koe.js', loadedAs: '<script type=module>, opaque URL', checked: 'one file, no chunk fetched' };
  return scriptRow(world, row, {
    path: '/hosts/module.html',
    text: 'モジュールとして読み込んだフォームから送った声です。',
    expected: { 'customer.companyId': 'C-MODULE-1', 'deal.id': 'D-MODULE-1', 'reporter.id': 'u-module' },
    scripts: [`${OPAQUE}/koe.js?v=3`],
  });
}

export async function tagManager(world, row) {
  row.embed = { host: 'Google Tag Manager', artifact: 'standalone/koe-intake.js', loadedAs: 'Custom HTML tag (injected classic script)', checked: 'element created before the script ran' };
  return scriptRow(world, row, {
    path: '/hosts/tag-manager.html',
    selector: '#koe-slot koe-intake',
    text: 'タグマネージャーから差し込んだフォームで送った声です。',
    expected: { 'customer.companyId': 'C-GTM-1', 'deal.id': 'D-GTM-1' },
    scripts: ['/hosts/tag-manager.js', `${OPAQUE}/koe-intake.js?v=3`],
  });
}

/** Two copies of one version: silent. Then a third copy of another version: exactly one warning, the first copy in use. */
export async function twoCopies(world, row) {
  row.embed = { host: 'two kintone customizations', artifact: 'koe-intake.js ×2 + koe.js (other version)', loadedAs: 'three classic scripts', checked: 'no error; 0 warnings, then exactly 1' };
  const warnings = [];
  const collect = (page) => page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  return scriptRow(world, row, {
    path: '/hosts/two-copies.html',
    text: '二つのバージョンが同居するページから送った声です。',
    expected: { 'customer.companyId': 'C-TWIN-2' },
    scripts: [`${OPAQUE}/koe-intake.js?v=3`, '/uploads/second-copy/koe-intake.js', '/uploads/other-version/koe.js'],
    checks: {
      async beforeOpen(context) {
        // The same version twice (koe-intake.js, then koe.js): nothing to say.
        const same = await context.newPage();
        collect(same);
        await same.goto('/hosts/two-copies-same.html');
        await same.locator('koe-intake textarea').waitFor();
        await same.evaluate(() => undefined); // a round trip: console messages of the load have arrived
        assert(warnings.length === 0, `two copies of one version warned: ${warnings.join(' | ')}`);
        await same.close();
      },
      watch: collect,
      async beforeSend(page) {
        await until(() => warnings.length > 0, 'the version warning');
        const inUse = await page.evaluate(() => customElements.get('koe-intake').koeVersion);
        assert(inUse === packageVersion, `<koe-intake> in use is ${inUse}, not the first copy's ${packageVersion}`);
      },
      async afterSend() {
        assert(warnings.length === 1, `expected exactly one warning, got ${warnings.length}: ${warnings.join(' | ')}`);
        assert(warnings[0].includes(OTHER_VERSION) && warnings[0].includes(packageVersion), `the warning does not name both versions: ${warnings[0]}`);
        return [`one warning: "${warnings[0].slice(0, 90)}…"`];
      },
    },
  });
}

function collectViolations() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
}

export async function strictCspStandalone(world, row) {
  row.embed = { host: 'strict CSP page', artifact: 'standalone/koe.js', loadedAs: 'classic script, script-src/style-src self, Trusted Types', checked: '0 violations' };
  return scriptRow(world, row, {
    path: '/hosts/csp.html?csp',
    init: [collectViolations],
    text: '厳しいCSPのページから送った声です。',
    expected: { 'customer.companyId': 'C-CSP-1', 'deal.id': 'D-CSP-1' },
    scripts: [`${OPAQUE}/koe.js?v=3`],
    checks: {
      async beforeSend(page, response) {
        assert(response.headers()['content-security-policy'] === CSP, 'the page was not served with the strict CSP');
      },
      async afterSend(page) {
        const violations = await page.evaluate(() => window.__csp);
        assert(violations.length === 0, `CSP violations: ${violations.join(' | ')}`);
        return ['0 CSP violations'];
      },
    },
  });
}

/** Test-only: keeps each closed shadow root where the test can reach it (the page itself cannot). */
function captureClosedRoots() {
  const attach = Element.prototype.attachShadow;
  const roots = new WeakMap();
  window.__closedRoot = (el) => roots.get(el);
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
}

/** Closed roots: nothing of ours is reachable from the page; rendering and a keyboard-only submission still work. */
export async function closedShadowRoots(world, row) {
  row.embed = { host: 'Salesforce (Lightning Web Security)', artifact: 'standalone/koe.js', loadedAs: 'classic script, window.koeWidgets.shadowRootMode = closed', checked: 'closed roots, keyboard-only send' };
  return hostRow(world, row, { init: [captureClosedRoots] }, async (page) => {
    await page.goto('/hosts/closed.html');
    await page.waitForFunction(() => !!window.__closedRoot(document.querySelector('koe-intake'))?.querySelector('textarea'));
    const seen = await page.evaluate(() =>
      ['koe-intake', 'koe-snippet', 'koe-consent'].map((tag) => {
        const el = document.querySelector(tag);
        return { tag, open: el.shadowRoot !== null, mode: window.__closedRoot(el)?.mode };
      }),
    );
    for (const s of seen) assert(!s.open && s.mode === 'closed', `<${s.tag}>: shadowRoot visible ${s.open}, mode ${s.mode}`);
    await page.waitForFunction(() => window.__closedRoot(document.querySelector('koe-consent')).querySelector('[part=problem]'));
    // A person with a keyboard: focus the text box, type, Tab to the tags, pick the first with "1", Ctrl+Enter.
    const text = 'クローズドなシャドウルートのフォームから送った声です。';
    await page.evaluate(() => window.__closedRoot(document.querySelector('koe-intake')).querySelector('textarea').focus());
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await page.keyboard.press('1');
    await page.keyboard.press('Control+Enter');
    await until(async () => (await page.locator('koe-intake').getAttribute('state')) === 'sent', 'the closed form to send');
    return {
      id: await lastSentId(page),
      expected: { 'voice.text': text, 'customer.companyId': 'C-CLOSED-1', 'deal.id': 'D-CLOSED-1', 'tags.0': 'case-study' },
      note: 'three closed roots rendered (element.shadowRoot null); sent from the keyboard; stored',
    };
  });
}
