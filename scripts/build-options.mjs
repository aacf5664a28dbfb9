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
