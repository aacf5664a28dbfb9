// The shipped standalone files loaded as host pages load them: a classic <script src> or a module from an opaque upload
// URL, and two copies on one page (same version: silent; another version: one warning). Each files one submission that
// the real receiver stores. Runs in Chromium, Firefox and WebKit (the e2e embed matrix covers Chromium only).
import { expect } from '@open-wc/testing';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { fill, pickTag, records } from '../elements/intake-helpers.js';
import { until } from '../wait.js';
import { hostPages, type HostPage, OTHER_UPLOAD, OTHER_VERSION, SECOND_UPLOAD, UPLOADS } from './host-page.js';

const INTAKE = `${UPLOADS}/koe-intake.js?v=3`;

/** The page's <koe-intake> once its form is drawn. */
async function drawnIntake(host: HostPage): Promise<KoeIntake> {
  const el = host.document.querySelector('koe-intake') as KoeIntake;
  await until(() => el.shadowRoot?.querySelector('textarea'), "<koe-intake>'s form");
  await el.updateComplete;
  return el;
}

/** Types `text`, picks a tag and sends; returns the state the form ends in. */
async function file(el: KoeIntake, text: string): Promise<string> {
  await fill(el, text);
  await pickTag(el, 'praise');
  return el.submit();
}

async function storedVoices(): Promise<string[][]> {
  return (await records()).map((line) => [line.record.voice.text, line.record.customer.companyId ?? '']);
}

/** The version in the served file's licence header (`/*! koe-widgets v0.1.0 | MIT …`). */
async function headerVersion(url: string): Promise<string | undefined> {
  return /^\/\*! koe-widgets v(\S+) \|/.exec(await (await fetch(url)).text())?.[1];
}

describe('standalone files in <script> tags', () => {
  const pages = hostPages([INTAKE, `${UPLOADS}/koe.js`, `${OTHER_UPLOAD}/koe.js`]);

  it('classic <script src> from an opaque URL: registers <koe-intake>, which renders and files a submission the receiver stores', async () => {
    const page = await pages.open('<koe-intake endpoint="/api/intake" company-id="C-classic" deal-id="D-classic" reporter-id="u-classic"></koe-intake>');
    expect(page.window.customElements.get('koe-intake'), 'nothing registered before the script').to.equal(undefined);
    await page.addScript(INTAKE);

    const el = await drawnIntake(page);
    expect(el.state).to.equal('empty');
    expect(page.versionOf('koe-intake'), 'the build stamped its version').to.equal(await headerVersion(INTAKE));
    expect(page.scriptsFetched(), 'one file, no chunk fetched').to.deep.equal([INTAKE]);
    expect(await file(el, 'クラシックスクリプトのフォームから送った声です。')).to.equal('sent');
    expect(await storedVoices()).to.deep.equal([['クラシックスクリプトのフォームから送った声です。', 'C-classic']]);
    const [line] = await records();
    expect([line!.record.deal.id, line!.record.reporter.id]).to.deep.equal(['D-classic', 'u-classic']);
    expect([page.errors, page.warnings]).to.deep.equal([[], []]);
  });

  it('the same file as <script type="module"> from an opaque URL: renders and files a submission', async () => {
    const page = await pages.open('<koe-intake endpoint="/api/intake" company-id="C-module"></koe-intake>', 'en');
    await page.addScript(INTAKE, { module: true });

    const el = await drawnIntake(page);
    expect(page.scriptsFetched()).to.deep.equal([INTAKE]);
    expect(await file(el, 'Sent from the form loaded as a module.')).to.equal('sent');
    expect(await storedVoices()).to.deep.equal([['Sent from the form loaded as a module.', 'C-module']]);
    expect([page.errors, page.warnings]).to.deep.equal([[], []]);
  });

  it('two copies of one version (two uploads, then koe.js): nothing thrown, nothing logged, the form files', async () => {
    const page = await pages.open('<koe-intake endpoint="/api/intake" company-id="C-twin"></koe-intake>');
    await page.addScript(INTAKE);
    await page.addScript(`${SECOND_UPLOAD}/koe-intake.js`);
    await page.addScript(`${UPLOADS}/koe.js`);

    expect([page.errors, page.warnings]).to.deep.equal([[], []]);
    expect(page.window.customElements.get('koe-consent'), 'koe.js still registers what was not taken').to.not.equal(undefined);
    expect(await file(await drawnIntake(page), '同じバージョンが二つあるページから送った声です。')).to.equal('sent');
    expect(await storedVoices()).to.deep.equal([['同じバージョンが二つあるページから送った声です。', 'C-twin']]);
  });

  it('a copy of another version: one warning naming both versions, never a throw; the first copy stays in use and files', async () => {
    const page = await pages.open('<koe-intake endpoint="/api/intake" company-id="C-two-versions"></koe-intake>');
    await page.addScript(INTAKE);
    const first = page.versionOf('koe-intake')!;
    expect(first).to.not.equal(OTHER_VERSION);
    // koe.js registers three tags, all three taken after this line: still one warning for the copy.
    await page.addScript(`${UPLOADS}/koe.js`);
    await page.addScript(`${OTHER_UPLOAD}/koe.js`);

    expect(page.errors).to.deep.equal([]);
    expect(page.warnings).to.have.length(1);
    expect(page.warnings[0]).to.include(OTHER_VERSION).and.include(first);
    expect(page.versionOf('koe-intake')).to.equal(first);
    expect(await file(await drawnIntake(page), '二つのバージョンが同居するページから送った声です。')).to.equal('sent');
    expect(await storedVoices()).to.deep.equal([['二つのバージョンが同居するページから送った声です。', 'C-two-versions']]);
  });
});
