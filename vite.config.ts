// `npm start`: the demo site with the reference receiver mounted at /api; `vite build`: the library.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { koeReceiverPlugin } from './src/server/vite-plugin.js';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';
import { minifiedOutput, sourceSideEffectsPlugin, versionDefine } from './scripts/build-options.mjs';

const root = import.meta.dirname;

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? resolve(root, 'demo') : root,
  publicDir: false,
  define: versionDefine(),
  // Lit templates are minified in the dev server too, so the demo and e2e run what ships.
  plugins: [
    minifyTemplatesPlugin(),
    sourceSideEffectsPlugin(),
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
      output: { ...minifiedOutput, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
}));
