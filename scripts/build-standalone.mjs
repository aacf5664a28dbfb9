// Part of `npm run build`: the standalone files (dist/standalone/), the iframe embed pages (dist/embed/) and the kintone
// customization (dist/kintone/koe-kintone.js). Each script is one self-contained classic script that also runs as a module.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleStandalone } from './bundle-standalone.mjs';

const root = resolve(import.meta.dirname, '..');
const INTAKE = 'src/intake/define.ts';
const SNIPPET = 'src/snippet/define.ts'; // registers <koe-intake> too: the snippet opens one
const CONSENT = 'src/consent/define.ts';

/** What `npm run build` writes under dist/, and from which modules. */
export const STANDALONE_FILES = [
  { file: 'standalone/koe-intake.js', modules: [INTAKE] },
  { file: 'standalone/koe-snippet.js', modules: [SNIPPET] },
  { file: 'standalone/koe-consent.js', modules: [CONSENT] },
  { file: 'standalone/koe.js', modules: [INTAKE, SNIPPET, CONSENT] },
  // The pages the receiver serves at /embed/*.html for hosts that only take an iframe (embed/pages/).
  { file: 'embed/intake.js', modules: [INTAKE, 'src/embed/frame-page.ts'] },
  { file: 'embed/consent.js', modules: [CONSENT, 'src/embed/frame-page.ts'] },
  // The kintone customization: one file to upload (integrations/kintone/).
  { file: 'kintone/koe-kintone.js', modules: [SNIPPET, 'integrations/kintone/src/customization.ts'] },
];

/** Builds every standalone file into `outDir` (default dist/); `version` is for tests that need another version's copy. */
export async function buildStandalone({ outDir = join(root, 'dist'), version, only } = {}) {
  const written = [];
  for (const { file, modules } of STANDALONE_FILES.filter((f) => !only || only.includes(f.file))) {
    const fileName = file.split('/').pop();
    const target = join(outDir, file);
    const { code, map } = await bundleStandalone({ modules, fileName, outDir: dirname(target), version });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
    if (map) writeFileSync(`${target}.map`, map);
    written.push({ file, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });
  }
  if (!only || only.some((f) => f.startsWith('embed/'))) {
    const pages = join(root, 'src/embed/pages');
    for (const page of readdirSync(pages)) copyFileSync(join(pages, page), join(outDir, 'embed', page));
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { file, bytes, gzip } of await buildStandalone()) {
    console.log(`dist/${file}`.padEnd(32) + `${(bytes / 1024).toFixed(1)} kB`.padStart(10) + `  gzip ${(gzip / 1024).toFixed(1)} kB`);
  }
}
