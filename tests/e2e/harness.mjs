// The e2e world: Vite serving demo/ in this process, our own reference receiver (faults reachable only from here), Debian Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/browsers.mjs';
import { embedHostsPlugin } from './embed-hosts.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** Pages asked for with `?csp` get the strict policy as a real response header. */
function cspPlugin() {
  return {
    name: 'koe-e2e-csp',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (/[?&]csp\b/.test(req.url ?? '')) res.setHeader('Content-Security-Policy', CSP);
        next();
      });
    },
  };
}

export async function startWorld() {
  const dataDir = await mkdtemp(join(tmpdir(), 'koe-e2e-'));
  const { createReceiver } = await tsImport('../../src/server/index.ts', import.meta.url);
  // mountedAt: origins of other servers a scenario mounts this receiver on (the React/Vue app servers), which are
  // same-origin for it as world.base is.
  const world = { dataDir, receiver: undefined, server: undefined, browser: undefined, base: '', inboxKey: '', mountedAt: new Set() };
  // Same-origin is the page's own origin (never the Host header); scenarios flood on purpose, so no rate limit.
  const receiver = createReceiver({ dataDir, rateLimit: false, publicOrigins: () => [world.base, ...world.mountedAt] });
  world.receiver = receiver;
  try {
    world.server = await createServer({
      configFile: false,
      root: join(ROOT, 'demo'),
      publicDir: false,
      logLevel: 'warn',
      clearScreen: false,
      appType: 'mpa',
      optimizeDeps: { noDiscovery: true, include: [] },
      // No HMR socket and no watcher: edits elsewhere in the checkout must not reload a page mid-scenario.
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null, fs: { allow: [ROOT] } },
      plugins: [
        cspPlugin(),
        { name: 'koe-e2e-receiver', configureServer: (s) => void s.middlewares.use((req, res, next) => receiver.handle(req, res, next)) },
        embedHostsPlugin(), // the embed matrix's host pages and uploaded artifacts
      ],
    });
    await world.server.listen();
    const address = world.server.httpServer.address();
    // localhost (not 127.0.0.1) so the page is a secure context, which <koe-consent> needs for SubtleCrypto.
    world.base = `http://localhost:${address.port}`;
    // The PR inbox reads with an API key, as in `npm start` (open it as /inbox.html#key=…).
    world.inboxKey = (await receiver.createKey('e2e inbox', ['read', 'issue'])).key;
    world.browser = await chromium.launch({ executablePath: findBrowser('chromium'), headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await stopWorld(world);
    throw error;
  }
  return world;
}

export async function stopWorld(world) {
  await world.browser?.close().catch(() => undefined);
  await world.server?.close().catch(() => undefined);
  await world.receiver?.close().catch(() => undefined);
  await rm(world.dataDir, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * A fresh browser context (own IndexedDB) whose pages report uncaught errors and unhandled rejections into `errors`.
 * `init` scripts run before any page script.
 */
export async function newContext(world, { init = [], locale = 'ja-JP' } = {}) {
  const context = await world.browser.newContext({ baseURL: world.base, locale, timezoneId: 'Asia/Tokyo' });
  const errors = [];
  await context.addInitScript(() => {
    window.addEventListener('unhandledrejection', (e) => {
      const r = e.reason;
      console.error(`unhandledrejection: ${r && r.stack ? r.stack : String(r)}`);
    });
  });
  for (const script of init) await context.addInitScript(script);
  const watch = (page) => {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      if (process.env.KOE_E2E_DEBUG) console.error(`  [page ${msg.type()}] ${msg.text().slice(0, 300)}`);
      if (msg.type() === 'error' && msg.text().startsWith('unhandledrejection')) errors.push(msg.text());
    });
  };
  context.on('page', watch);
  return { context, errors };
}

/** Polls `fn` until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function until(fn, what, timeoutMs = 15_000, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Idempotency-Key header value → the submission id. */
export const keyId = (key) => String(key ?? '').replace(/^"|"$/g, '');

/** What the receiver stored, by submission id: { ids, duplicates } (duplicates = extra lines for one id). */
export async function stored(receiver, kind = 'intake') {
  const lines = await receiver.records(kind);
  const ids = lines.map((l) => (kind === 'intake' ? l.record.id : l.record.receiptId));
  return { lines, ids, duplicates: ids.length - new Set(ids).size };
}

/** POST hits to an endpoint, oldest first. */
export function posts(receiver, path = '/api/intake') {
  return receiver.faults.hits().filter((h) => h.method === 'POST' && h.path === path);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
