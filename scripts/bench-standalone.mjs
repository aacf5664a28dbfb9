// The standalone files' sizes as shipped: each built exactly as `npm run build` builds it, then gzipped whole (-9),
// as a server or CDN sends it. Part of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStandalone } from './build-standalone.mjs';

/** Budgets (gzip): the intake file carries Lit, the delivery core, every lazy part and both locales. */
const BUDGETS = { 'standalone/koe-intake.js': 26 * 1024 };
const FILES = ['standalone/koe-intake.js', 'standalone/koe-snippet.js', 'standalone/koe-consent.js', 'standalone/koe.js'];

export async function measureStandalone() {
  const outDir = mkdtempSync(join(tmpdir(), 'koe-standalone-'));
  try {
    return (await buildStandalone({ outDir, only: FILES })).map((r) => ({ ...r, budget: BUDGETS[r.file] }));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function printStandalone(results) {
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log('\nStandalone files (dist/standalone: one self-contained script each, both locales; minified, gzip -9 whole)');
  console.log('file'.padEnd(28) + 'raw'.padStart(10) + 'gzip'.padStart(10) + '  bytes gzip  budget');
  for (const r of results) {
    const budget = r.budget ? `${kb(r.budget)} ${r.gzip <= r.budget ? 'ok' : 'OVER'}` : '—';
    console.log(r.file.replace('standalone/', '').padEnd(28) + kb(r.bytes).padStart(10) + kb(r.gzip).padStart(10) + String(r.gzip).padStart(12) + '  ' + budget);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printStandalone(await measureStandalone());
