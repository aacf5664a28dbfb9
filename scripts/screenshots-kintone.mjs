// Pictures of Koe on the kintone-shaped test page (tests/e2e/hosts/kintone/) for the README: the record details screen
// with the form in its Space field (customization; the plug-in draws the same), on PC and on a 360 px phone, and the
// plug-in's settings screen.
import { join } from 'node:path';
import { startWorld, stopWorld } from '../tests/e2e/harness.mjs';
import { ensureEmbedBuild, publishArtifacts } from '../tests/e2e/embed-artifacts.mjs';

export async function kintoneScreenshots(out) {
  await ensureEmbedBuild();
  const world = await startWorld();
  try {
    const { pluginId } = await publishArtifacts();
    const page = await world.browser.newPage({ baseURL: world.base, viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    await page.goto('/hosts/kintone/record.html?mode=customization');
    await page.locator('[data-fk-space="koe"] > koe-intake textarea').waitFor();
    await page.locator('#fk-record').screenshot({ path: join(out, 'kintone-record-ja.png') });
    const phone = await world.browser.newPage({ baseURL: world.base, viewport: { width: 360, height: 740 }, locale: 'ja-JP' });
    await phone.goto('/hosts/kintone/mobile-record.html?mode=customization');
    await phone.locator('[data-fk-space="koe"] > koe-intake textarea').waitFor();
    await phone.locator('[data-fk-space="koe"]').screenshot({ path: join(out, 'kintone-mobile-ja.png') });
    await phone.close();
    for (const lang of ['ja', 'en']) {
      await page.goto(`/hosts/kintone/settings.html?plugin=${pluginId}&lang=${lang}`);
      await page.locator('.koe-settings select').first().waitFor();
      // As an admin fills it in: the receiver, the Space, the app's fields (Japanese field codes, as kintone apps have).
      await page.locator('#koe-endpoint').fill('https://koe.example.com/api/intake');
      const choices = { spaceId: 'koe', companyId: '会社ID', companyName: '会社名', contactName: '先方担当者', dealId: '商談ID', dealStage: 'フェーズ', leadSource: '流入経路', snippetField: 'メール本文' };
      for (const [name, value] of Object.entries(choices)) await page.locator(`#koe-${name}`).selectOption(value);
      await page.evaluate(() => document.activeElement?.blur());
      await page.locator('#fk-plugin-settings').screenshot({ path: join(out, `kintone-settings-${lang}.png`) });
    }
    await page.close();
  } finally {
    await stopWorld(world);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await kintoneScreenshots(join(import.meta.dirname, '../docs/screenshots'));
  console.log('kintone screenshots written');
}
