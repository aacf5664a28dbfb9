// What a user installing koe-widgets from npm gets: `npm run build` (which must leave tracked files alone), `npm pack`,
// the tarball installed into an empty project, then its files, manifest, notices, Node entries (no DOM), TypeScript types
// and the React example checked from there. Run: `npm run test:package` (about a minute; needs the npm registry or its cache).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { CONTEXT_ATTRIBUTES } from '../../src/core/config.ts';
import { validConsent, validConsentRequestInput, validIntake } from '../fixtures/submissions.ts';
import { buildExample, packPackage } from '../../scripts/build-examples.mjs';
import { importSites, lexerReady, specifierOf, staticClosure } from '../../scripts/module-imports.mjs';

const root = resolve(import.meta.dirname, '../..');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const trackedState = () => git('status', '--porcelain') + git('diff');

let before_;
let after_;
let tarball;
let files; // paths in the tarball, without the leading package/
let app; // an empty project with the tarball installed
let installed; // app/node_modules/koe-widgets
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

before(() => {
  before_ = trackedState();
  tarball = packPackage({ log: null }); // runs `npm run build` first
  after_ = trackedState();
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  app = mkdtempSync(join(tmpdir(), 'koe-consumer-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'koe-consumer', private: true, type: 'module' }));
  const reactTypes = JSON.parse(readFileSync(join(root, 'examples/react/package.json'), 'utf8')).devDependencies['@types/react'];
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, `@types/react@${reactTypes}`], { cwd: app, stdio: 'pipe' });
  installed = join(app, 'node_modules/koe-widgets');
});

after(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

/** Runs an ES module in the consumer project with plain Node (no DOM) and returns what it printed as JSON. */
function nodeInApp(code, env = {}) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: app, encoding: 'utf8', env: { ...process.env, ...env } });
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** Type-checks `source` as a user file of the consumer project (our .d.ts files included: skipLibCheck is off). */
function typeErrors(fileName, source, options = {}) {
  writeFileSync(join(app, fileName), source);
  const config = {
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx',
      strict: true, noEmit: true, skipLibCheck: false, types: [], ...options,
    },
    files: [fileName],
  };
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(config));
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', app], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String(error.stdout);
  }
}

describe('the packed package', () => {
  test('npm run build leaves tracked files unchanged', () => {
    assert.equal(after_, before_, 'the build changed tracked files (see git status)');
  });

  test('holds LICENSE, README, the notices and the manifest, and no sources', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'dist/THIRD_PARTY_NOTICES.md', 'dist/custom-elements.json', 'dist/types/react.d.ts', 'dist/types/jsx.d.ts', 'dist/types/vue.d.ts']) {
      assert.ok(files.includes(file), `${file} is not in the tarball`);
    }
    assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Koe contributors/);
    assert.deepEqual(files.filter((f) => /^(src|tests|demo|examples|bench|scripts)\//.test(f)), []);
  });

  test('every file package.json points at is in the tarball, and every sideEffects pattern matches one', () => {
    const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements];
    const walk = (value) => (typeof value === 'string' ? targets.push(value) : Object.values(value).forEach(walk));
    walk(pkg.exports);
    const shipped = (pattern) => {
      const re = new RegExp(`^${pattern.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`);
      return files.some((f) => re.test(f));
    };
    for (const target of targets) assert.ok(shipped(target), `${target} is not in the tarball`);
    // The Node stand-ins re-export the browser entries when a DOM exists; their targets must ship too.
    for (const file of files.filter((f) => f.startsWith('dist/node/needs-dom/') && f !== 'dist/node/needs-dom/check.js')) {
      const target = /export \* from '([^']+)'/.exec(readFileSync(join(installed, file), 'utf8'))?.[1];
      assert.ok(target && files.includes(join(file, '..', target)), `${file} re-exports ${target}, which is not shipped`);
    }
    for (const pattern of pkg.sideEffects) assert.ok(shipped(pattern), `sideEffects "${pattern}" matches no shipped file`);
  });

  test('each element entry registers its elements (<koe-snippet> brings <koe-intake>, fetched after its first paint)', () => {
    // package.json's sideEffects names dist/ only, so builds of src/ rely on sourceSideEffectsPlugin to keep the
    // registering modules (a one-entry build without it registers nothing); this checks what ships.
    const code = (file, seen = new Set()) => {
      if (seen.has(file)) return '';
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/(?:^|[;}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)];
      // Lazy chunks too (`import(\`./…\`)`): the snippet's dialog form is one.
      const lazyImports = [...text.matchAll(/\bimport\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g)];
      return [text, ...[...imports, ...lazyImports].map((m) => code(resolve(file, '..', m[1]), seen))].join('\n');
    };
    // Registration goes through defineElement(tag, class) (src/shared/define-element.ts): a call whose first argument is the tag.
    const defines = (entry) => [...code(join(installed, 'dist', entry)).matchAll(/\(\s*["'`](koe-(?:intake|snippet|consent))["'`]\s*,/g)].map((m) => m[1]).sort();
    assert.deepEqual(defines('koe-intake.js'), ['koe-intake']);
    assert.deepEqual(defines('koe-snippet.js'), ['koe-intake', 'koe-snippet']);
    assert.match(code(join(installed, 'dist/koe-consent.js')), /["'`]koe-consent["'`]/);
  });

  test('a lazy chunk is requested together with every chunk it needs that its importer has not loaded (one round trip)', async () => {
    await lexerReady;
    const dist = join(installed, 'dist');
    const jsFiles = (dir) => readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? jsFiles(posix.join(dir, d.name)) : d.name.endsWith('.js') ? [posix.join(dir, d.name)] : []));
    let checked = 0;
    for (const file of jsFiles('.')) {
      const code = readFileSync(join(dist, file), 'utf8');
      const from = (site) => posix.join(posix.dirname(file), specifierOf(code, site));
      // Relative specifiers only: a bare one (`zod/mini` in dist/node/) is the user's bundler's to resolve.
      const dynamic = importSites(code).filter((site) => site.d >= 0 && specifierOf(code, site)?.startsWith('.'));
      const loaded = staticClosure(dist, file);
      dynamic.forEach((site, i) => {
        // The import()s just before this one in the same expression (`(import(a).catch(…),import(lazy))`) start with it.
        const together = [from(site)];
        const sameExpression = (between) => between.length < 40 && !between.includes(';');
        for (let j = i - 1; j >= 0 && sameExpression(code.slice(dynamic[j].se, dynamic[j + 1].ss)); j -= 1) together.push(from(dynamic[j]));
        const lazy = together[0];
        const missing = [...staticClosure(dist, lazy)].filter((dep) => !loaded.has(dep) && !together.includes(dep));
        assert.deepEqual(missing, [], `${file} imports ${lazy}: these are only requested once it has arrived`);
        checked += 1;
      });
    }
    assert.ok(checked >= 20, `only ${checked} lazy imports found in dist/`);
  });

  test('what an element needs for its first render asks Chromium to compile it while it downloads; lazy chunks do not', () => {
    // The magic comment Chromium 136+ reads (V8's explicit compile hints); written out here, not imported from the build.
    const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
    const dist = join(installed, 'dist');
    const hinted = (file) => readFileSync(join(dist, file), 'utf8').split('\n', 3).includes(COMPILE_HINT);
    const firstRender = new Set(['koe-intake.js', 'koe-snippet.js', 'koe-consent.js'].flatMap((entry) => [...staticClosure(dist, entry)]));
    assert.ok(firstRender.size >= 8, `only ${firstRender.size} files before a first render`);
    for (const file of firstRender) assert.ok(hinted(file), `${file} lacks ${COMPILE_HINT}`);
    const lazy = readdirSync(join(dist, 'chunks')).map((f) => `chunks/${f}`).filter((f) => f.endsWith('.js') && !firstRender.has(f));
    assert.ok(lazy.length >= 20, `only ${lazy.length} lazy chunks`);
    for (const file of lazy) assert.ok(!hinted(file), `${file} is lazy, yet carries ${COMPILE_HINT}`);
    // A standalone file or embed script is one file: all of it comes before the first render. Its licence header stays first.
    for (const file of files.filter((f) => /^dist\/(standalone|embed|kintone)\/[^/]+\.js$/.test(f))) {
      const [licence, hint] = readFileSync(join(installed, file), 'utf8').split('\n', 2);
      assert.match(licence, /^\/\*! koe-widgets v/, file);
      assert.equal(hint, COMPILE_HINT, file);
    }
  });

  test('THIRD_PARTY_NOTICES.md carries the licence text of every package bundled into dist/', () => {
    const notices = readFileSync(join(installed, 'dist/THIRD_PARTY_NOTICES.md'), 'utf8');
    const bundled = new Set(['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'zod', 'idb-keyval', 'signature_pad']);
    for (const map of files.filter((f) => f.endsWith('.js.map'))) {
      for (const source of JSON.parse(readFileSync(join(installed, map), 'utf8')).sources) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
        if (name) bundled.add(name);
      }
    }
    for (const name of bundled) {
      const dir = join(root, 'node_modules', name);
      const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      assert.match(notices, new RegExp(`^## ${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ${version} `, 'm'), `${name} has no section`);
      const licence = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
      assert.ok(notices.includes(readFileSync(join(dir, licence), 'utf8').trim()), `${name}'s licence text is missing`);
    }
  });
});

describe('custom-elements.json', () => {
  const manifest = () => JSON.parse(readFileSync(join(installed, 'dist/custom-elements.json'), 'utf8'));
  const elements = () => manifest().modules.flatMap((m) => m.declarations.filter((d) => d.tagName));
  const element = (tag) => elements().find((d) => d.tagName === tag);

  test('names the three tags, defined where they ship, with paths inside the package', () => {
    const m = manifest();
    assert.deepEqual(elements().map((d) => d.tagName).sort(), ['koe-consent', 'koe-intake', 'koe-snippet']);
    for (const mod of m.modules) assert.ok(files.includes(mod.path), `${mod.path} is not shipped`);
    const definitions = m.modules.flatMap((mod) => mod.exports.filter((e) => e.kind === 'custom-element-definition'));
    assert.deepEqual(definitions.map((d) => d.name).sort(), ['koe-consent', 'koe-intake', 'koe-snippet']);
    for (const d of definitions) assert.equal(element(d.name).name, d.declaration.name);
    assert.doesNotMatch(JSON.stringify(m), /"\/?src\//);
  });

  test('lists the context attributes of <koe-intake> and <koe-snippet>, with their fields', () => {
    for (const tag of ['koe-intake', 'koe-snippet']) {
      const attributes = new Map(element(tag).attributes.map((a) => [a.name, a.fieldName]));
      for (const [attribute, field] of Object.entries(CONTEXT_ATTRIBUTES)) assert.equal(attributes.get(attribute), field, `${tag}: ${attribute}`);
      for (const name of ['endpoint', 'format', 'locale']) assert.ok(attributes.has(name), `${tag}: ${name}`);
    }
    assert.deepEqual(element('koe-consent').attributes.map((a) => a.name).sort(), ['endpoint', 'format', 'locale', 'mode']);
  });

  test('documents every --koe-* custom property each element reads, and no other', () => {
    for (const tag of ['koe-intake', 'koe-snippet', 'koe-consent']) {
      // The standalone file holds every stylesheet the element (and, for the snippet, its dialog's form) adopts.
      const code = readFileSync(join(installed, `dist/standalone/${tag}.js`), 'utf8');
      const read = [...new Set([...code.matchAll(/var\((--koe-[a-z-]+)/g)].map((m) => m[1]))].sort();
      assert.ok(read.length >= 14, `${tag}: found ${read.length} custom properties in its file`);
      const documented = element(tag).cssProperties.map((p) => p.name).sort();
      assert.deepEqual(documented, read, `${tag}: documented custom properties`);
      for (const p of element(tag).cssProperties) assert.ok(p.description, `${tag}: ${p.name} has no description`);
    }
  });

  test('has no internal state, and read-only state is read-only', () => {
    for (const decl of elements()) {
      const hidden = decl.members.filter((m) => (m.privacy && m.privacy !== 'public') || m.name.startsWith('#') || m.static);
      assert.deepEqual(hidden.map((m) => m.name), [], `${decl.tagName} lists internal members`);
    }
    const state = element('koe-intake').members.find((m) => m.name === 'state');
    assert.equal(state.readonly, true);
    assert.ok(!element('koe-intake').attributes.some((a) => a.name === 'state'), 'state is listed as a settable attribute');
    for (const tag of ['koe-intake', 'koe-consent']) assert.ok(element(tag).members.some((m) => m.name === 'headers' && !m.attribute), `${tag}: headers property`);
  });
});

describe('Node entries, no DOM', () => {
  test('koe-widgets/schemas validates a submission', () => {
    const out = nodeInApp(
      `const { intakeSchema } = await import('koe-widgets/schemas');
       console.log(JSON.stringify({ dom: typeof document, valid: intakeSchema.safeParse(JSON.parse(process.env.BODY)).success, empty: intakeSchema.safeParse({}).success }));`,
      { BODY: JSON.stringify(validIntake()) },
    );
    assert.deepEqual(out, { dom: 'undefined', valid: true, empty: false });
  });

  test('koe-widgets/receipt turns a consent record into a Kantara receipt and a receipt file', () => {
    const request = { ...validConsentRequestInput(), id: 'req-1', issuedAt: '2026-11-21T10:00:00+09:00', expiresAt: '2099-01-01T00:00:00Z' };
    const record = validConsent(request);
    const out = nodeInApp(
      `const { toConsentReceipt, receiptFile } = await import('koe-widgets/receipt');
       const { record, request } = JSON.parse(process.env.BODY);
       const receipt = toConsentReceipt(record, request);
       const file = JSON.parse(await receiptFile(record, request).text());
       console.log(JSON.stringify({ version: receipt.version, id: receipt.consentReceiptID, purposes: receipt.services[0].purposes.length, fileId: file.kantaraConsentReceipt.consentReceiptID }));`,
      { BODY: JSON.stringify({ record, request }) },
    );
    assert.deepEqual(out, { version: 'KI-CR-v1.1.0', id: record.receiptId, purposes: request.scopes.length, fileId: record.receiptId });
  });

  // Both start a real server on port 0 and POST one submission to /api/intake.
  const postIntake = `
    const post = (url, body) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': '"' + body.id + '"' }, body: JSON.stringify(body) });
    const body = JSON.parse(process.env.BODY);`;

  test('koe-widgets/server receives and stores a submission', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koe-pkg-server-'));
    const out = nodeInApp(
      `import { createServer } from 'node:http';
       const { createReceiver } = await import('koe-widgets/server');${postIntake}
       const receiver = createReceiver({ dataDir: process.env.DATA_DIR });
       const server = createServer((req, res) => receiver.handle(req, res));
       await new Promise((r) => server.listen(0, '127.0.0.1', r));
       const res = await post('http://127.0.0.1:' + server.address().port + '/api/intake', body);
       const stored = (await receiver.records('intake')).map((l) => l.record.id);
       server.close(); await receiver.close();
       console.log(JSON.stringify({ status: res.status, stored }));`,
      { BODY: JSON.stringify(validIntake()), DATA_DIR: dataDir },
    );
    rmSync(dataDir, { recursive: true, force: true });
    assert.equal(out.status, 201);
    assert.equal(out.stored.length, 1);
  });

  test('koe-widgets/vite mounts the receiver in a Vite dev server', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koe-pkg-vite-'));
    const intake = validIntake();
    const out = nodeInApp(
      `const { koeReceiverPlugin } = await import('koe-widgets/vite');
       const { createServer } = await import(process.env.VITE);${postIntake}
       const server = await createServer({ configFile: false, root: process.cwd(), logLevel: 'silent', server: { port: 0, host: '127.0.0.1' },
         plugins: [koeReceiverPlugin({ dataDir: process.env.DATA_DIR })] });
       await server.listen();
       const res = await post('http://127.0.0.1:' + server.httpServer.address().port + '/api/intake', body);
       await server.close();
       console.log(JSON.stringify({ status: res.status, answer: await res.json() }));`,
      { BODY: JSON.stringify(intake), DATA_DIR: dataDir, VITE: import.meta.resolve('vite') },
    );
    rmSync(dataDir, { recursive: true, force: true });
    assert.equal(out.status, 201);
    assert.equal(out.answer.id, intake.id);
  });

  test('the element entries say which entries to use in Node instead of failing on HTMLElement', () => {
    const out = nodeInApp(
      `const messages = {};
       for (const entry of ['koe-widgets', 'koe-widgets/intake', 'koe-widgets/snippet', 'koe-widgets/consent']) {
         messages[entry] = await import(entry).then(() => 'loaded', (error) => error.message);
       }
       console.log(JSON.stringify(messages));`,
    );
    for (const [entry, message] of Object.entries(out)) {
      assert.match(message, /needs a browser/, entry);
      for (const name of ['koe-widgets/schemas', 'koe-widgets/server', 'koe-widgets/receipt', 'koe-widgets/vite']) assert.ok(message.includes(name), `${entry}: ${message}`);
    }
  });
});

describe('TypeScript', () => {
  for (const entry of ['koe-widgets', 'koe-widgets/intake', 'koe-widgets/snippet', 'koe-widgets/consent']) {
    test(`importing ${entry} alone types the koe-* events`, () => {
      const errors = typeErrors(
        'events.ts',
        `import '${entry}';
         document.addEventListener('koe-sent', (event) => { const status: number = event.detail.status; void status; });
         document.body.addEventListener('koe-failed', (event) => { const retrying: boolean = event.detail.retrying; void retrying; });
         // @ts-expect-error: the detail is typed, not any
         document.addEventListener('koe-sent', (event) => event.detail.nope);
         export {};`,
        { skipLibCheck: true }, // our .d.ts files themselves are checked by the React test below
      );
      assert.equal(errors, '');
    });
  }

  test('koe-widgets/react types the three elements in React 19 JSX', () => {
    const errors = typeErrors(
      'app.tsx',
      `/// <reference types="koe-widgets/react" />
       import 'koe-widgets';
       import type { KoeIntake } from 'koe-widgets/intake';
       const headers: KoeIntake['headers'] = async () => ({ Authorization: 'Bearer t' });
       export const ok = (
         <>
           <koe-intake endpoint="/api/intake" company-id="C-1" deal-id="D-1" reporter-name="佐藤" autofocus headers={headers}
             context={{ companyName: 'ACME', custom: { region: 'kanto' } }} tags={[{ id: 'faq', label: { ja: 'FAQ', en: 'FAQ' } }]}
             onkoe-sent={(event) => { const status: number = event.detail.status; void status; }}
             onkoe-needs-attention={(event) => event.detail.fields?.map((f) => f.path)} />
           <koe-snippet for="#thread" endpoint="/api/intake" onkoe-config-error={(event) => event.detail.field} />
           <koe-consent endpoint="/api/consent" mode="withdraw" onkoe-sent={(event) => event.detail.id} />
         </>
       );
       // @ts-expect-error: a function or object, not a number
       export const badHeaders = <koe-intake headers={42} />;
       // @ts-expect-error: state is read-only
       export const badState = <koe-intake state="sent" />;
       // @ts-expect-error: the detail is typed
       export const badDetail = <koe-intake onkoe-sent={(event) => event.detail.nope} />;
       // @ts-expect-error: only sign or withdraw
       export const badMode = <koe-consent mode="delete" />;
       // @ts-expect-error: an unknown element stays an error
       export const unknown = <koe-unknown />;`,
    );
    assert.equal(errors, '');
  });

  test('the Node entries type-check under NodeNext', () => {
    const errors = typeErrors(
      'server.ts',
      `import { intakeSchema } from 'koe-widgets/schemas';
       import { createReceiver } from 'koe-widgets/server';
       import { toConsentReceipt, type KantaraConsentReceipt } from 'koe-widgets/receipt';
       import { koeReceiverPlugin } from 'koe-widgets/vite';
       export const parsed = intakeSchema.safeParse({}).success;
       export const receiver = createReceiver({ dataDir: '.koe-data' });
       export const receipt: typeof toConsentReceipt = toConsentReceipt;
       export type Receipt = KantaraConsentReceipt['version'];
       export const plugin = koeReceiverPlugin({ dataDir: '.koe-data' });`,
      // vite's own types are not installed here (it is the user's); the example's vite.config.ts checks them.
      { module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: [], skipLibCheck: true },
    );
    assert.equal(errors, '');
  });
});

describe('examples', () => {
  for (const [name, check] of [['react', 'tsc -b'], ['vue', 'vue-tsc -b']]) {
    test(`examples/${name} builds from the tarball (${check} && vite build)`, () => {
      const dist = buildExample(name, tarball, { log: null });
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      const script = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
      assert.ok(script && existsSync(join(dist, script)), 'the built page has no script');
      assert.match(readFileSync(join(dist, script), 'utf8'), /koe-intake/);
    });
  }
});
