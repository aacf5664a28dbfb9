// Part of `npm run bench`: what each element costs the page it lands on, measured in Chromium with 4× CPU throttling on
// the built dist/ files served over HTTP with gzip (scripts/bench-server.mjs), each page load in a fresh browser
// context (empty cache, empty IndexedDB). Every element row runs interleaved with a plain-HTML floor page that carries
// the same fields (bench/runtime/floor-*.html), and its ratio is to that floor in the same runs.
//
// ready: when the page's ready element exists (intake: the first textarea; consent: the send button under the notice;
//   snippet: its save button), from navigation start,
//   recorded by bench/runtime/observe.js with a MutationObserver on the document and on every shadow root. The rows
//   "with an early words box" carry a <textarea> inside <koe-intake> (README, "Typing before the script has run"):
//   ready is when the page's box exists; "Koe form" is when Koe's own form has it (a textarea in a shadow root).
// TBT: total blocking time, Σ(long task − 50 ms) over every long task from navigation until the page is idle.
// longest task: the longest task (Long Tasks API) in that time; Koe's longest script is read from the Long Animation
//   Frames' script attribution (the longest script entry whose source is a Koe file).
// bytes: JS and CSS as transferred (gzip body), before ready and by the time the page is idle.
// The "ref:" rows are not Koe: elements that draw the floor's form with no library, or with Lit and nothing else
//   (scripts/bench-references.mjs), so the table shows what the platform and the given stack cost on their own.
// The harness reads the page only through plain CDP evaluations (see measurePage), so it adds no task of its own.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { CHROMIUM_ARGS, findBrowser } from './browsers.mjs';
import { serveStatic } from './bench-server.mjs';
import { buildReferences } from './bench-references.mjs';

const root = resolve(import.meta.dirname, '..');
export const RUNS = Number(process.env.KOE_BENCH_RUNS ?? 7);
export const CPU_THROTTLING = Number(process.env.KOE_BENCH_CPU_THROTTLING ?? 4);

/** Each group: a floor page, then the element's pages measured against it. `hash` is added to the URL. */
export const GROUPS = [
  {
    floor: { name: 'plain form (intake fields)', page: 'floor-intake.html' },
    rows: [
      { name: '<koe-intake> modular', page: 'intake.html' },
      { name: '<koe-intake> standalone', page: 'intake-standalone.html' },
      { name: '  with an early words box', page: 'intake-early.html' },
      { name: '  standalone, early box', page: 'intake-standalone-early.html' },
      // Not Koe: what the platform and Lit cost on their own, drawing the same form (bench-references.mjs).
      { name: 'ref: element, no library', page: 'reference-plain.html' },
      { name: 'ref: Lit, words box+button', page: 'reference-lit-words.html' },
      { name: 'ref: Lit, the whole form', page: 'reference-lit-form.html' },
    ],
  },
  {
    floor: { name: 'plain form (consent fields)', page: 'floor-consent.html', consentLink: true },
    rows: [
      { name: '<koe-consent> modular', page: 'consent.html', consentLink: true },
      { name: '<koe-consent> standalone', page: 'consent-standalone.html', consentLink: true },
    ],
  },
  {
    floor: { name: 'plain page (email thread)', page: 'floor-snippet.html' },
    rows: [
      { name: '<koe-snippet> modular', page: 'snippet.html' },
      { name: '<koe-snippet> standalone', page: 'snippet-standalone.html' },
    ],
  },
  // Every page view after the first, as a CRM user sees Koe on each record: the same pages served cacheable and
  // measured on their third load in one browser profile, when the HTTP cache and V8's code cache are warm.
  {
    visits: 3,
    floor: { name: 'plain form, 3rd visit', page: 'floor-intake.html' },
    rows: [
      { name: '<koe-intake> modular, 3rd', page: 'intake.html' },
      { name: '<koe-intake> standalone, 3rd', page: 'intake-standalone.html' },
    ],
  },
  {
    visits: 3,
    floor: { name: 'plain page, 3rd visit', page: 'floor-snippet.html' },
    rows: [
      { name: '<koe-snippet> modular, 3rd', page: 'snippet.html' },
      { name: '<koe-snippet> standalone, 3rd', page: 'snippet-standalone.html' },
    ],
  },
];

/** Where a Koe file is served from: scripts from here are Koe's in the Long Animation Frames' attribution. */
const KOE_SOURCE = /\/dist\//;

function median(values) {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Loads `url` in a fresh context with the CPU throttled, `visits` times in one tab; resolves with the last load's
 * figures. The loads before it only fill the caches: each is left once it is ready and idle.
 */
async function measurePage(browser, url, { throttle, hash = '', visits = 1 }) {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    // Every wait and read goes through plain CDP evaluations of one short expression. Playwright's waitForFunction and
    // evaluate first inject its helper scripts into the page: compiling them took 60–90 ms at 4×, a task that landed
    // before ready on pages that are ready after `load` (consent, whose signing page is fetched after the first render).
    const evaluate = async (expression) => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, timeout: 30_000 });
      if (exceptionDetails) throw new Error(`${url}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    };
    for (let visit = 1; visit <= visits; visit += 1) {
      await page.goto(url + hash, { waitUntil: 'load' });
      await evaluate('koeBench.whenReady');
      // Idle: no request for 500 ms (the lazy chunks fetched after the first render are in), then an idle period (in
      // which V8 also writes a script's code cache, for the next visit).
      await page.waitForLoadState('networkidle');
      await evaluate('new Promise((done) => requestIdleCallback(() => done(), { timeout: 5000 }))');
    }
    const figures = await evaluate(`(${(koeSource) => {
      const bench = window.koeBench;
      const koe = new RegExp(koeSource);
      const resources = performance.getEntriesByType('resource').filter((r) => /\.(js|css)(\?|$)/.test(r.name) && !r.name.endsWith('/observe.js'));
      const bytes = (list) => list.reduce((sum, r) => sum + r.encodedBodySize, 0);
      const scripts = bench.frames.flatMap((f) => f.scripts ?? []).filter((s) => koe.test(s.sourceURL ?? ''));
      return {
        ready: bench.ready,
        drawn: bench.drawn,
        tbt: bench.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
        longestTask: Math.max(0, ...bench.longTasks.map((t) => t.duration)),
        longestKoeScript: scripts.length ? Math.max(...scripts.map((s) => s.duration)) : 0,
        bytesBeforeReady: bytes(resources.filter((r) => r.responseEnd <= bench.ready)),
        bytesTotal: bytes(resources),
        requestsBeforeReady: resources.filter((r) => r.responseEnd <= bench.ready).map((r) => r.name.replace(location.origin, '')),
        longTaskSupported: PerformanceObserver.supportedEntryTypes.includes('longtask'),
        framesSupported: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
      };
    }})(${JSON.stringify(KOE_SOURCE.source)})`);
    return { ...figures, errors };
  } finally {
    await context.close();
  }
}

/** Runs every group `runs` times, interleaved (floor, rows, floor, rows, …); resolves with the p50 of each page. */
export async function measureRuntime({ runs = RUNS, throttle = CPU_THROTTLING, groups = GROUPS } = {}) {
  if (groups.some((group) => group.rows.some((row) => row.page.startsWith('reference-')))) await buildReferences();
  const server = await serveStatic(root);
  const cachingServer = await serveStatic(root, { cacheSeconds: 3600 });
  const browser = await chromium.launch({ executablePath: findBrowser('chromium'), headless: true, args: CHROMIUM_ARGS });
  const { consentHash } = await tsImport('../bench/runtime/consent-link.ts', import.meta.url);
  const samples = new Map();
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const group of groups) {
        for (const entry of [group.floor, ...group.rows]) {
          const hash = entry.consentLink ? consentHash() : '';
          const { origin } = group.visits > 1 ? cachingServer : server;
          const result = await measurePage(browser, `${origin}/bench/runtime/${entry.page}`, { throttle, hash, visits: group.visits });
          if (!samples.has(entry)) samples.set(entry, []);
          samples.get(entry).push(result);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await cachingServer.close();
  }
  const summary = (entry) => {
    const list = samples.get(entry);
    const p50 = (key) => median(list.map((s) => s[key]));
    return {
      name: entry.name,
      ready: p50('ready'),
      drawn: p50('drawn'),
      tbt: p50('tbt'),
      longestTask: p50('longestTask'),
      longestKoeScript: p50('longestKoeScript'),
      bytesBeforeReady: p50('bytesBeforeReady'),
      bytesTotal: p50('bytesTotal'),
      requestsBeforeReady: list.at(-1).requestsBeforeReady,
      errors: [...new Set(list.flatMap((s) => s.errors))],
      longTaskSupported: list[0].longTaskSupported,
      framesSupported: list[0].framesSupported,
    };
  };
  return {
    runs,
    throttle,
    groups: groups.map((group) => {
      const floor = summary(group.floor);
      return { floor, rows: group.rows.map((row) => ({ ...summary(row), ratio: summary(row).ready / floor.ready })) };
    }),
  };
}

export function printRuntime({ runs, throttle, groups }) {
  const ms = (n) => (n === undefined ? '—' : `${Math.round(n).toLocaleString('en')} ms`);
  const kb = (n) => (n ? `${(n / 1024).toFixed(1)} kB` : '0');
  console.log(`\nOn the page (Chromium, ${throttle}× CPU throttling, built dist/ over HTTP with gzip, fresh context per load; p50 of ${runs} interleaved runs)`);
  console.log(
    'page'.padEnd(30) + 'ready'.padStart(9) + 'ratio'.padStart(7) + 'Koe form'.padStart(10) + 'TBT'.padStart(9) + 'longest task'.padStart(14) + 'Koe script'.padStart(12) + 'bytes before ready'.padStart(20) + 'bytes by idle'.padStart(15),
  );
  for (const { floor, rows } of groups) {
    for (const r of [floor, ...rows]) {
      const ratio = r.ratio === undefined ? '1.0×' : `${r.ratio.toFixed(2)}×`;
      console.log(
        r.name.padEnd(30) + ms(r.ready).padStart(9) + ratio.padStart(7) + ms(r.drawn).padStart(10) + ms(r.tbt).padStart(9) + ms(r.longestTask).padStart(14) + ms(r.longestKoeScript).padStart(12) + kb(r.bytesBeforeReady).padStart(20) + kb(r.bytesTotal).padStart(15),
      );
      if (r.errors.length) console.log(`  page errors: ${r.errors.join('; ')}`);
    }
  }
  const first = groups[0].floor;
  if (!first.longTaskSupported || !first.framesSupported) console.log('(this Chromium lacks the Long Tasks or Long Animation Frames API: those columns are empty)');
}

if (import.meta.url === `file://${process.argv[1]}`) printRuntime(await measureRuntime());
