// `npm start`: the demo site with the reference receiver mounted at /api; `vite build`: the library.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { koeReceiverPlugin } from './src/server/vite-plugin.js';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';
import {
  compileHintsPlugin,
  hoistTransitiveImportsPlugin,
  minifiedOutput,
  preloadLazyChunkImportsPlugin,
  sourceSideEffectsPlugin,
  versionDefine,
} from './scripts/build-options.mjs';

const root = import.meta.dirname;

/**
 * Shared chunks are named for what they hold (left alone, rolldown names each after one of its modules: the chunk with
 * Lit and the delivery core came out as `styles-*.js`, zod in `request-link-*.js`, the elements as `define-*.js`). The first
 * rule whose module a chunk holds names it; lazy chunks keep the name of the module they load (transport, signing …).
 */
const CHUNK_NAMES: ReadonlyArray<[name: string, holds: string]> = [
  // Each element's own code (checked first: an element chunk also holds the Lit directives only it uses).
  ['koe-intake', '/src/intake/koe-intake.ts'],
  ['koe-snippet', '/src/snippet/koe-snippet.ts'],
  ['koe-consent', '/src/consent/koe-consent.ts'],
  // zod and the wire schemas (the consent record's check when the signer signs, and index.ts).
  ['schemas', '/node_modules/zod/'],
  // Lit, the outbox and the rest of the delivery core, shared by every element.
  ['lit-core', '/node_modules/lit-html/lit-html.js'],
  // The base of Lit's directives, shared by elements and lazy views that use one (a lazy chunk holding a directive
  // keeps its own name: receipt-print).
  ['lit-directives', '/node_modules/lit-html/directive.js'],
];

function chunkName(chunk: { name: string; moduleIds: readonly string[] }): string {
  const rule = CHUNK_NAMES.find(([, holds]) => chunk.moduleIds.some((id) => id.includes(holds)));
  return rule?.[0] ?? chunk.name;
}

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? resolve(root, 'demo') : root,
  publicDir: false,
  define: versionDefine(),
  // Lit templates are minified in the dev server too, so the demo and e2e run what ships.
  plugins: [
    minifyTemplatesPlugin(),
    sourceSideEffectsPlugin(),
    hoistTransitiveImportsPlugin(),
    preloadLazyChunkImportsPlugin(),
    // Last: its comment goes above the import lines the plugins before it add.
    compileHintsPlugin(),
    ...(command === 'serve' ? [koeReceiverPlugin({ dataDir: process.env.KOE_DATA_DIR ?? resolve(root, '.koe-data') })] : []),
  ],
  server: {
    port: Number(process.env.PORT) || 5173,
    host: 'localhost',
    fs: { allow: [root] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        'koe-intake': resolve(root, 'src/intake/define.ts'),
        'koe-snippet': resolve(root, 'src/snippet/define.ts'),
        'koe-consent': resolve(root, 'src/consent/define.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: { ...minifiedOutput, chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js` },
    },
  },
}));
