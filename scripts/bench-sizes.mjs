// Builds each public entry on its own (Lit and core included, lazy chunks apart) and reports gzip -9 sizes.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { minifiedOutput, sourceSideEffectsPlugin, versionDefine } from './build-options.mjs';

const root = resolve(import.meta.dirname, '..');

export const ENTRIES = [
  { name: 'core + Lit', file: 'bench/entries/core-lit.ts', budget: 13 * 1024 },
  {
    name: 'koe-intake',
    file: 'src/intake/define.ts',
    budget: 20 * 1024,
    // What a Japanese page pays beyond the entry, and when (the chunks' names without lazy- and .js).
    visit: [
      ['after the first render', ['outbox-view', 'outbox-ja', 'draft-store']],
      ['with the first send', ['transport']],
    ],
  },
  { name: 'koe-intake + koe-snippet', file: 'bench/entries/intake-snippet.ts', budgetFrom: 'koe-intake', extra: 3 * 1024 },
  { name: 'koe-consent', file: 'src/consent/define.ts', budget: 22 * 1024 },
  { name: 'index (all elements)', file: 'src/index.ts' },
];

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** `file` and every chunk it imports statically, transitively (not `import()`). */
function staticClosure(dir, file, seen = []) {
  if (seen.includes(file)) return seen;
  seen.push(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+)["']/g)) staticClosure(dir, m[1], seen);
  return seen;
}

export async function measureSizes() {
  const results = [];
  for (const entry of ENTRIES) {
    const outDir = mkdtempSync(join(tmpdir(), 'koe-size-'));
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      define: versionDefine(), // as in vite.config.ts
      plugins: [minifyTemplatesPlugin(), sourceSideEffectsPlugin()], // as in vite.config.ts
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        lib: { entry: resolve(root, entry.file), formats: ['es'], fileName: () => 'entry.js' },
        rolldownOptions: { output: { ...minifiedOutput, chunkFileNames: 'lazy-[name].js' } }, // as in vite.config.ts
      },
    });
    const files = readdirSync(outDir).filter((f) => f.endsWith('.js'));
    // Chunks the entry imports statically (rolldown splits out code it shares with lazy chunks) load up front too.
    const eager = staticClosure(outDir, 'entry.js');
    const entryBytes = Buffer.concat(eager.map((f) => readFileSync(join(outDir, f))));
    const lazy = files.filter((f) => !eager.includes(f)).map((f) => ({ file: f, gzip: gz(readFileSync(join(outDir, f))) }));
    results.push({ name: entry.name, raw: entryBytes.length, gzip: gz(entryBytes), lazy, visit: entry.visit, budget: entry.budget, budgetFrom: entry.budgetFrom, extra: entry.extra });
    rmSync(outDir, { recursive: true, force: true });
  }
  for (const r of results) {
    if (r.budgetFrom) {
      const base = results.find((x) => x.name === r.budgetFrom);
      if (base) r.budget = base.gzip + r.extra;
    }
  }
  return results;
}

export function printSizes(results) {
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log('\nBundle sizes (minified, gzip -9; each entry built alone with Lit and core)');
  console.log('entry'.padEnd(28) + 'raw'.padStart(10) + 'gzip'.padStart(10) + '  budget');
  for (const r of results) {
    const budget = r.budget ? `${kb(r.budget)} ${r.gzip <= r.budget ? 'ok' : 'OVER'}` : '—';
    console.log(r.name.padEnd(28) + kb(r.raw).padStart(10) + kb(r.gzip).padStart(10) + '  ' + budget);
    for (const l of r.lazy) console.log(`  lazy chunk ${l.file}`.padEnd(38) + kb(l.gzip).padStart(10));
  }
  for (const r of results.filter((x) => x.visit)) {
    let total = r.gzip;
    const steps = [`${kb(total)} to the first render`];
    for (const [when, names] of r.visit) {
      for (const name of names) total += r.lazy.find((l) => l.file === `lazy-${name}.js`)?.gzip ?? 0;
      steps.push(`${kb(total)} ${when}`);
    }
    console.log(`A Japanese page with ${r.name} downloads ${steps.join(', ')} (lazy chunks gzipped one by one).`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printSizes(await measureSizes());
}
