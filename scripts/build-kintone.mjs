// `npm run build:kintone`: the kintone plug-in (integrations/kintone/), packed and signed with @kintone/plugin-packer
// into dist/kintone/koe-kintone-plugin.zip. The signing key (.ppk) is the plug-in's identity (its ID derives from it):
// generated into .koe-keys/ (ignored by git) the first time, reused afterwards; KOE_KINTONE_PPK points at another key.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { packPluginFromManifest } from '@kintone/plugin-packer/from-manifest';
import { bundleStandalone } from './bundle-standalone.mjs';
import { packageVersion } from './build-options.mjs';

const root = resolve(import.meta.dirname, '..');
const source = join(root, 'integrations/kintone/plugin');
export const PLUGIN_ZIP = join(root, 'dist/kintone/koe-kintone-plugin.zip');
const keyFile = process.env.KOE_KINTONE_PPK ? resolve(process.env.KOE_KINTONE_PPK) : join(root, '.koe-keys/kintone-plugin.ppk');

/**
 * The plug-in's scripts: the record screen (elements + mounting) and the settings screen. The record screen bundle is one
 * file listed twice in the manifest, as desktop.js (kintone loads it on PC) and mobile.js (on mobile): it listens for
 * both screens' events, and on each only that screen's event fires.
 */
const SCRIPTS = [
  { files: ['js/desktop.js', 'js/mobile.js'], modules: ['src/snippet/define.ts', 'integrations/kintone/src/plugin-record.ts'] },
  { files: ['js/config.js'], modules: ['integrations/kintone/src/plugin-settings.ts'] },
];

export async function buildKintonePlugin() {
  const stage = mkdtempSync(join(tmpdir(), 'koe-kintone-'));
  try {
    const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
    manifest.version = packageVersion;
    writeFileSync(join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2));
    for (const file of [manifest.icon, manifest.config.html, ...manifest.config.css]) {
      mkdirSync(dirname(join(stage, file)), { recursive: true });
      copyFileSync(join(source, file), join(stage, file));
    }
    for (const { files, modules } of SCRIPTS) {
      const { code } = await bundleStandalone({ modules, fileName: files[0].split('/').pop() });
      for (const file of files) {
        mkdirSync(dirname(join(stage, file)), { recursive: true });
        // No source map in the zip: kintone serves only the files the manifest lists.
        writeFileSync(join(stage, file), code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
      }
    }
    const savedKey = existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : undefined;
    const { plugin, privateKey, id } = await packPluginFromManifest(join(stage, 'manifest.json'), savedKey);
    if (!savedKey) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, privateKey, { mode: 0o600 });
    }
    mkdirSync(dirname(PLUGIN_ZIP), { recursive: true });
    writeFileSync(PLUGIN_ZIP, plugin);
    return { id, zip: PLUGIN_ZIP, bytes: plugin.length, newKey: !savedKey };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { id, zip, bytes, newKey } = await buildKintonePlugin();
  console.log(`${zip.replace(`${root}/`, '')}  ${(bytes / 1024).toFixed(1)} kB  plug-in ID ${id}`);
  console.log(newKey ? `New signing key: ${keyFile.replace(`${root}/`, '')} (keep it: it is the plug-in's identity; never commit it)` : `Signed with ${keyFile.replace(`${root}/`, '')}`);
}
