// `npm run screenshots`: pictures of each element in ja and en for the README (docs/screenshots/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { CHROMIUM_ARGS, findBrowser } from './browsers.mjs';
import { kintoneScreenshots } from './screenshots-kintone.mjs';
import { receiptPrintShots } from './screenshots-receipt.mjs';

/** `node scripts/screenshots.mjs receipt`: only the printed receipts. */
const only = process.argv[2];

// Without a Japanese font, headless Chromium draws every Japanese character as an empty box: say so before taking any.
let japaneseFonts = '';
try {
  japaneseFonts = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
} catch {
  // no fontconfig: no fonts either
}
if (!japaneseFonts.trim()) {
  console.error('screenshots: no Japanese font is installed, so Japanese text would show as empty boxes. Install one first: sudo apt-get install -y fonts-noto-cjk');
  process.exit(1);
}

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs/screenshots');
const { koeReceiverPlugin } = await tsImport('../src/server/vite-plugin.ts', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'koe-shots-'));
const receiverPlugin = koeReceiverPlugin({ dataDir, rateLimit: false });
const server = await createServer({
  configFile: false,
  root: join(root, 'demo'),
  logLevel: 'silent',
  server: { port: 0, host: '127.0.0.1', fs: { allow: [root] } },
  optimizeDeps: { noDiscovery: true, include: [] },
  plugins: [receiverPlugin],
});
await server.listen();
const base = `http://127.0.0.1:${server.httpServer.address().port}`;
const browser = await chromium.launch({
  executablePath: findBrowser('chromium'),
  headless: true,
  args: CHROMIUM_ARGS,
});

async function issueRequest(locale) {
  const res = await fetch(`${base}/api/consent-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base, Authorization: `Bearer ${await receiverPlugin.api.inboxKey()}` },
    body: JSON.stringify({
      controller: { name: locale === 'ja' ? '株式会社Koeデモ 広報部' : 'Koe Demo Inc. PR', contact: locale === 'ja' ? '広報部 鈴木' : 'PR, Suzuki', email: 'pr@example.com', privacyPolicyUrl: 'https://example.com/privacy' },
      customer: { company: locale === 'ja' ? '株式会社サンプル商事' : 'Sample Trading Co., Ltd.', signerName: locale === 'ja' ? '山田 花子' : 'Hanako Yamada', signerEmail: 'yamada@example.jp', signerTitle: locale === 'ja' ? '情報システム部 部長' : 'Head of IT' },
      story: {
        title: locale === 'ja' ? '問い合わせ対応を全社で一本化' : 'One inbox for every customer question',
        summary: locale === 'ja' ? '導入の経緯と効果を紹介する導入事例です。' : 'A case study on why they switched and what changed.',
        quotes: [locale === 'ja' ? '導入後、問い合わせ対応の時間が半分になりました。' : 'Since the switch, we spend half the time on enquiries.'],
      },
      scopes: ['company-name', 'logo', 'quotes', 'person-name-title', 'photo'],
      channels: [locale === 'ja' ? '自社ウェブサイト' : 'Our website', locale === 'ja' ? '営業資料' : 'Sales deck'],
      termMonths: 24,
      reviewBeforePublication: true,
      locale,
    }),
  });
  if (!res.ok) throw new Error(`consent request: ${res.status} ${await res.text()}`);
  return res.json();
}

const b64url = (value) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

try {
  for (const locale of ['ja', 'en']) {
    await receiptPrintShots(browser, base, await issueRequest(locale), locale, out);
    console.log(`printed receipt (${locale}) written`);
    if (only === 'receipt') continue;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(`${base}/?lang=${locale}`);
    const intake = page.locator('koe-intake').first();
    await intake.waitFor();
    await page.waitForTimeout(500);
    await intake.screenshot({ path: join(out, `intake-${locale}.png`) });

    // Select a sentence in the first email so the snippet button shows, then open the dialog.
    const paragraph = page.locator('koe-snippet p', { hasText: '先日のウェブセミナー' }).first();
    await paragraph.evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
      document.dispatchEvent(new Event('selectionchange'));
    });
    await page.waitForTimeout(600);
    await page.locator('koe-snippet').first().screenshot({ path: join(out, `snippet-button-${locale}.png`) });
    await page.keyboard.press('Alt+Shift+V');
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(out, `snippet-dialog-${locale}.png`) });
    await page.close();

    const request = await issueRequest(locale);
    const consent = await browser.newPage({ viewport: { width: 1000, height: 1400 }, deviceScaleFactor: 1 });
    await consent.goto(`${base}/consent.html#koe=${b64url(request)}`);
    await consent.locator('koe-consent').waitFor();
    await consent.waitForTimeout(800);
    await consent.locator('koe-consent').screenshot({ path: join(out, `consent-${locale}.png`) });
    await consent.close();
    console.log(`screenshots (${locale}) written`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

if (only !== 'receipt') {
  await kintoneScreenshots(out);
  console.log('screenshots (kintone) written');
}
