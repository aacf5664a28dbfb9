// Builds examples/* as a user's app gets koe-widgets: `npm run build`, `npm pack`, the tarball installed into a copy of
// the example (its other dependencies from the npm registry), then the example's own `npm run build` (tsc -b && vite build).
// Usage: node scripts/build-examples.mjs [--tarball path.tgz] [example…]   (default: every folder in examples/)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
/** Where each example is built (git-ignored); node_modules stays between runs so a second build installs little. */
export const EXAMPLES_BUILD = join(root, '.examples-build');

/** Runs a command; `log` (default: the console) gets the command line and its output. */
function run(command, args, cwd, log) {
  log?.(`$ ${command} ${args.join(' ')}   (in ${relative(root, cwd) || '.'})`);
  try {
    return execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const tail = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed in ${relative(root, cwd) || '.'}:\n${tail}`);
  }
}

/** Builds the package and packs it; returns the tarball's path. */
export function packPackage({ build = true, log = console.log } = {}) {
  if (build) {
    const output = run('npm', ['run', 'build'], root, log);
    log?.(output.trim().split('\n').at(-1));
  }
  const dir = mkdtempSync(join(tmpdir(), 'koe-pack-'));
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root, log));
  return join(dir, filename);
}

/** Copies examples/<name> (not its node_modules or dist), installs `tarball` into it and builds it; returns its dist/. */
export function buildExample(name, tarball, { log = console.log } = {}) {
  const source = join(root, 'examples', name);
  const out = join(EXAMPLES_BUILD, name);
  mkdirSync(out, { recursive: true });
  for (const entry of readdirSync(out)) if (entry !== 'node_modules') rmSync(join(out, entry), { recursive: true, force: true });
  cpSync(source, out, { recursive: true, filter: (path) => !/(^|[/\\])(node_modules|dist|\.koe-data)([/\\]|$)/.test(relative(source, path)) });
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], out, log);
  const output = run('npm', ['run', 'build'], out, log);
  log?.(output.trim());
  return join(out, 'dist');
}

export const EXAMPLES = readdirSync(join(root, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ options: { tarball: { type: 'string' } }, allowPositionals: true });
  const tarball = values.tarball ? resolve(values.tarball) : packPackage();
  for (const name of positionals.length ? positionals : EXAMPLES) console.log(`examples/${name} built: ${relative(root, buildExample(name, tarball))}`);
}
