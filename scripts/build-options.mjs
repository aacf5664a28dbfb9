// Output options shared by `vite build` (vite.config.ts), the standalone files (bundle-standalone.mjs) and the size
// figures (bench-sizes.mjs), so the bench measures what ships.
import { readFileSync } from 'node:fs';

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
