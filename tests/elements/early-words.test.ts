// The early words box: a <textarea> the page puts inside <koe-intake> takes typing before Koe's script has run, and what
// was typed (with the caret and the focus) moves into the form once it is drawn. Each test is a host page in a frame
// (tests/embed/host-page.ts) whose Koe script, the module from src/, the test adds after real key presses in the page's
// box. (tests/embed/standalone-early-words.test.ts does the same with the shipped standalone file.)
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { records } from './intake-helpers.js';
import { until } from '../wait.js';
import { hostPages, type HostPage } from '../embed/host-page.js';

/** The page as an integrator writes it (README, "Typing before the script has run"). */
const BODY = `<input id="search" aria-label="検索">
<koe-intake endpoint="/api/intake" company-id="C-early" reporter-id="u-early">
  <textarea aria-label="お客様の言葉" rows="4"></textarea>
</koe-intake>`;

const DEFINE = new URL('../../src/intake/define.ts', import.meta.url).href;

/** Koe's script arrives: the element upgrades and draws its form. */
async function loadKoe(page: HostPage): Promise<KoeIntake> {
  await page.addScript(DEFINE, { module: true });
  const el = page.document.querySelector('koe-intake') as KoeIntake;
  await until(() => el.shadowRoot?.querySelector('textarea'), "the form's words box");
  await el.updateComplete;
  return el;
}

const wordsBox = (el: KoeIntake) => el.shadowRoot!.querySelector('textarea')!;
const pageBox = (page: HostPage) => page.document.querySelector<HTMLTextAreaElement>('koe-intake > textarea')!;

describe('<koe-intake> early words box', () => {
  const pages = hostPages([]);

  it('takes typing before the script, then moves the text, caret and focus into the form, which sends it', async () => {
    const page = await pages.open(BODY);
    expect(page.window.customElements.get('koe-intake')).to.equal(undefined);
    const box = pageBox(page);
    expect(box.getClientRects().length, 'the page shows its box before Koe runs').to.be.greaterThan(0);
    box.focus();
    await sendKeys({ type: 'price clear' });
    for (let i = 0; i < 'clear'.length; i += 1) await sendKeys({ press: 'ArrowLeft' });

    const el = await loadKoe(page);
    const words = wordsBox(el);
    expect(words.value).to.equal('price clear');
    expect(el.shadowRoot!.activeElement, 'focus is in the form').to.equal(words);
    expect([words.selectionStart, words.selectionEnd], 'the caret where it was').to.deep.equal([6, 6]);
    expect(box.getClientRects().length, "the page's box is no longer shown").to.equal(0);
    expect(el.state).to.equal('editing');

    // Typing goes on at the caret, in the form now.
    await sendKeys({ type: 'was ' });
    expect(words.value).to.equal('price was clear');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.chip[data-tag="praise"]')!.click();
    expect(await el.submit()).to.equal('sent');
    const stored = await records();
    expect(stored.map((line) => [line.record.voice.text, line.record.customer.companyId])).to.deep.equal([['price was clear', 'C-early']]);
  });

  it('moves the text but leaves the focus where the user is when the box is not focused', async () => {
    const page = await pages.open(BODY);
    pageBox(page).focus();
    await sendKeys({ type: 'typed first' });
    const search = page.document.getElementById('search')!;
    search.focus();

    const el = await loadKoe(page);
    expect(wordsBox(el).value).to.equal('typed first');
    expect(page.document.activeElement, 'focus stays in the search box').to.equal(search);
  });

  it('changes nothing when the box is left empty: the form starts empty', async () => {
    const page = await pages.open(BODY);
    const el = await loadKoe(page);
    expect(wordsBox(el).value).to.equal('');
    expect(el.state).to.equal('empty');
    expect(pageBox(page).getClientRects().length).to.equal(0);
  });
});
