// `npm run bench`: bundle sizes, then the outbox measured in Debian Chromium against the real receiver.
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { measureSizes, printSizes } from './bench-sizes.mjs';
import { findBrowser } from './browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const SAMPLES = Number(process.env.KOE_BENCH_SAMPLES ?? 200);
const COUNT = Number(process.env.KOE_BENCH_COUNT ?? 1000);

printSizes(await measureSizes());

const { koeReceiverPlugin } = await tsImport('../src/server/vite-plugin.ts', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'koe-bench-'));
const server = await createServer({
  configFile: false,
  root,
  logLevel: 'silent',
  server: { port: 0, host: '127.0.0.1' },
  plugins: [koeReceiverPlugin({ dataDir })],
  // No dependency pre-bundling: its discovery reloads the page mid-run.
  optimizeDeps: { noDiscovery: true, include: [] },
});
await server.listen();
const { port } = server.httpServer.address();
const browser = await chromium.launch({
  executablePath: findBrowser('chromium'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/bench/outbox.html`);
  await page.waitForFunction(() => typeof window.runOutboxBench === 'function');
  const r = await page.evaluate((o) => window.runOutboxBench(o), { samples: SAMPLES, count: COUNT });
  const stored = readFileSync(join(dataDir, 'intake.jsonl'), 'utf8').trim().split('\n').filter(Boolean).length;
  const ms = (n) => `${n.toFixed(1)} ms`;
  console.log(`\nOutbox in Chromium (real IndexedDB, reference receiver on 127.0.0.1)`);
  console.log(`enqueue+persist (n=${r.samples}):  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  max ${ms(r.max)}`);
  console.log(`queue ${r.count} while offline:   ${ms(r.fillMs)} (${(r.fillMs / r.count).toFixed(2)} ms each)`);
  console.log(`flush ${r.count} queued:          ${ms(r.flushMs)} (${((r.count / r.flushMs) * 1000).toFixed(0)} submissions/s); receiver stored ${stored} (latency samples were never sent), persistent=${r.persistent}`);
  console.log(`per item: queue offline ${r.fillMsEach.toFixed(2)} ms, send ${r.sendMsEach.toFixed(2)} ms (fetch ${(r.fetchMs / r.count).toFixed(2)} ms, outbox ${r.overheadMsEach.toFixed(2)} ms)`);
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
