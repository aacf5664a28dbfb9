// Matrix rows on the kintone-shaped test page (tests/e2e/hosts/kintone/: exactly the documented kintone JavaScript API
// the customization and plug-in call, cybozu.dev pages named there): the customization file, and the signed plug-in
// zip, configured on its settings screen with the keyboard, then used on a record through <koe-snippet>.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assert, until } from './harness.mjs';
import { fileVoice } from './pages.mjs';
import { publishArtifacts } from './embed-artifacts.mjs';
import { hostRow, lastSentId } from './embed-scripts.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SPACE_FORM = '[data-fk-space="koe"] > koe-intake';

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

/** axe-core on the page (or inside `selector`): the violations' ids. */
async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async (sel) => (await window.axe.run(sel ? document.querySelector(sel) : document)).violations.map((v) => `${v.id} (${v.nodes.length})`), selector);
}

export async function kintoneCustomization(world, row) {
  row.embed = { host: 'kintone (customization)', artifact: 'kintone/koe-kintone.js', loadedAs: 'JS customization + window.koeKintone settings file', checked: 'Space field, field mapping, login user' };
  return hostRow(world, row, {}, async (page) => {
    await page.goto('/hosts/kintone/record.html?mode=customization');
    await page.locator(`${SPACE_FORM} textarea`).waitFor();
    const line = await page.locator(`${SPACE_FORM} [part=context]`).textContent();
    assert(line.includes('株式会社みらい工業') && line.includes('佐藤 健一'), `the context line shows "${line}"`);
    const marked = await page.locator('[data-fk-field="メール本文"] .fk-value[data-koe-snippet-field]').count();
    assert(marked === 1 && (await page.locator('[data-fk-space="koe"] > koe-snippet').count()) === 1, 'the email field is not covered by <koe-snippet>');
    const text = 'kintone のレコードから登録した顧客の声です。';
    assert((await fileVoice(page, text, { selector: SPACE_FORM })) === 'sent', 'not sent');
    return {
      id: await lastSentId(page),
      expected: { 'voice.text': text, ...RECORD_CONTEXT },
      note: 'mounted in the Space field on app.record.detail.show; context from the record and the login user stored',
    };
  });
}

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

/** Selects `sentence` inside the email field and files it with Alt+Shift+V, as a rep would. */
async function fileSelection(page, sentence) {
  await page.locator('[data-fk-field="メール本文"] .fk-value').evaluate((value, s) => {
    const node = value.firstChild;
    const start = node.textContent.indexOf(s);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + s.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, sentence);
  await page.locator('[data-fk-space="koe"] > koe-snippet [part=button]').waitFor();
  await page.keyboard.press('Alt+Shift+V');
  const inner = '[data-fk-space="koe"] > koe-snippet koe-intake';
  await page.locator(`${inner} textarea`).waitFor();
  await page.locator(`${inner} .chip`).first().click();
  await page.locator(`${inner} [part=submit]`).click();
  await until(async () => (await page.locator(inner).getAttribute('state')) === 'sent', 'the snippet dialog to send');
}

export async function kintonePlugin(world, row) {
  row.embed = { host: 'kintone (plug-in)', artifact: 'kintone/koe-kintone-plugin.zip', loadedAs: 'signed plug-in: settings screen, then desktop.js', checked: 'signature, keyboard settings, axe, snippet' };
  const { pluginId, manifest } = await publishArtifacts();
  assert(manifest.config.required_params.join() === 'endpoint,spaceId', 'the manifest does not require the endpoint and Space');
  return hostRow(world, row, {}, async (page) => {
    const endpoint = `${world.base}/api/intake`;
    const saved = await configurePlugin(page, pluginId, endpoint);
    assert(saved.endpoint === endpoint && saved.spaceId === 'koe' && saved.dealStage === 'フェーズ' && saved.snippetField === 'メール本文', `saved settings: ${JSON.stringify(saved)}`);
    assert(Object.values(saved).every((v) => typeof v === 'string'), 'setConfig was given a value that is not a string');
    await page.goto(`/hosts/kintone/record.html?mode=plugin&plugin=${pluginId}`);
    await page.locator(`${SPACE_FORM} textarea`).waitFor();
    const sentence = '先日のデモで、現場の担当者から「これなら紙の日報をやめられる」という声が上がりました。';
    await fileSelection(page, sentence);
    return {
      id: await lastSentId(page),
      expected: { 'voice.text': sentence, 'origin.fromSelection': true, ...RECORD_CONTEXT },
      note: `plug-in ${pluginId} (signature verified); settings saved from the keyboard, axe clean in ja and en; a selected sentence stored with the record's context`,
    };
  });
}
