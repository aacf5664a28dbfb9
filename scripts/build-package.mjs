// Last step of `npm run build`: what the package needs besides the bundles, the types and the manifest.
// - dist/THIRD_PARTY_NOTICES.md: every package bundled into dist/, with its licence text read from node_modules.
// - dist/node/needs-dom/*.js: what Node gets for the element entries (the `node` export condition): a clear error
//   naming the Node entries when there is no DOM, the real entry when there is one (jsdom, happy-dom).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

/** The directory of the package that owns a file under node_modules (scoped names included). */
function packageDirOf(file) {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join(sep);
}

/** Package directories whose code is in a bundle under dist/, read from the source maps. */
export function bundledPackageDirs(dir = dist) {
  const dirs = new Set();
  for (const file of readdirSync(dir, { recursive: true })) {
    if (!String(file).endsWith('.js.map')) continue;
    const mapPath = join(dir, String(file));
    const map = JSON.parse(readFileSync(mapPath, 'utf8'));
    for (const source of map.sources) {
      const pkg = packageDirOf(resolve(dirname(mapPath), map.sourceRoot ?? '', source));
      if (pkg) dirs.add(pkg);
    }
  }
  return dirs;
}

/** The package's LICENSE text, and its NOTICE file if it has one (Apache-2.0 asks for both). */
function licenceTexts(pkgDir, name) {
  const files = readdirSync(pkgDir);
  const licence = files.find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
  if (!licence) throw new Error(`${name} ships no LICENSE file; its notice cannot be written (${pkgDir})`);
  const notice = files.find((f) => /^notice(\.(md|txt))?$/i.test(f));
  return [licence, notice].filter(Boolean).map((f) => '```text\n' + readFileSync(join(pkgDir, f), 'utf8').trim() + '\n```');
}

function repositoryUrl(pkg) {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return (repo ?? pkg.homepage ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
}

export function writeNotices() {
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // Our dependencies are bundled by design; lit's own modules only re-export, so the maps may not name it.
  const dirs = bundledPackageDirs();
  for (const name of Object.keys(own.dependencies ?? {})) dirs.add(join(root, 'node_modules', name));
  const packages = [...dirs]
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .sort((a, b) => a.pkg.name.localeCompare(b.pkg.name));
  const rows = packages.map(({ pkg }) => `| ${pkg.name} | ${pkg.version} | ${pkg.license} |`);
  const sections = packages.map(({ dir, pkg }) => [`## ${pkg.name} ${pkg.version} (${pkg.license})`, repositoryUrl(pkg), ...licenceTexts(dir, pkg.name)].filter(Boolean).join('\n\n'));
  const text = [
    '# Third-party notices',
    `${own.name} ${own.version} is licensed under the ${own.license} licence (see LICENSE). Its browser files under dist/ include code` +
      ' from the packages below, each under its own licence, reproduced here as the package publishes it.',
    '| package | version | licence |\n|---|---|---|\n' + rows.join('\n'),
    ...sections,
  ].join('\n\n');
  writeFileSync(join(dist, 'THIRD_PARTY_NOTICES.md'), `${text}\n`);
  return packages.map(({ pkg }) => pkg.name);
}

/** Browser entry (dist/…) → its Node stand-in (dist/node/needs-dom/…), as package.json's `node` conditions name them. */
export const NEEDS_DOM_ENTRIES = ['index.js', 'koe-intake.js', 'koe-snippet.js', 'koe-consent.js'];

const NEEDS_DOM_CHECK = `// Imported first by each element entry in Node, so a missing DOM is reported before any element class is built.
if (typeof HTMLElement === 'undefined' || typeof customElements === 'undefined') {
  throw new Error(
    'koe-widgets registers custom elements and needs a browser (or a DOM such as jsdom). ' +
      'In Node import koe-widgets/schemas, koe-widgets/server, koe-widgets/receipt or koe-widgets/vite; ' +
      'in a server-rendered app, import the elements in browser-only code.',
  );
}
`;

export function writeNeedsDomEntries() {
  const dir = join(dist, 'node', 'needs-dom');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'check.js'), NEEDS_DOM_CHECK);
  for (const entry of NEEDS_DOM_ENTRIES) {
    if (!existsSync(join(dist, entry))) throw new Error(`dist/${entry} is missing: run vite build first`);
    const target = relative(dir, join(dist, entry)).split(sep).join('/');
    writeFileSync(join(dir, entry), `// koe-widgets in Node: needs a DOM (see check.js), then it is the browser entry.\nimport './check.js';\nexport * from '${target}';\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeNeedsDomEntries();
  const names = writeNotices();
  console.log(`dist/THIRD_PARTY_NOTICES.md: ${names.join(', ')}`);
}
