// What the embed matrix loads, as it ships: dist/standalone/*, dist/embed/*, dist/kintone/koe-kintone.js and the signed
// plug-in zip. Built here when missing or older than their sources, so `node scripts/e2e.mjs` works on a fresh checkout.
import { createHash, verify } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { ROOT } from './harness.mjs';
import { serveUpload } from './embed-hosts.mjs';
import { STANDALONE_FILES, buildStandalone } from '../../scripts/build-standalone.mjs';
import { bundleStandalone } from '../../scripts/bundle-standalone.mjs';
import { PLUGIN_ZIP, buildKintonePlugin } from '../../scripts/build-kintone.mjs';
// "Another version" is the same one the browser tests build (their copy under /uploads-other-version/).
import { OTHER_VERSION } from '../../scripts/wtr-standalone-plugin.mjs';

export const DIST = join(ROOT, 'dist');
/** An opaque upload URL, as a CMS or kintone gives for an uploaded file (the query is a cache-buster). */
export const OPAQUE = '/uploads/7c1e9a2b';
export { OTHER_VERSION };

function newestSource() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [statSync(join(dir, e.name)).mtimeMs]));
  return Math.max(...['src', 'integrations', 'scripts'].flatMap((d) => walk(join(ROOT, d))));
}

const stale = (file, since) => !existsSync(file) || statSync(file).mtimeMs < since;

/** Builds the standalone files and the plug-in when missing or older than any source; says what it did. */
export async function ensureEmbedBuild(log = console.log) {
  const since = newestSource();
  if (STANDALONE_FILES.some(({ file }) => stale(join(DIST, file), since))) {
    log('Building dist/standalone, dist/embed and dist/kintone/koe-kintone.js (node scripts/build-standalone.mjs) …');
    await buildStandalone();
  }
  if (stale(PLUGIN_ZIP, since)) {
    log('Building the kintone plug-in (npm run build:kintone) …');
    await buildKintonePlugin();
  }
}

function unzip(buffer) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map();
      zip.on('entry', (entry) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * Opens the plug-in zip as kintone does: contents.zip signed (RSA-SHA1) by the key in PUBKEY; the plug-in ID is the first
 * 32 hex digits of SHA-256(PUBKEY) written with the letters a–p (as @kintone/plugin-packer derives it).
 */
export async function openPluginZip(file = PLUGIN_ZIP) {
  const outer = await unzip(readFileSync(file));
  const contents = outer.get('contents.zip');
  const publicKey = outer.get('PUBKEY');
  const signatureValid = verify('sha1', contents, { key: publicKey, format: 'der', type: 'spki' }, outer.get('SIGNATURE'));
  const id = [...createHash('sha256').update(publicKey).digest('hex').slice(0, 32)].map((c) => 'abcdefghijklmnop'['0123456789abcdef'.indexOf(c)]).join('');
  const files = await unzip(contents);
  return { id, signatureValid, files, manifest: JSON.parse(files.get('manifest.json').toString('utf8')) };
}

let published;

/** Registers every artifact at the URLs the host pages use; once per run. Returns { pluginId, otherVersion }. */
export function publishArtifacts() {
  published ??= (async () => {
    for (const name of ['koe-intake.js', 'koe-snippet.js', 'koe-consent.js', 'koe.js']) {
      const code = readFileSync(join(DIST, 'standalone', name));
      serveUpload(`${OPAQUE}/${name}`, code);
      serveUpload(`/uploads/second-copy/${name}`, code);
    }
    // Another version's copy, built from the same sources with another version number (as an older customization would carry).
    const other = await bundleStandalone({ modules: STANDALONE_FILES.find((f) => f.file === 'standalone/koe.js').modules, fileName: 'koe.js', version: OTHER_VERSION });
    serveUpload('/uploads/other-version/koe.js', other.code);
    serveUpload('/uploads/kintone/koe-kintone.js', readFileSync(join(DIST, 'kintone/koe-kintone.js')));
    const plugin = await openPluginZip();
    if (!plugin.signatureValid) throw new Error('the plug-in zip signature does not verify against its PUBKEY');
    for (const [name, body] of plugin.files) serveUpload(`/kintone-plugin/${name}`, body);
    return { pluginId: plugin.id, manifest: plugin.manifest };
  })();
  return published;
}
