// Part of `npm run bench`: what a page downloads, measured on dist/ as `npm run build` ships it. For each element entry:
// the files the browser needs before the first render (the entry and every chunk it imports statically, followed with
// es-module-lexer through the shipped files), then what it fetches later and when. Each file is gzipped on its own
// (-9), as a server sends it; the standalone files are gzipped whole.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lexerReady, staticClosure as closureIn } from './module-imports.mjs';

const root = resolve(import.meta.dirname, '..');
export const DIST = join(root, 'dist');
const kB = 1024;

/**
 * The element entries. `later`: when a page fetches which lazy chunk (by name, as dist/chunks/<name>-<hash>.js), each
 * with the chunks it imports that are not in yet. `budgetFrom` + `extra`: a budget on top of another entry's.
 */
export const ENTRIES = [
  {
    file: 'koe-intake.js',
    budget: 20 * kB,
    later: [
      ['after the first paint', ['outbox', 'outbox-view', 'outbox-ja', 'draft-store']],
      ['with the first send', ['transport']],
    ],
  },
  { file: 'koe-snippet.js', budgetFrom: 'koe-intake.js', extra: 3 * kB, later: [['after the first paint', ['koe-intake', 'outbox']]] },
  {
    file: 'koe-consent.js',
    // Its first render is the notice and the form. Before, 19 kB drew "loading" and the notice needed 8 kB more (27 kB).
    budget: 26 * kB,
    later: [
      ['after the first paint', ['outbox']],
      ['when the signer starts', ['signing', 'receipt-ja']],
    ],
  },
  { file: 'index.js' },
];

/** The chunk every element entry imports: Lit and the core the elements share. */
export const SHARED_CHUNK = { name: 'lit-core', budget: 13 * kB };

/** The standalone files, gzipped whole: the intake file carries Lit, the delivery core, every lazy part and both locales. */
export const STANDALONE = [
  { file: 'standalone/koe-intake.js', budget: 26 * kB },
  { file: 'standalone/koe-snippet.js' },
  { file: 'standalone/koe-consent.js' },
  { file: 'standalone/koe.js' },
];

const gzip = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** `file` and every file it imports statically, directly or not (paths relative to dist/). */
const staticClosure = (file) => closureIn(DIST, file);

/** dist/chunks/<name>-<hash>.js for a chunk name (the hash: 8 characters, which may include `-`). */
function chunkNamed(name) {
  const found = readdirSync(join(DIST, 'chunks')).find((f) => /^(.+)-[\w-]{8}\.js$/.exec(f)?.[1] === name);
  if (!found) throw new Error(`bench-sizes: no chunk named "${name}" in dist/chunks (renamed? update ENTRIES in scripts/bench-sizes.mjs)`);
  return `chunks/${found}`;
}

/**
 * The shared chunk: the one named SHARED_CHUNK.name that every element entry imports statically.
 */
function sharedChunk() {
  const closures = ENTRIES.filter((e) => e.file.startsWith('koe-')).map((e) => staticClosure(e.file));
  const found = [...closures[0]].find((f) => f.startsWith(`chunks/${SHARED_CHUNK.name}-`) && closures.every((c) => c.has(f)));
  if (!found) throw new Error(`bench-sizes: no chunk "${SHARED_CHUNK.name}" that every element entry imports`);
  return found;
}

const sum = (files) => [...files].reduce((total, f) => total + gzip(f), 0);

export async function measureSizes() {
  if (!existsSync(join(DIST, 'koe-intake.js'))) throw new Error('bench-sizes measures dist/: run `npm run build` first.');
  await lexerReady;
  const entries = ENTRIES.map(({ file, budget, budgetFrom, extra, later = [] }) => {
    const loaded = staticClosure(file);
    const firstRender = { files: loaded.size, gzip: sum(loaded) };
    const steps = later.map(([when, names]) => {
      const fetched = new Set();
      for (const name of names) for (const f of staticClosure(chunkNamed(name))) if (!loaded.has(f)) fetched.add(f);
      for (const f of fetched) loaded.add(f);
      return { when, names, files: fetched.size, gzip: sum(fetched) };
    });
    return { file, firstRender, steps, budget, budgetFrom, extra };
  });
  for (const entry of entries.filter((e) => e.budgetFrom)) entry.budget = entries.find((e) => e.file === entry.budgetFrom).firstRender.gzip + entry.extra;
  const shared = { ...SHARED_CHUNK, gzip: gzip(sharedChunk()) };
  const standalone = STANDALONE.map(({ file, budget }) => ({ file, budget, bytes: readFileSync(join(DIST, file)).length, gzip: gzip(file) }));
  return { entries, shared, standalone };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const verdict = (gzip, budget) => (budget ? `${kb(budget)} ${gzip <= budget ? 'ok' : 'OVER'}` : '—');

export function printSizes({ entries, shared, standalone }) {
  console.log('\nSizes as shipped (dist/ from `npm run build`; each file gzipped on its own, -9, as a server sends it)');
  console.log('entry'.padEnd(18) + 'before the first render'.padStart(26) + '  budget'.padEnd(16) + 'then');
  for (const { file, firstRender, steps, budget } of entries) {
    const before = `${kb(firstRender.gzip)} (${firstRender.gzip} B, ${firstRender.files} files)`;
    const then = steps.map((s) => `+${kb(s.gzip)} ${s.when} (${s.names.join(', ')})`).join('; ');
    console.log(file.padEnd(18) + before.padStart(26) + `  ${verdict(firstRender.gzip, budget)}`.padEnd(16) + then);
  }
  console.log(`${`chunks/${shared.name}`.padEnd(18)}${kb(shared.gzip).padStart(26)}  ${verdict(shared.gzip, shared.budget)}`.padEnd(60) + 'Lit and the core every element entry shares (part of each figure above)');
  console.log('\nStandalone files (one self-contained script each, both locales; gzipped whole)');
  console.log('file'.padEnd(28) + 'raw'.padStart(10) + 'gzip'.padStart(10) + '  bytes gzip  budget');
  for (const r of standalone) {
    console.log(r.file.replace('standalone/', '').padEnd(28) + kb(r.bytes).padStart(10) + kb(r.gzip).padStart(10) + String(r.gzip).padStart(12) + `  ${verdict(r.gzip, r.budget)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printSizes(await measureSizes());
