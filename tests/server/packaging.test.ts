// What `npm install koe-widgets` ships for the receiver: a bin that runs compiled code, and runtime imports that are
// Node built-ins or declared (optional) dependencies — never a dev dependency such as tsx or vite.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';

const ROOT = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));

/** Runtime (non-type) imports of a TypeScript file: bare package names and relative paths. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of source.matchAll(/^export\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of source.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bload<[^>]+>\(\s*['"]([^'"]+)['"]/g)) out.push((m[1] ?? m[2])!);
  return out;
}

describe('the published receiver', () => {
  it('declares a koe-receiver bin that the package ships', () => {
    assert.equal(pkg.bin['koe-receiver'], './bin/koe-receiver.mjs');
    assert.ok(pkg.files.includes('bin'), 'bin/ is in "files"');
    assert.match(readFileSync(new URL('bin/koe-receiver.mjs', ROOT), 'utf8'), /^#!\/usr\/bin\/env node/);
  });

  it('imports at run time only Node built-ins and declared dependencies', () => {
    const allowed = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies)]);
    const seen = new Set<string>();
    const queue = readdirSync(new URL('src/server/', ROOT), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && f !== 'vite-plugin.ts')
      .map((f) => new URL(`src/server/${f}`, ROOT));
    const problems: string[] = [];
    while (queue.length) {
      const file = queue.shift()!;
      if (seen.has(file.href)) continue;
      seen.add(file.href);
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (specifier.startsWith('.')) {
          queue.push(new URL(specifier.replace(/\.js$/, '.ts'), file));
          continue;
        }
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!specifier.startsWith('node:') && !builtinModules.includes(name) && !allowed.has(name)) problems.push(`${file.pathname.split('/src/')[1]} imports ${specifier}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(seen.size > 15, `followed the imports (${seen.size} files)`);
  });

  it('keeps the database drivers optional, better-sqlite3 on 12.x (13 crashes on Node 20)', () => {
    assert.match(pkg.optionalDependencies['better-sqlite3'], /^\^?12\./);
    assert.match(pkg.optionalDependencies.pg, /^\^?8\./);
    assert.equal(pkg.dependencies['better-sqlite3'], undefined);
    assert.equal(pkg.allowScripts?.['better-sqlite3'], true, 'npm 11 runs its build script on npm ci');
  });
});
