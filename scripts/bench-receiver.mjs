// `npm run bench:receiver`: the receiver as it ships (compiled, run by bin/koe-receiver.mjs), measured from outside:
// intake POSTs/s with p50/p99 at 1, 8 and 64 clients on SQLite and on PostgreSQL with 1 and 3 instances;
// start-up time and memory with 0, 10k and 50k stored records; p99 of one page read at 50k records while writes run,
// and copying those 50k through the feed (GET /api/feed) while writes run.
// PostgreSQL runs when KOE_BENCH_DATABASE_URL (or KOE_TEST_DATABASE_URL) is set; each run gets its own schema.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..');
const BIN = join(root, 'bin/koe-receiver.mjs');
const SECONDS = Number(process.env.KOE_BENCH_SECONDS ?? 4);
const PG_URL = process.env.KOE_BENCH_DATABASE_URL ?? process.env.KOE_TEST_DATABASE_URL;
if (!existsSync(join(root, 'dist/node/server/cli.js'))) {
  console.error('bench:receiver measures the compiled receiver: run `npm run build` (or `tsc -p tsconfig.node.json`) first.');
  process.exit(1);
}
const { openStorage } = await import(join(root, 'dist/node/server/storage/open.js'));

// Submissions as the tests make them (varied tags and channels, so filtered reads have something to find).
const { validIntake } = await tsImport('../tests/fixtures/submissions.ts', import.meta.url);
const tags = [['case-study'], ['faq', 'praise'], ['objection'], ['praise']];
const channels = ['meeting', 'call', 'email', 'chat'];
let made = 0;
function intake() {
  const i = made++;
  return validIntake({ tags: tags[i % tags.length], channel: channels[i % channels.length] });
}

/** Starts the shipped receiver; resolves with its URL, pid and the ms from spawn to its first HTTP answer. */
async function receiver(env) {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN], { env: { ...process.env, PORT: '0', KOE_RATE_LIMIT: 'off', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise((resolveUrl, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) resolveUrl(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`receiver exited ${code}: ${out}`)));
  });
  await send('GET', `${url}/api/records?type=intake`);
  return { url, child, startMs: performance.now() - started, stop: async () => (child.kill('SIGTERM'), await once(child, 'exit')) };
}

/** Node's own start, to subtract: a bare http server answering its first request. */
async function nodeBaseline() {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', "const s=require('http').createServer((q,r)=>r.end());s.listen(0,'127.0.0.1',()=>console.log('listening on http://127.0.0.1:'+s.address().port))"], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok) => child.stdout.on('data', (c) => /listening on (\S+)/.test(String(c)) && ok(/listening on (\S+)/.exec(String(c))[1])));
  await send('GET', url);
  const ms = performance.now() - started;
  child.kill();
  await once(child, 'exit');
  return ms;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function send(method, url, body, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(url, { method, agent, headers: { ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode));
    });
    req.on('error', fail);
    req.end(body);
  });
}

function postIntake(url) {
  const item = intake();
  return send('POST', `${url}/api/intake`, JSON.stringify(item), { 'Idempotency-Key': `"${item.id}"` });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (n) => n.toFixed(1).padStart(6);

/** `clients` loops posting for SECONDS, round-robin over `urls`; every answer must be 201. */
async function load(urls, clients) {
  const latencies = [];
  let failures = 0;
  let turn = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await postIntake(urls[turn++ % urls.length]);
        latencies.push(performance.now() - t);
        if (status !== 201) failures += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / SECONDS, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failures };
}

async function throughput(label, start) {
  for (const clients of [1, 8, 64]) {
    const running = await start();
    const r = await load(running.map((x) => x.url), clients);
    console.log(`${label.padEnd(24)} ${String(clients).padStart(3)} clients: ${r.perSecond.toFixed(0).padStart(5)} POST/s  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms${r.failures ? `  (${r.failures} non-201!)` : ''}`);
    await Promise.all(running.map((x) => x.stop()));
  }
}

async function pgSchema(pg) {
  const schema = `koe_bench_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.href,
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Fills a SQLite data dir (or, with `databaseUrl`, a PostgreSQL schema) with `n` intake records, the way the receiver stores them. */
async function seed(dataDir, n, databaseUrl) {
  const storage = await openStorage({ dataDir, serve: false, ...(databaseUrl ? { databaseUrl } : {}) }).storage;
  const at = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < n; i += 2000) {
    await Promise.all(
      Array.from({ length: Math.min(2000, n - i) }, (_, j) => {
        const record = intake();
        return storage.insert({ kind: 'intake', recordId: record.id, idempotencyKey: record.id, receivedAt: new Date(at + (i + j) * 1000).toISOString(), format: 'json', bodySha256: 'seed', channel: record.channel, tags: record.tags, record });
      }),
    );
  }
  // What autovacuum does within a minute or so of a bulk load, and `koe-receiver import` does at once: without it, the
  // first reads would measure a planner that takes the table for a few rows.
  await storage.analyze?.();
  await storage.close();
}

/** Page reads and a feed copy on a receiver that holds 50,000 records (`env` names its storage), while 8 clients post. */
async function atFiftyThousand(label, big, env) {
  console.log(`\n${label}: one page (50 records) at 50,000 stored, while 8 clients keep posting`);
  const key = await new Promise((ok, fail) => {
    const child = spawn(process.execPath, [BIN, 'keys', 'create', '--name', 'bench', '--scope', 'read'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) => (code === 0 ? ok(out.trim().split('\n').at(-1)) : fail(new Error('keys create failed'))));
  });
  let writing = true;
  const writes = Promise.all(Array.from({ length: 8 }, async () => {
    while (writing) await postIntake(big.url);
  }));
  const reads = [];
  for (const query of ['', '&tag=faq', '&channel=email']) {
    for (let i = 0; i < 150; i += 1) {
      const t = performance.now();
      const status = await send('GET', `${big.url}/api/records?type=intake${query}`, undefined, { Authorization: `Bearer ${key}` });
      reads.push(performance.now() - t);
      if (status !== 200) throw new Error(`page read answered ${status}`);
    }
  }
  reads.sort((a, b) => a - b);
  console.log(`${label} page read (newest, by tag, by channel; n=${reads.length}): p50 ${fmt(quantile(reads, 0.5))} ms  p99 ${fmt(quantile(reads, 0.99))} ms`);
  // A program copying the records elsewhere: the feed from the start, 200 a page, the writes still running.
  const feedPages = [];
  const copyStart = performance.now();
  let position = null;
  for (let copied = 0; copied < 50_000; ) {
    const t = performance.now();
    const res = await fetch(`${big.url}/api/feed?type=intake&limit=200${position ? `&after=${position}` : ''}`, { headers: { Authorization: `Bearer ${key}` } });
    if (res.status !== 200) throw new Error(`feed answered ${res.status}`);
    const page = await res.json();
    feedPages.push(performance.now() - t);
    copied += page.items.length;
    position = page.position;
  }
  const copyMs = performance.now() - copyStart;
  feedPages.sort((a, b) => a - b);
  console.log(`${label} feed: 50,000 records copied in ${(copyMs / 1000).toFixed(1)} s (${Math.round(50_000 / (copyMs / 1000)).toLocaleString('en')} records/s; a page of 200: p50 ${fmt(quantile(feedPages, 0.5))} ms  p99 ${fmt(quantile(feedPages, 0.99))} ms)`);
  writing = false;
  await writes;
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

console.log(`Koe receiver bench (${SECONDS} s per run; machine: ${process.platform}, Node ${process.version}). Measured under whatever else runs here.\n`);
const dirs = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'koe-bench-receiver-'));
  dirs.push(dir);
  return dir;
};
try {
  console.log('Intake POST throughput (each answer 201; latency is the client round trip)');
  await throughput('SQLite', async () => [await receiver({ KOE_DATA_DIR: freshDir() })]);
  if (PG_URL) {
    const { default: pg } = await import('pg');
    for (const instances of [1, 3]) {
      const schemas = [];
      await throughput(`PostgreSQL × ${instances}`, async () => {
        const schema = await pgSchema(pg);
        schemas.push(schema);
        const env = { KOE_DATABASE_URL: schema.url };
        const first = await receiver(env); // migrates; the others find it done
        return [first, ...(await Promise.all(Array.from({ length: instances - 1 }, () => receiver(env))))];
      });
      for (const s of schemas) await s.drop();
    }
  } else {
    console.log('PostgreSQL skipped: set KOE_BENCH_DATABASE_URL=postgres://user:password@127.0.0.1:5432/db to measure 1 and 3 instances.');
  }

  console.log('\nStart-up (spawn → first HTTP answer) and memory, SQLite');
  const baseline = await nodeBaseline();
  console.log(`Node's own start (bare http server): ${baseline.toFixed(0)} ms`);
  let big;
  for (const n of [0, 10_000, 50_000]) {
    const dataDir = freshDir();
    await seed(dataDir, n);
    const running = await receiver({ KOE_DATA_DIR: dataDir });
    console.log(`${n.toLocaleString('en').padStart(6)} records: ${running.startMs.toFixed(0).padStart(5)} ms (+${(running.startMs - baseline).toFixed(0)} ms beyond Node), RSS ${rssMb(running.child.pid).toFixed(0)} MB`);
    if (n === 50_000) big = running;
    else await running.stop();
  }

  await atFiftyThousand('SQLite', big, { KOE_DATA_DIR: dirs.at(-1) });
  await big.stop();
  if (PG_URL) {
    const { default: pg } = await import('pg');
    const schema = await pgSchema(pg);
    try {
      const env = { KOE_DATABASE_URL: schema.url };
      const first = await receiver(env); // migrates, so that the seed finds its tables
      await first.stop();
      await seed(freshDir(), 50_000, schema.url);
      const running = await receiver(env);
      await atFiftyThousand('PostgreSQL × 1', running, env);
      await running.stop();
    } finally {
      await schema.drop();
    }
  }
} finally {
  agent.destroy();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
