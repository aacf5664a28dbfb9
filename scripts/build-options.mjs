// Output options shared by `vite build` (vite.config.ts), the standalone files (bundle-standalone.mjs) and the size
// figures (bench-sizes.mjs), so the bench measures what ships.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { importSites, lexerReady, specifierOf } from './module-imports.mjs';

export const minifiedOutput = {
  minify: true,
  // Pure annotations only help a later bundler drop unused code; every file we ship registers an element, so nothing is dropped.
  comments: { annotation: false },
};

/** The package version, compiled into every build so that two copies on one page can tell each other apart (define-element.ts). */
export const packageVersion = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export const versionDefine = (version = packageVersion) => ({ __KOE_VERSION__: JSON.stringify(version) });
// Source modules that register elements when imported (`import './define.js'`). package.json's `sideEffects`
// describes the shipped dist/ files only, and bundlers read it for this repo's own sources too, so every build of src/
// (vite.config.ts, the size bench, any one-entry bundle) adds this plugin: without it a one-entry build of src/index.ts
// registers no element, and one of src/snippet/define.ts leaves out <koe-intake>.
/** An element's define.ts: what each element entry (dist/koe-intake.js …) is built from. */
const ELEMENT_DEFINE = /\/src\/[^/]+\/define\.ts$/;
const SOURCE_SIDE_EFFECTS = [/\/src\/index\.ts$/, ELEMENT_DEFINE, /\/bench\/entries\/[^/]+\.ts$/];

/** A Vite plugin that keeps the registering source modules, which `sideEffects` in package.json does not name. */
export function sourceSideEffectsPlugin() {
  return {
    name: 'koe-source-side-effects',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !SOURCE_SIDE_EFFECTS.some((re) => re.test(resolved.id.replace(/\\/g, '/')))) return null;
      return { ...resolved, moduleSideEffects: true };
    },
  };
}

/**
 * Lists, at the top of each entry file and each lazily imported chunk, every chunk it needs through other chunks
 * (`import"./chunks/lit-core-….js";`), as Rollup's `hoistTransitiveImports` does and rolldown does not yet: a browser
 * loading dist/koe-intake.js (or <koe-consent>'s signing page) then fetches every chunk it needs at once instead of one
 * level of imports after another. Evaluation order is unchanged: the hoisted chunks are listed dependencies first, and
 * each was going to run before the chunk's own imports anyway.
 */
export function hoistTransitiveImportsPlugin() {
  return {
    name: 'koe-hoist-transitive-imports',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !(chunk.isEntry || chunk.isDynamicEntry)) continue;
        const hoisted = transitiveImports(bundle, chunk).filter((file) => !chunk.imports.includes(file));
        if (!hoisted.length) continue;
        const fromChunk = (file) => `./${posix.relative(posix.dirname(chunk.fileName), file)}`;
        prependLine(bundle, chunk, hoisted.map((file) => `import"${fromChunk(file)}";`).join(''));
      }
    },
  };
}

/**
 * The magic comment that asks Chromium (136 and later) to compile every function in the file as it streams in, on a
 * background thread, instead of each on the main thread the first time it is called. Other browsers read a comment.
 * The comment affects only the functions after it, so it goes before any code.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Puts COMPILE_HINT at the top of each element entry (`entries`: the modules entries are built from) and of every chunk
 * it imports: the code a page runs for an element's first render. Without it, V8 compiled each of those functions on
 * the main thread when it was first called: in traces of a first visit at 4× CPU throttling, 70–85 ms of main-thread
 * compiling before the first render, 4–6 ms with the hint. Lazy chunks (the outbox, the English strings, zod) are left
 * to V8's own choice: much of them never runs on a given page.
 */
export function compileHintsPlugin({ entries: entryModules = ELEMENT_DEFINE } = {}) {
  return {
    name: 'koe-compile-hints',
    generateBundle(_options, bundle) {
      const entries = Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && chunk.isEntry && entryModules.test(chunk.facadeModuleId ?? ''));
      const firstRender = new Set(entries.flatMap((entry) => [entry.fileName, ...transitiveImports(bundle, entry)]));
      for (const file of firstRender) prependLine(bundle, bundle[file], COMPILE_HINT);
    },
  };
}

/**
 * At each `import()` of a lazy chunk, also starts fetching the chunks that chunk imports and its importer has not
 * loaded yet, as Vite's preload helper does for apps (and not for libraries, where it would write `<link>` tags into
 * the host page): `import(`./signing.js`)` becomes
 * `(import(`./schemas.js`).catch(()=>{}),…,import(`./signing.js`))`. <koe-consent>'s signing code then arrives with
 * zod and the wire schemas in one round trip instead of two. The extra `import()`s
 * only start fetches early (the browser's module map shares them with the lazy chunk's own imports); a failure is
 * reported by the lazy chunk's import, so theirs is silenced. Dependencies run before their importers either way.
 */
export function preloadLazyChunkImportsPlugin() {
  return {
    name: 'koe-preload-lazy-chunk-imports',
    async generateBundle(_options, bundle) {
      await lexerReady;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.dynamicImports.length) continue;
        const loaded = new Set([chunk.fileName, ...transitiveImports(bundle, chunk)]);
        const edits = [];
        for (const site of importSites(chunk.code)) {
          const specifier = site.d >= 0 ? specifierOf(chunk.code, site) : undefined;
          const lazy = specifier && bundle[posix.join(posix.dirname(chunk.fileName), specifier)];
          if (lazy?.type !== 'chunk') continue;
          const early = transitiveImports(bundle, lazy).filter((file) => !loaded.has(file));
          if (!early.length) continue;
          const fromChunk = (file) => `./${posix.relative(posix.dirname(chunk.fileName), file)}`;
          const preloads = early.map((file) => `import(\`${fromChunk(file)}\`).catch(()=>{}),`).join('');
          edits.push({ at: site.ss, text: `(${preloads}` }, { at: site.se, text: ')' });
        }
        insertKeepingSourceMap(bundle, chunk, edits);
      }
    },
  };
}

/** Inserts each `text` at offset `at` of the chunk's code, moving the source map's later columns on that line along. */
function insertKeepingSourceMap(bundle, chunk, edits) {
  const lines = chunk.map ? decode(chunk.map.mappings) : undefined;
  for (const { at, text } of edits.sort((a, b) => b.at - a.at)) {
    const line = chunk.code.slice(0, at).split('\n').length - 1;
    const column = at - (chunk.code.lastIndexOf('\n', at - 1) + 1);
    for (const segment of lines?.[line] ?? []) if (segment[0] >= column) segment[0] += text.length;
    chunk.code = chunk.code.slice(0, at) + text + chunk.code.slice(at);
  }
  if (lines) setMappings(bundle, chunk, encode(lines));
}

/** Puts `line` above the chunk's code, on a line of its own, so the source map only moves down one line. */
function prependLine(bundle, chunk, line) {
  chunk.code = `${line}\n${chunk.code}`;
  if (chunk.map) setMappings(bundle, chunk, `;${chunk.map.mappings}`);
}

/** A chunk's new source map mappings, in its map and in the `.map` file already made from it (the one written). */
function setMappings(bundle, chunk, mappings) {
  chunk.map.mappings = mappings;
  const file = bundle[chunk.sourcemapFileName ?? `${chunk.fileName}.map`];
  if (file?.type === 'asset') file.source = JSON.stringify({ ...JSON.parse(String(file.source)), mappings });
}

/** The chunks `chunk` imports statically, directly or not, dependencies before their importers. */
function transitiveImports(bundle, chunk, seen = new Set()) {
  const order = [];
  for (const file of chunk.imports) {
    if (seen.has(file)) continue;
    seen.add(file);
    order.push(...transitiveImports(bundle, bundle[file], seen), file);
  }
  return order;
}
