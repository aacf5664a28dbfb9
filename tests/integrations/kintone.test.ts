// The kintone customization and plug-in, piece by piece: reading a record's fields, the settings kintone stores
// (strings only), what the settings screen offers and refuses; then the customization on the kintone-shaped test page's
// record details screen (tests/e2e/hosts/kintone/, the documented kintone JavaScript API only), on PC and on a phone,
// posting to the real receiver. The built files on that page, the plug-in's among them, run in the e2e embed matrix.
import { expect, fixture, html } from '@open-wc/testing';
import { fieldText, recordContext, type RecordDetailEvent } from '../../integrations/kintone/src/mount.js';
import { elementLocale, fromPluginConfig, toPluginConfig, type KoeKintoneConfig } from '../../integrations/kintone/src/config.js';
import { fieldChoices, spaceIds } from '../../integrations/kintone/src/form-info.js';
import { renderSettings, settingsProblems } from '../../integrations/kintone/src/settings-form.js';
import { settingsStrings } from '../../integrations/kintone/src/settings-strings.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import type { KoeSnippet } from '../../src/snippet/koe-snippet.js';
import { records, untilState } from '../elements/intake-helpers.js';
import { $, $$ } from '../shadow.js';

const ja = settingsStrings('ja');
const user = { code: 'sato', name: '佐藤 健一' };

describe('kintone: reading a record', () => {
  it('reads text, choice, number and user fields as one line of text; empty ones as nothing', () => {
    expect(fieldText({ type: 'SINGLE_LINE_TEXT', value: '株式会社みらい工業' })).to.equal('株式会社みらい工業');
    expect(fieldText({ type: 'NUMBER', value: '1200000' })).to.equal('1200000');
    expect(fieldText({ type: 'CHECK_BOX', value: ['展示会', 'ウェブ'] })).to.equal('展示会, ウェブ');
    expect(fieldText({ type: 'USER_SELECT', value: [{ code: 'sato', name: '佐藤 健一' }, { code: 'kato', name: '加藤 花' }] })).to.equal('佐藤 健一, 加藤 花');
    expect(fieldText({ type: 'SINGLE_LINE_TEXT', value: '   ' })).to.equal(undefined);
    expect(fieldText({ type: 'CHECK_BOX', value: [] })).to.equal(undefined);
    expect(fieldText(undefined)).to.equal(undefined);
  });

  it('fills the context from the mapped fields, the login user and the record, and nothing from unmapped ones', () => {
    const event: RecordDetailEvent = {
      type: 'mobile.app.record.detail.show',
      appId: 7,
      recordId: 31,
      record: { 会社: { value: 'C-1' }, 段階: { type: 'DROP_DOWN', value: '' }, 担当者: { value: '高橋' }, 予算: { value: '100' } },
    };
    const config: KoeKintoneConfig = { endpoint: 'https://koe.example.com/api/intake', spaceId: 'koe', fields: { companyId: '会社', dealStage: '段階', contactName: '担当者', leadSource: 'ない項目' } };
    expect(recordContext(config, event, user)).to.deep.equal({
      reporterId: 'sato',
      reporterName: '佐藤 健一',
      kintoneAppId: '7',
      kintoneRecordId: '31',
      companyId: 'C-1',
      contactName: '高橋',
    });
  });
});

describe('kintone: plug-in settings as stored', () => {
  it('stores strings only and reads back what it stored', () => {
    const config: KoeKintoneConfig = { endpoint: 'https://koe.example.com/api/intake', spaceId: 'koe', fields: { companyId: '会社ID', dealStage: 'フェーズ' }, snippetField: 'メール本文', locale: 'en' };
    const saved = toPluginConfig(config);
    expect(Object.values(saved).every((v) => typeof v === 'string')).to.equal(true);
    expect(fromPluginConfig(saved)).to.deep.equal(config);
  });

  it('reads a plug-in that was never configured, or a bad language, as empty and automatic', () => {
    expect(fromPluginConfig({})).to.deep.equal({ endpoint: '', spaceId: '', fields: {}, snippetField: undefined, locale: 'auto' });
    expect(fromPluginConfig({ locale: 'fr' }).locale).to.equal('auto');
  });

  it('follows the kintone user language when automatic', () => {
    expect(elementLocale('auto', 'ja')).to.equal('ja');
    expect(elementLocale('auto', 'zh-TW')).to.equal('en');
    expect(elementLocale('ja', 'en')).to.equal('ja');
  });
});

describe('kintone: the settings screen', () => {
  it('offers every Space field (groups included) and the fields Koe can read, in Japanese label order', () => {
    expect(spaceIds([
      { type: 'ROW', fields: [{ type: 'SPACER', elementId: 'top' }, { type: 'SPACER', elementId: '' }, { type: 'HR' }] },
      { type: 'GROUP', layout: [{ type: 'ROW', fields: [{ type: 'SPACER', elementId: 'koe' }] }] },
      { type: 'SUBTABLE', fields: [{ type: 'SINGLE_LINE_TEXT' }] },
    ])).to.deep.equal(['top', 'koe']);
    const choices = fieldChoices({
      本文: { type: 'MULTI_LINE_TEXT', code: '本文', label: 'メール本文' },
      会社: { type: 'SINGLE_LINE_TEXT', code: '会社', label: '会社名' },
      明細: { type: 'SUBTABLE', code: '明細', label: '明細' },
      添付: { type: 'FILE', code: '添付', label: '添付' },
    });
    expect(choices.textFields).to.deep.equal([{ code: '会社', label: '会社名' }]);
    // Japanese collation: kana before kanji.
    expect(choices.bodyFields.map((f) => f.label)).to.deep.equal(['メール本文', '会社名']);
  });

  it('refuses an endpoint that is not an absolute https URL, and a missing Space', () => {
    const problems = (endpoint: string, spaceId = 'koe') => settingsProblems({ endpoint, spaceId }, ja);
    expect(problems('https://koe.example.com/api/intake')).to.deep.equal({});
    expect(problems('')).to.deep.equal({ endpoint: ja.endpointProblem.missing });
    expect(problems('/api/intake').endpoint).to.equal(ja.endpointProblem.invalid);
    expect(problems('http://koe.example.com/api/intake').endpoint).to.equal(ja.endpointProblem['insecure-http']);
    expect(problems('https://user:pw@koe.example.com/api/intake').endpoint).to.equal(ja.endpointProblem.credentials);
    expect(problems('https://koe.example.com/api/intake', '')).to.deep.equal({ spaceId: ja.spaceMissing });
  });

  it('shows saved values, keeps one that left the form, marks problems and saves only a valid form', async () => {
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const saves: KoeKintoneConfig[] = [];
    const saved: KoeKintoneConfig = { endpoint: '', spaceId: 'old-space', fields: { companyId: '会社' }, locale: 'auto' };
    const choices = { spaces: ['koe'], textFields: [{ code: '会社', label: '会社名' }], bodyFields: [] };
    renderSettings(root, ja, 'ja', saved, choices, { save: (c) => saves.push(c), cancel: () => undefined });
    const space = root.querySelector<HTMLSelectElement>('#koe-spaceId')!;
    expect(space.value).to.equal('old-space');
    expect(space.selectedOptions[0]!.textContent).to.equal(ja.notOnForm('old-space'));
    await expect(root.querySelector('.koe-settings')).to.be.accessible();

    root.querySelector<HTMLButtonElement>('.koe-save')!.click();
    const endpoint = root.querySelector<HTMLInputElement>('#koe-endpoint')!;
    expect(saves).to.deep.equal([]);
    expect(endpoint.getAttribute('aria-invalid')).to.equal('true');
    expect(endpoint.getAttribute('aria-describedby')).to.contain('koe-endpoint-error');
    expect(document.activeElement).to.equal(endpoint);
    expect(root.querySelector('.koe-status')!.textContent).to.equal(ja.fixErrors(1));
    await expect(root.querySelector('.koe-settings')).to.be.accessible();

    endpoint.value = 'https://koe.example.com/api/intake';
    space.value = 'koe';
    root.querySelector<HTMLButtonElement>('.koe-save')!.click();
    expect(saves).to.deep.equal([{ endpoint: 'https://koe.example.com/api/intake', spaceId: 'koe', fields: { companyId: '会社' }, snippetField: undefined, locale: 'auto' }]);
    expect(endpoint.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('says so when the form could not be read, and still shows what was saved', async () => {
    const root = await fixture<HTMLElement>(html`<div></div>`);
    renderSettings(root, settingsStrings('en'), 'en', fromPluginConfig({ endpoint: 'https://koe.example.com/api/intake', spaceId: 'koe' }), undefined, { save: () => undefined, cancel: () => undefined });
    expect(root.querySelector('[role=alert]')!.textContent).to.equal(settingsStrings('en').formUnavailable);
    expect(root.querySelector<HTMLSelectElement>('#koe-spaceId')!.value).to.equal('koe');
    await expect(root.querySelector('.koe-settings')).to.be.accessible();
  });
});

declare global {
  interface Window {
    /** From the kintone-shaped test page (tests/e2e/hosts/kintone/). */
    fakeKintoneDrawRecord(container: HTMLElement): void;
    fakeKintoneShowRecord(): void;
  }
}

/** Runs the test page's scripts as kintone's page has them: classic scripts, one after another. */
async function loadScripts(names: string[]): Promise<void> {
  for (const name of names) {
    await new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: `/tests/e2e/hosts/kintone/${name}`, onload: resolve, onerror: reject });
      document.head.append(script);
    });
  }
}

/** A small phone's screen width, in CSS pixels. */
const PHONE_WIDTH = 360;

/**
 * Draws the record on the PC ('record') or mobile ('mobile-record') screen, fires its show event; the mounted form. The
 * mobile screen is drawn PHONE_WIDTH wide (a box of that width rather than the window: WebKit's driver cannot resize it).
 */
async function showRecord(screen: 'record' | 'mobile-record'): Promise<{ page: HTMLElement; intake: KoeIntake; snippet: KoeSnippet }> {
  document.body.dataset.screen = screen;
  const width = screen === 'mobile-record' ? `${PHONE_WIDTH}px` : 'auto';
  const page = await fixture<HTMLElement>(html`<main class="fk-record" style="width: ${width}"></main>`);
  window.fakeKintoneDrawRecord(page);
  window.fakeKintoneShowRecord();
  const intake = page.querySelector<KoeIntake>('[data-fk-space="koe"] > koe-intake');
  const snippet = page.querySelector<KoeSnippet>('[data-fk-space="koe"] > koe-snippet');
  expect(intake, 'no <koe-intake> in the Space field').to.be.instanceOf(HTMLElement);
  expect(snippet, 'no <koe-snippet> in the Space field').to.be.instanceOf(HTMLElement);
  // <koe-snippet> defines <koe-intake> after its first paint (as the customization file ships it).
  await customElements.whenDefined('koe-intake');
  await intake!.updateComplete;
  return { page, intake: intake!, snippet: snippet! };
}

/** Files a voice from the form and returns what the real receiver stored. */
async function fileVoice(intake: KoeIntake, text: string) {
  const textarea = $<HTMLTextAreaElement>(intake, 'textarea');
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  $<HTMLButtonElement>(intake, '.chip').click();
  await intake.updateComplete;
  $<HTMLButtonElement>(intake, '[part=submit]').click();
  await untilState(intake, 'sent');
  return (await records()).find((line) => line.record.voice.text === text)?.record;
}

/** What the record on the test page (app.js) puts into every voice: its fields, the login user, the app and record. */
const RECORD_CONTEXT = {
  customer: { companyId: 'C-KIN-0042', companyName: '株式会社みらい工業', contactName: '高橋 美咲' },
  deal: { id: 'D-2026-0108', stage: '提案' },
  leadSource: 'ウェブセミナー',
  reporter: { id: 'sato', name: '佐藤 健一' },
  custom: { kintoneAppId: '42', kintoneRecordId: '108' },
};

describe('kintone: the customization on the record details screen, PC and mobile', () => {
  before(async () => {
    // The test page's kintone (app.js, fake-kintone.js), its record drawing, and the customization's settings file.
    await loadScripts(['app.js', 'fake-kintone.js', 'draw-record.js', 'koe-kintone-config.js']);
    // The customization registers its handlers as it loads: after kintone exists, as on kintone's page.
    await import('../../src/snippet/define.js');
    await import('../../integrations/kintone/src/customization.js');
  });
  afterEach(() => {
    delete document.body.dataset.screen;
  });

  it('on a phone: mounts in the Space through the mobile API, fits 360 px, and a voice reaches the receiver with the record\'s context', async () => {
    const { page, intake } = await showRecord('mobile-record');
    expect(kintone.mobile.app.record.getSpaceElement('koe')!.firstElementChild).to.equal(intake);
    expect($(intake, '[part=context]').textContent).to.contain('株式会社みらい工業').and.contain('佐藤 健一');
    const screen = page.getBoundingClientRect();
    const outside = $$(intake, '*').filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 1 && (box.left < screen.left || box.right > screen.left + PHONE_WIDTH);
    });
    expect(outside.map((el) => `${el.localName}.${el.className}`), `reach past a ${PHONE_WIDTH} px screen`).to.deep.equal([]);
    expect(page.scrollWidth, 'the screen never scrolls sideways').to.be.at.most(PHONE_WIDTH);
    await expect(intake).to.be.accessible();

    const stored = await fileVoice(intake, 'スマートフォンのkintoneから登録した顧客の声です。');
    expect(stored).to.deep.include({ locale: 'ja', leadSource: RECORD_CONTEXT.leadSource, custom: RECORD_CONTEXT.custom });
    expect(stored!.customer).to.deep.include(RECORD_CONTEXT.customer);
    expect(stored!.deal).to.deep.include(RECORD_CONTEXT.deal);
    expect(stored!.reporter).to.deep.equal(RECORD_CONTEXT.reporter);
  });

  it('on a phone: <koe-snippet> covers the chosen field, found through the mobile API', async () => {
    const { snippet } = await showRecord('mobile-record');
    const field = kintone.mobile.app.record.getFieldElement('メール本文')!;
    expect(document.querySelectorAll(snippet.for!)).to.have.length(1);
    expect(document.querySelector(snippet.for!)).to.equal(field);
  });

  it('on PC: unchanged, through the PC API on app.record.detail.show, and a voice reaches the receiver', async () => {
    const { intake, snippet } = await showRecord('record');
    expect(kintone.app.record.getSpaceElement('koe')!.firstElementChild).to.equal(intake);
    expect(document.querySelector(snippet.for!)).to.equal(kintone.app.record.getFieldElement('メール本文'));
    const stored = await fileVoice(intake, 'PCのkintoneから登録した顧客の声です。');
    expect(stored!.customer).to.deep.include(RECORD_CONTEXT.customer);
    expect(stored!.reporter).to.deep.equal(RECORD_CONTEXT.reporter);
    expect(stored!.custom).to.deep.equal(RECORD_CONTEXT.custom);
  });
});
