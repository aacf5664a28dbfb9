// Embed matrix rows "React 19 build" and "Vue 3 build": examples/react and examples/vue built as a user builds them
// (tsc -b or vue-tsc -b, then vite build; koe-widgets installed from the packed tarball), each served as a static app
// whose /api/* is the e2e world's receiver.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { assert, newContext, stored, until } from './harness.mjs';
import { fileVoice, koeEvents, recordKoeEvents } from './pages.mjs';
import { expectClean, tally } from './tally.mjs';
import { buildExample, packPackage } from '../../scripts/build-examples.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/** Serves `dist` and hands /api/* to the receiver; every /api request's method, path and headers go into `seen`. */
async function serveApp(dist, receiver, seen) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      seen.push({ method: req.method, path, headers: req.headers });
      receiver.handle(req, res);
      return;
    }
    const file = resolve(dist, `.${path === '/' ? '/index.html' : path}`);
    const isFile = file.startsWith(dist + sep) && (await stat(file).catch(() => undefined))?.isFile();
    if (!isFile) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return server;
}

/** Builds examples/<name> from a fresh `npm pack`, files one voice in Chromium, and checks what the receiver stored. */
async function exampleBuildRow(name, world, row) {
  const dist = buildExample(name, packPackage({ log: null }), { log: null });
  const seen = [];
  const server = await serveApp(dist, world.receiver, seen);
  const base = `http://localhost:${server.address().port}`;
  world.mountedAt.add(base); // the app serves the receiver under its own origin, as a real deployment would
  const { context, errors } = await newContext(world, { init: [recordKoeEvents] });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.locator('koe-intake textarea').waitFor();
    row.trials = 1;
    const state = await fileVoice(page, `${name} のアプリから送った声です。`, { selector: 'koe-intake' });
    assert(state === 'sent', `<koe-intake> settled in "${state}", not "sent"`);
    const [sent] = await until(() => koeEvents(page, 'koe-sent').then((e) => e.length && e), 'koe-sent');
    const { id } = sent.detail;
    // The app's koe-sent handler (onkoe-sent in React, @koe-sent in Vue) rendered the id it received.
    await page.locator(`li[data-id="${id}"]`).waitFor({ timeout: 5_000 });
    const line = (await stored(world.receiver)).lines.find((l) => l.record.id === id);
    assert(line, `the receiver has no record ${id}`);
    const { customer, deal, reporter } = line.record;
    assert(customer?.companyId === 'C-000123' && deal?.id === 'D-2026-0042' && reporter?.name === '佐藤 健一', `the context attributes did not reach the record: ${JSON.stringify({ customer, deal, reporter })}`);
    const post = seen.find((r) => r.method === 'POST' && r.path === '/api/intake');
    assert(post?.headers['x-koe-example'] === name, `the \`headers\` property set by the ${name} app was not sent`);
    await tally(row, world.receiver, [id], { errors });
    expectClean(row, errors);
    return 'built from the packed tarball; attributes, the headers property and the koe-sent handler all reached';
  } finally {
    world.mountedAt.delete(base);
    await context.close();
    await new Promise((closed) => server.close(closed));
  }
}

export const reactBuildRow = (world, row = {}) => exampleBuildRow('react', world, row);
export const vueBuildRow = (world, row = {}) => exampleBuildRow('vue', world, row);
