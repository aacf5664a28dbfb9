// The printed consent receipt (print media, at the width of A4) in ja and en for the README: `npm run screenshots` takes
// them with the others; `node scripts/screenshots.mjs receipt` takes only these.
import { join } from 'node:path';

const SIGNER = { ja: '山田 花子', en: 'Hanako Yamada' };
const WORDS = {
  ja: { grant: '掲載に同意します（項目ごとに選びます）', allow: '許可する', deny: '許可しない', sign: '署名（氏名を入力）' },
  en: { grant: 'I agree to publication (choosing each use below)', allow: 'Allow', deny: 'Do not allow', sign: 'Signature (type your full name)' },
};

/** Signs a request on the consent page (all but the last use allowed), then shows the receipt as printed. */
export async function receiptPrintShots(browser, base, request, locale, out) {
  const w = WORDS[locale];
  // 210 mm at 96 dpi: the width of A4 paper.
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/consent.html#koe=${Buffer.from(JSON.stringify(request)).toString('base64url')}`);
  await page.getByRole('radio', { name: w.grant }).check();
  const groups = page.locator('koe-consent fieldset.scope');
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) await groups.nth(i).getByRole('radio', { name: i < count - 1 ? w.allow : w.deny, exact: true }).check();
  await page.getByLabel(w.sign).fill(SIGNER[locale]);
  await page.locator('koe-consent [part=submit]').click();
  // The seal shows on screen and in the printed receipt: either one means the receiver's answer is in.
  await page.locator('koe-consent .seal').first().waitFor({ timeout: 15_000 });
  await page.locator('koe-consent .print-receipt').waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(out, `receipt-print-${locale}.png`), fullPage: true });
  await page.close();
}
