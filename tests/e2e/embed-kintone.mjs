// Matrix rows on the kintone-shaped test page (tests/e2e/hosts/kintone/: exactly the documented kintone JavaScript API
// the customization and plug-in call, cybozu.dev pages named there): the customization file, and the signed plug-in
// zip, configured on its settings screen with the keyboard, then used on a record through <koe-snippet>; each on the PC
// record details screen and on the mobile one (a 360 px wide phone).
import { assert, until } from './harness.mjs';
import { axeViolations } from './axe.mjs';
import { fileVoice } from './pages.mjs';
import { publishArtifacts } from './embed-artifacts.mjs';
import { hostRow, lastSentId } from './embed-scripts.mjs';

const SPACE_FORM = '[data-fk-space="koe"] > koe-intake';
const SNIPPET_FORM = '[data-fk-space="koe"] > koe-snippet koe-intake';
/** A small phone's screen (CSS pixels), where kintone shows its mobile view. */
const PHONE = { width: 360, height: 740 };

/** What the record on the test page (app.js) must put into every submission: its fields, the login user, the IDs. */
const RECORD_CONTEXT = {
  'customer.companyId': 'C-KIN-0042', // entered full-width in kintone (Ｃ－ＫＩＮ－００４２), normalised
  'customer.companyName': '株式会社みらい工業',
  'customer.contactName': '高橋 美咲',
  'deal.id': 'D-2026-0108',
  'deal.stage': '提案',
  leadSource: 'ウェブセミナー',
  'reporter.id': 'sato',
  'reporter.name': '佐藤 健一',
  'custom.kintoneAppId': '42',
  'custom.kintoneRecordId': '108',
  locale: 'ja',
};

/** The record details screen on PC (record.html) or on a phone (mobile-record.html, 360 px wide). */
async function openRecord(page, { mobile, query }) {
  if (mobile) await page.setViewportSize(PHONE);
  await page.goto(`/hosts/kintone/${mobile ? 'mobile-record' : 'record'}.html?${query}`);
  await page.locator(`${SPACE_FORM} textarea`).waitFor();
}

/** On a phone: nothing inside the form (or the snippet's dialog) reaches past the screen's edges, and the page never scrolls sideways. */
async function expectFitsPhone(page, selector) {
  const overflow = await page.locator(selector).evaluate((host, width) => {
    const outside = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width > 1 && (box.left < -0.5 || box.right > width + 0.5)) outside.push(`${el.localName}.${el.className} ${Math.round(box.left)}–${Math.round(box.right)}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(host.shadowRoot);
    const page = document.scrollingElement.scrollWidth;
    return { outside, page };
  }, PHONE.width);
  assert(overflow.outside.length === 0, `on a ${PHONE.width} px phone these reach past the screen: ${overflow.outside.slice(0, 5).join('; ')}`);
  assert(overflow.page <= PHONE.width, `the ${PHONE.width} px wide page scrolls sideways (${overflow.page} px)`);
}

function customizationRow(mobile) {
  return async (world, row) => {
    row.embed = mobile
      ? { host: 'kintone mobile (customization)', artifact: 'kintone/koe-kintone.js', loadedAs: 'the same two files in the mobile JS slot', checked: 'mobile API + event, 360 px, snippet' }
      : { host: 'kintone (customization)', artifact: 'kintone/koe-kintone.js', loadedAs: 'JS customization + window.koeKintone settings file', checked: 'Space field, field mapping, login user' };
    return hostRow(world, row, {}, async (page) => {
      await openRecord(page, { mobile, query: 'mode=customization' });
      const line = await page.locator(`${SPACE_FORM} [part=context]`).textContent();
      assert(line.includes('株式会社みらい工業') && line.includes('佐藤 健一'), `the context line shows "${line}"`);
      const marked = await page.locator('[data-fk-field="メール本文"] .fk-value[data-koe-snippet-field]').count();
      assert(marked === 1 && (await page.locator('[data-fk-space="koe"] > koe-snippet').count()) === 1, 'the email field is not covered by <koe-snippet>');
      if (mobile) await expectFitsPhone(page, SPACE_FORM);
      const text = mobile ? 'kintone のモバイル画面から登録した顧客の声です。' : 'kintone のレコードから登録した顧客の声です。';
      assert((await fileVoice(page, text, { selector: SPACE_FORM })) === 'sent', 'not sent');
      return {
        id: await lastSentId(page),
        expected: { 'voice.text': text, ...RECORD_CONTEXT },
        note: mobile
          ? 'mounted in the Space field on mobile.app.record.detail.show through kintone.mobile.app.record; fits 360 px; context stored'
          : 'mounted in the Space field on app.record.detail.show; context from the record and the login user stored',
      };
    });
  };
}

export const kintoneCustomization = customizationRow(false);
export const kintoneMobileCustomization = customizationRow(true);

/** The settings screen by keyboard: a save with nothing filled shows both problems; then filled in and saved. */
async function configurePlugin(page, pluginId, endpoint) {
  await page.goto(`/hosts/kintone/settings.html?plugin=${pluginId}&lang=en`);
  await page.getByRole('heading', { name: 'Koe customer voice settings' }).waitFor();
  assert((await axeViolations(page, '.koe-settings')).length === 0, 'axe finds problems on the English settings screen');
  await page.goto(`/hosts/kintone/settings.html?plugin=${pluginId}`);
  const endpointBox = page.getByLabel('送信先URL');
  await endpointBox.waitFor();
  await page.keyboard.press('Tab');
  assert(await endpointBox.evaluate((el) => el === document.activeElement), 'Tab does not reach the endpoint first');
  await page.keyboard.press('Enter'); // submits the form from the keyboard
  await page.getByText('2件の項目を確認してください。').waitFor();
  assert(await endpointBox.evaluate((el) => el === document.activeElement && el.getAttribute('aria-invalid') === 'true'), 'focus did not go to the first problem');
  assert((await page.locator('#koe-endpoint-error').textContent()) === '送信先URLを入力してください。', 'the endpoint problem is not shown');
  const axeWithErrors = await axeViolations(page, '.koe-settings');
  assert(axeWithErrors.length === 0, `axe with errors shown: ${axeWithErrors.join(', ')}`);
  await page.keyboard.type(endpoint);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // the first Space field on the form: koe
  assert((await page.getByLabel('フォームを表示するスペース').inputValue()) === 'koe', 'the Space was not chosen from the keyboard');
  // The mapping lists are native selects: chosen here by value for brevity (the Space above shows the keyboard path).
  const mapping = { 会社ID: '会社ID', 会社名: '会社名', 先方担当者名: '先方担当者', 商談ID: '商談ID', 商談フェーズ: 'フェーズ', リードソース: '流入経路' };
  for (const [label, code] of Object.entries(mapping)) await page.getByLabel(label, { exact: true }).selectOption(code);
  await page.getByLabel('文章を選んで顧客の声にできるフィールド').selectOption('メール本文');
  await page.getByRole('button', { name: '保存する' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/hosts/kintone/plugins.html?saved=1');
  return page.evaluate((id) => JSON.parse(localStorage.getItem(`fake-kintone:plugin-config:42:${id}`)), pluginId);
}

/** Selects `sentence` inside the email field and files it: with Alt+Shift+V on PC, by tapping the button on a phone. */
async function fileSelection(page, sentence, { mobile }) {
  await page.locator('[data-fk-field="メール本文"] .fk-value').evaluate((value, s) => {
    const node = value.firstChild;
    const start = node.textContent.indexOf(s);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + s.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, sentence);
  const button = page.locator('[data-fk-space="koe"] > koe-snippet [part=button]');
  await button.waitFor();
  if (mobile) await button.click();
  else await page.keyboard.press('Alt+Shift+V');
  await page.locator(`${SNIPPET_FORM} textarea`).waitFor();
  if (mobile) await expectFitsPhone(page, '[data-fk-space="koe"] > koe-snippet');
  await page.locator(`${SNIPPET_FORM} .chip`).first().click();
  await page.locator(`${SNIPPET_FORM} [part=submit]`).click();
  await until(async () => (await page.locator(SNIPPET_FORM).getAttribute('state')) === 'sent', 'the snippet dialog to send');
}

function pluginRow(mobile) {
  return async (world, row) => {
    row.embed = mobile
      ? { host: 'kintone mobile (plug-in)', artifact: 'kintone/koe-kintone-plugin.zip', loadedAs: 'signed plug-in: settings screen, then mobile.js', checked: 'manifest mobile entry, 360 px, snippet by tap' }
      : { host: 'kintone (plug-in)', artifact: 'kintone/koe-kintone-plugin.zip', loadedAs: 'signed plug-in: settings screen, then desktop.js', checked: 'signature, keyboard settings, axe, snippet' };
    const { pluginId, manifest } = await publishArtifacts();
    assert(manifest.config.required_params.join() === 'endpoint,spaceId', 'the manifest does not require the endpoint and Space');
    assert(manifest.desktop.js.join() === 'js/desktop.js' && manifest.mobile?.js.join() === 'js/mobile.js', `the manifest's record screen scripts: desktop ${manifest.desktop.js}, mobile ${manifest.mobile?.js}`);
    return hostRow(world, row, {}, async (page) => {
      const endpoint = `${world.base}/api/intake`;
      const saved = await configurePlugin(page, pluginId, endpoint);
      assert(saved.endpoint === endpoint && saved.spaceId === 'koe' && saved.dealStage === 'フェーズ' && saved.snippetField === 'メール本文', `saved settings: ${JSON.stringify(saved)}`);
      assert(Object.values(saved).every((v) => typeof v === 'string'), 'setConfig was given a value that is not a string');
      await openRecord(page, { mobile, query: `mode=plugin&plugin=${pluginId}` });
      const sentence = '先日のデモで、現場の担当者から「これなら紙の日報をやめられる」という声が上がりました。';
      await fileSelection(page, sentence, { mobile });
      return {
        id: await lastSentId(page),
        expected: { 'voice.text': sentence, 'origin.fromSelection': true, ...RECORD_CONTEXT },
        note: mobile
          ? `plug-in ${pluginId}: mobile.js from the zip on the mobile record screen; a sentence selected and filed by tapping, the dialog within 360 px; stored with the record's context`
          : `plug-in ${pluginId} (signature verified); settings saved from the keyboard, axe clean in ja and en; a selected sentence stored with the record's context`,
      };
    });
  };
}

export const kintonePlugin = pluginRow(false);
export const kintoneMobilePlugin = pluginRow(true);
