// Driving the customer's consent and withdrawal pages: signed links from our receiver, grant/decline/draw/withdraw.
import { until } from './harness.mjs';

export const GRANT = '掲載に同意します（項目ごとに選びます）';
export const DECLINE = '掲載をお断りします';
export const DRAWN = '手書きで署名する（氏名の入力も必要です）';

/** What a PR person asks for; the receiver adds id, dates and the HMAC token. */
export function requestInput(over = {}) {
  return {
    controller: { name: '株式会社コエ 広報部', contact: '広報 田中', email: 'pr@example.com' },
    customer: { company: '株式会社サンプル商事', signerName: '山田 太郎', signerEmail: 'yamada@example.jp', signerTitle: '情報システム部 部長' },
    story: { title: '問い合わせ対応の時間を半分に', summary: '導入の経緯と効果をご紹介します。', quotes: ['導入後、問い合わせ対応の時間が半分になりました。'] },
    scopes: ['company-name', 'logo'],
    channels: ['自社ウェブサイト'],
    termMonths: 24,
    reviewBeforePublication: true,
    reviewWindowBusinessDays: 5,
    locale: 'ja',
    ...over,
  };
}

export const linkFragment = (request) => `koe=${Buffer.from(JSON.stringify(request)).toString('base64url')}`;

/** Opens `page` (consent.html or withdraw.html, with query) at `#fragment` and waits for the element to settle. */
export async function openConsent(page, path, fragment) {
  await page.goto(`${path}#${fragment}`);
  await page.locator('koe-consent [part=base]').waitFor({ state: 'attached' });
}

export const consentText = (page) => page.locator('koe-consent').evaluate((el) => el.shadowRoot.textContent.replace(/\s+/g, ' '));

const submit = (page) => page.locator('koe-consent [part=submit]').click();

export async function receipt(page) {
  await page.locator('koe-consent [part=receipt]').waitFor({ timeout: 15_000 });
}

/** Grant every offered scope with a typed signature (or a drawn one), and send. */
export async function grant(page, scopes, { drawn = false } = {}) {
  await page.getByRole('radio', { name: GRANT }).check();
  for (const label of scopes) await page.getByRole('group', { name: label, exact: true }).getByRole('radio', { name: '許可する', exact: true }).check();
  await page.getByLabel('署名（氏名を入力）').fill('山田 太郎');
  if (drawn) {
    await page.getByRole('radio', { name: DRAWN }).check();
    const canvas = page.locator('koe-consent canvas:not([hidden])');
    await canvas.waitFor({ timeout: 10_000 });
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    for (let i = 1; i < 12; i++) await page.mouse.move(box.x + 20 + i * 15, box.y + 20 + (i % 3) * 12);
    await page.mouse.up();
  }
  await submit(page);
  await receipt(page);
}

export async function decline(page) {
  await page.getByRole('radio', { name: DECLINE }).check();
  await page.getByLabel('署名（氏名を入力）').fill('山田 太郎');
  await submit(page);
  await receipt(page);
}

/** Pressing send on an empty form: field errors, nothing sent. */
export async function submitEmpty(page) {
  await submit(page);
  await until(() => page.locator('koe-consent [aria-invalid="true"], koe-consent .error').count(), 'field errors on the consent form', 5000);
}

/** The withdrawal link on a grant's receipt, as a fragment. */
export async function withdrawFragment(page) {
  const href = await page.locator('koe-consent [part=withdraw-link]').getAttribute('href');
  return href.slice(href.indexOf('#') + 1);
}

export async function withdrawAll(page) {
  await submit(page); // first without choosing: the "pick a scope" error state
  await page.locator('koe-consent input[type=checkbox]').first().check();
  await page.getByLabel('メールアドレス').fill('yamada@example.jp');
  await page.getByLabel('氏名', { exact: true }).fill('山田 太郎');
  await submit(page);
  await receipt(page);
}
