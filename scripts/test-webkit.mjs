// `npm run test:webkit`: the browser suite in WebKitGTK's MiniBrowser, under Xvfb, via WebKitWebDriver.
// Installs webkit2gtk-driver + xvfb with apt when root, always stops what it started, and ends with
// one plain line "N passed, N failed, N skipped".
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APT_PACKAGES = ['webkit2gtk-driver', 'xvfb'];
const APT_COMMAND = `sudo apt-get install -y ${APT_PACKAGES.join(' ')}`;
const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];
// Whole run, including install and startup; override with KOE_WEBKIT_TIMEOUT_MS.
const TOTAL_TIMEOUT_MS = Number(process.env.KOE_WEBKIT_TIMEOUT_MS ?? 15 * 60_000);
const STARTUP_TIMEOUT_MS = 20_000;

/** Processes we started, each the leader of its own process group (so MiniBrowser dies with its driver). */
const started = new Set();

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

function missingTools() {
  const missing = [];
  if (!which('Xvfb')) missing.push('Xvfb (xvfb)');
  if (!which('WebKitWebDriver')) missing.push('WebKitWebDriver (webkit2gtk-driver)');
  const mini = process.env.KOE_MINIBROWSER ? [process.env.KOE_MINIBROWSER] : MINIBROWSER_PATHS;
  if (!mini.some((p) => existsSync(p))) missing.push('MiniBrowser (webkit2gtk-driver)');
  return missing;
}

function ensureInstalled() {
  if (missingTools().length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && which('apt-get')) {
    console.log(`Installing WebKit test tools with apt: ${APT_PACKAGES.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...APT_PACKAGES], { stdio: 'inherit', env });
  }
  const still = missingTools();
  if (still.length > 0) {
    console.error(`\nThe WebKit tests need: ${still.join(', ')}.\nInstall them with:  ${APT_COMMAND}\n`);
    process.exit(1);
  }
}

function startGroup(cmd, args, options = {}) {
  const child = spawn(cmd, args, { detached: true, ...options });
  started.add(child);
  child.on('exit', () => started.delete(child));
  return child;
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM every group we started, then SIGKILL whatever is still there after a grace period. */
async function stopAll(graceMs = 3000) {
  const children = [...started];
  for (const child of children) killGroup(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (started.size > 0 && Date.now() < deadline) await sleep(100);
  // Kill the groups even when the leader exited: MiniBrowser helpers may outlive it.
  for (const child of children) killGroup(child, 'SIGKILL');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The preferred port when it is free, otherwise one the OS hands out. */
function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => (preferred === 0 ? reject(error) : freePort(0).then(resolve, reject)));
    server.listen({ port: preferred, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Xvfb picks a free display itself (-displayfd) and writes its number once it accepts clients. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = startGroup('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start within ${STARTUP_TIMEOUT_MS} ms\n${err}`)), STARTUP_TIMEOUT_MS);
    xvfb.stderr.on('data', (d) => { err += d; });
    xvfb.stdout.on('data', (d) => {
      out += d;
      const match = out.match(/^(\d+)\n/);
      if (match) {
        clearTimeout(timer);
        resolve({ display: `:${match[1]}` });
      }
    });
    xvfb.on('error', (e) => { clearTimeout(timer); reject(e); });
    xvfb.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code})\n${err}`)); });
  });
}

async function driverReady(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Starts WebKitWebDriver on a free port; a port taken between the check and the bind means another try. */
async function startDriver(display) {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const port = await freePort(Number(process.env.KOE_WEBDRIVER_PORT ?? 0));
    let log = '';
    const driver = startGroup('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISPLAY: display },
    });
    driver.stdout.on('data', (d) => { log += d; });
    driver.stderr.on('data', (d) => { log += d; });
    let exited = false;
    driver.on('exit', () => { exited = true; });
    driver.on('error', () => { exited = true; });
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (!exited && Date.now() < deadline) {
      if (await driverReady(port)) return { port, driver };
      await sleep(150);
    }
    killGroup(driver, 'SIGKILL');
    console.error(`WebKitWebDriver did not come up on port ${port} (attempt ${attempt}):\n${log.trim()}`);
  }
  throw new Error('WebKitWebDriver could not be started');
}

async function wtrPort() {
  if (process.env.KOE_WTR_PORT) {
    const port = Number(process.env.KOE_WTR_PORT);
    if (!(await portIsFree(port))) throw new Error(`KOE_WTR_PORT=${port} is already in use; pick another port or unset it.`);
    return port;
  }
  return (await portIsFree(8000)) ? 8000 : freePort(0);
}

function runWtr(env) {
  return new Promise((resolve) => {
    const bin = join('node_modules', '@web', 'test-runner', 'dist', 'bin.js');
    const wtr = startGroup(process.execPath, [bin, '--config', 'web-test-runner.webkit.config.mjs'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    wtr.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    wtr.on('error', () => resolve(1));
  });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.error(`\nReceived ${signal}; stopping Xvfb, WebKitWebDriver and wtr.`);
    await stopAll();
    finish(true, ` (interrupted by ${signal})`);
  });
}
// Last resort: never leave a display server or driver behind, whatever path leads to exit.
process.on('exit', () => {
  for (const child of started) killGroup(child, 'SIGKILL');
});

const tmp = mkdtempSync(join(tmpdir(), 'koe-webkit-'));
const summaryFile = join(tmp, 'wtr-summary.json');
const began = Date.now();
let finished = false;

/** Prints the closing counts (from the counting reporter's summary file) and exits; runs once. */
function finish(failedRun, note = '') {
  if (finished) return;
  finished = true;
  const totals = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(summaryFile)) Object.assign(totals, JSON.parse(readFileSync(summaryFile, 'utf8')));
  if (failedRun && totals.failed === 0) totals.failed = 1;
  rmSync(tmp, { recursive: true, force: true });
  console.log(`\nWebKit run took ${((Date.now() - began) / 1000).toFixed(1)} s${note}.`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(failedRun || totals.failed > 0 ? 1 : 0);
}

const timeout = setTimeout(async () => {
  if (stopping) return;
  stopping = true;
  console.error(`\nWebKit run exceeded ${Math.round(TOTAL_TIMEOUT_MS / 1000)} s (KOE_WEBKIT_TIMEOUT_MS); stopping it.`);
  await stopAll();
  finish(true, ' (timed out)');
}, TOTAL_TIMEOUT_MS);

let failedRun = false;
try {
  ensureInstalled();
  const port = await wtrPort();
  const { display } = await startXvfb();
  const { port: driverPort } = await startDriver(display);
  console.log(`\n— Browser tests (WebKit: MiniBrowser on DISPLAY=${display}, WebKitWebDriver :${driverPort}, wtr :${port})`);
  const code = await runWtr({ KOE_WTR_SUMMARY: summaryFile, KOE_WEBDRIVER_PORT: String(driverPort), KOE_WTR_PORT: String(port), DISPLAY: display });
  if (code !== 0) failedRun = true;
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  failedRun = true;
}
if (!stopping) {
  stopping = true;
  clearTimeout(timeout);
  await stopAll();
  finish(failedRun);
}
