// Output options shared by `vite build` (vite.config.ts), the standalone files (bundle-standalone.mjs) and the size
// figures (bench-sizes.mjs), so the bench measures what ships.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

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
const SOURCE_SIDE_EFFECTS = [/\/src\/index\.ts$/, /\/src\/[^/]+\/define\.ts$/, /\/bench\/entries\/[^/]+\.ts$/];

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
 * Lists, at the top of each entry file, every chunk it needs through other chunks (`import"./chunks/lit-core-….js";`), as
 * Rollup's `hoistTransitiveImports` does and rolldown does not yet: a browser loading dist/koe-intake.js then fetches
 * every chunk of the first render at once instead of one level of imports after another. Evaluation order is unchanged:
 * the hoisted chunks are listed dependencies first, and each was going to run before the entry's own imports anyway.
 */
export function hoistTransitiveImportsPlugin() {
  return {
    name: 'koe-hoist-transitive-imports',
    generateBundle(_options, bundle) {
      for (const entry of Object.values(bundle)) {
        if (entry.type !== 'chunk' || !entry.isEntry) continue;
        const hoisted = transitiveImports(bundle, entry).filter((file) => !entry.imports.includes(file));
        if (!hoisted.length) continue;
        const fromEntry = (file) => `./${posix.relative(posix.dirname(entry.fileName), file)}`;
        // On a line of its own, so the source map only moves down one line.
        entry.code = `${hoisted.map((file) => `import"${fromEntry(file)}";`).join('')}\n${entry.code}`;
        if (entry.map) entry.map.mappings = `;${entry.map.mappings}`;
      }
    },
  };
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
