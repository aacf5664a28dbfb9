// `npm run bench`: builds dist/ as `npm run build` does, then measures what ships: sizes (bench-sizes.mjs), each
// element on a page under 4× CPU throttling against a plain-form floor (bench-runtime.mjs), then the outbox and the
// intake form in Debian Chromium against the real receiver. KOE_BENCH_SKIP_BUILD=1 measures the dist/ already there.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { compileHintsPlugin, minifiedOutput } from './build-options.mjs';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { measureSizes, printSizes } from './bench-sizes.mjs';
import { measureRuntime, printRuntime } from './bench-runtime.mjs';
import { CHROMIUM_ARGS, findBrowser } from './browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const SAMPLES = Number(process.env.KOE_BENCH_SAMPLES ?? 200);
const COUNT = Number(process.env.KOE_BENCH_COUNT ?? 1000);

if (!process.env.KOE_BENCH_SKIP_BUILD) {
  console.log('Building dist/ (npm run build)…');
  try {
    execSync('npm run build', { cwd: root, stdio: 'pipe' });
  } catch (error) {
    process.stderr.write(error.stdout ?? '');
    process.stderr.write(error.stderr ?? '');
    throw error;
  }
}
printSizes(await measureSizes());
printRuntime(await measureRuntime());

const { koeReceiverPlugin } = await tsImport('../src/server/vite-plugin.ts', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'koe-bench-'));
// The flush sends 1,000 submissions from one client as fast as it can: no rate limit here.
const receiverPlugin = koeReceiverPlugin({ dataDir, rateLimit: false });
// The bench pages are built like production (minified, lazy chunks) and served by Vite's preview server.
const outDir = mkdtempSync(join(tmpdir(), 'koe-bench-build-'));
await build({
  configFile: false,
  root,
  logLevel: 'silent',
  // The intake page's code carries the compile hint, as dist/koe-intake.js and its chunks do.
  plugins: [minifyTemplatesPlugin(), compileHintsPlugin({ entries: /\/bench\/intake\.html$/ })],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: { outbox: resolve(root, 'bench/outbox.html'), intake: resolve(root, 'bench/intake.html') }, output: minifiedOutput },
  },
});
const server = await preview({
  configFile: false,
  root,
  logLevel: 'silent',
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1' },
  plugins: [receiverPlugin],
});
const { port } = server.httpServer.address();
const browser = await chromium.launch({
  executablePath: findBrowser('chromium'),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/bench/outbox.html`);
  await page.waitForFunction(() => typeof window.runOutboxBench === 'function');
  const r = await page.evaluate((o) => window.runOutboxBench(o), { samples: SAMPLES, count: COUNT });
  const stored = (await receiverPlugin.api.receiver().records('intake')).length;
  const ms = (n) => `${n.toFixed(1)} ms`;
  console.log(`\nOutbox in Chromium (real IndexedDB, reference receiver on 127.0.0.1)`);
  console.log(`enqueue+persist (n=${r.samples}):  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  max ${ms(r.max)}`);
  console.log(`queue ${r.count} while offline:   ${ms(r.fillMs)} (${(r.fillMs / r.count).toFixed(2)} ms each)`);
  console.log(`flush ${r.count} queued:          ${ms(r.flushMs)} (${((r.count / r.flushMs) * 1000).toFixed(0)} submissions/s); receiver stored ${stored} (latency samples were never sent), persistent=${r.persistent}`);
  console.log(`per item: queue offline ${r.fillMsEach.toFixed(2)} ms, send ${r.sendMsEach.toFixed(2)} ms (fetch ${(r.fetchMs / r.count).toFixed(2)} ms, outbox ${r.overheadMsEach.toFixed(2)} ms)`);
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);

  // <koe-intake>: define → first render (fresh page each time), and the keyboard-only filing. The first render is the
  // words box and the send button; the rest of the form (tags, kind, channel, permission, contact) follows in the next
  // task (KoeElement.fullyDrawn), and is not part of this figure.
  const renders = [];
  for (let i = 0; i < 15; i += 1) {
    const p = await browser.newPage();
    await p.goto(`http://127.0.0.1:${port}/bench/intake.html`);
    await p.waitForFunction(() => typeof window.defineAndRender === 'function');
    renders.push(await p.evaluate(() => window.defineAndRender()));
    await p.close();
  }
  renders.sort((a, b) => a - b);
  console.log(`\n<koe-intake> customElements.define → first render (the words box and the send button; n=${renders.length}): median ${ms(renders[Math.floor(renders.length / 2)])}, max ${ms(renders.at(-1))}`);

  const keys = await browser.newPage();
  await keys.goto(`http://127.0.0.1:${port}/bench/intake.html`);
  await keys.waitForFunction(() => typeof window.defineAndRender === 'function');
  await keys.evaluate(() => window.defineAndRender());
  await keys.focus('#before');
  const intakeRecords = () => receiverPlugin.api.receiver().records('intake');
  const before = (await intakeRecords()).length;
  const quote = '導入してから問い合わせ対応の時間が半分になりました';
  let presses = 0;
  const press = async (k) => { presses += 1; await keys.keyboard.press(k); };
  await press('Tab'); // into the text box
  await keys.keyboard.insertText(quote); // the text itself is not counted
  await press('Tab'); // to the tag chips
  await press('1'); // 事例候補
  await press('Control+Enter'); // send
  await keys.waitForFunction(() => document.querySelector('koe-intake')?.getAttribute('state') === 'sent', null, { timeout: 10_000 });
  const lines = await intakeRecords(); // newest first
  const last = lines[0].record;
  console.log(`keyboard-only filing of a Japanese quote with one tag: ${presses} key presses beyond the text (budget 6); receiver stored ${lines.length - before} record, tags ${JSON.stringify(last.tags)}, text matches: ${last.voice.text === quote}`);
  console.log('\nReceiver throughput (SQLite, PostgreSQL with 1 and 3 instances), start-up with stored records, page reads: npm run bench:receiver');
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
}
