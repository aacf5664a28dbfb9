// The imports of built ES modules, read with es-module-lexer: for the build (build-options.mjs), the size bench
// (bench-sizes.mjs) and the package test, which all follow what a browser fetches from dist/.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { init, parse } from 'es-module-lexer';

/** Resolves once the lexer can parse (its WebAssembly is compiled). */
export const lexerReady = init;

/** Every import site of `code` (static: `d === -1`; dynamic: `d` is the position of `import(`). */
export const importSites = (code) => parse(code)[0];

/**
 * The specifier of an import site when it is a literal: es-module-lexer names quoted strings, and rolldown writes
 * dynamic imports as template literals without `${}` (`import(`./x.js`)`), read here.
 */
export function specifierOf(code, site) {
  return site.n ?? /^`([^`$]+)`$/.exec(code.slice(site.s, site.e))?.[1];
}

/** `file` (a path under `dir`) and every file it imports statically through relative specifiers, directly or not. */
export function staticClosure(dir, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const site of importSites(code)) {
    const specifier = specifierOf(code, site);
    if (site.d === -1 && specifier?.startsWith('.')) staticClosure(dir, posix.join(posix.dirname(file), specifier), seen);
  }
  return seen;
}
