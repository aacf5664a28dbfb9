// The early words box: a <textarea> the page puts inside <koe-intake> takes typing before Koe's script has run, and what
// was typed (with the caret and the focus) moves into the form once it is drawn. Each test is a page in a frame whose
// Koe script the test loads when it chooses, after real key presses in the page's box.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { records } from './intake-helpers.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

/** The page as an integrator writes it (README, "Typing before the script has run"). */
const PAGE = `<!doctype html><html lang="ja"><body>
<input id="search" aria-label="検索">
<koe-intake endpoint="/api/intake" company-id="C-early" reporter-id="u-early">
  <textarea aria-label="お客様の言葉" rows="4"></textarea>
</koe-intake>
</body></html>`;

const DEFINE = new URL('../../src/intake/define.ts', import.meta.url).href;

let frame: HTMLIFrameElement;

async function openPage(): Promise<Document> {
  frame = document.createElement('iframe');
  frame.style.width = '600px';
  frame.style.height = '700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = PAGE;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

/** Koe's script arrives: the element upgrades and draws its form. */
async function loadKoe(doc: Document): Promise<KoeIntake> {
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = DEFINE;
  doc.head.append(script);
  const el = doc.querySelector('koe-intake') as KoeIntake;
  await until(() => el.shadowRoot?.querySelector('textarea'), "the form's words box");
  await el.updateComplete;
  return el;
}

const wordsBox = (el: KoeIntake) => el.shadowRoot!.querySelector('textarea')!;
const pageBox = (doc: Document) => doc.querySelector<HTMLTextAreaElement>('koe-intake > textarea')!;

describe('<koe-intake> early words box', () => {
  beforeEach(resetWorld);
  afterEach(() => frame.remove());

  it('takes typing before the script, then moves the text, caret and focus into the form, which sends it', async () => {
    const doc = await openPage();
    expect(doc.defaultView!.customElements.get('koe-intake')).to.equal(undefined);
    const box = pageBox(doc);
    expect(box.getClientRects().length, 'the page shows its box before Koe runs').to.be.greaterThan(0);
    box.focus();
    await sendKeys({ type: 'price clear' });
    for (let i = 0; i < 'clear'.length; i += 1) await sendKeys({ press: 'ArrowLeft' });

    const el = await loadKoe(doc);
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
    const doc = await openPage();
    pageBox(doc).focus();
    await sendKeys({ type: 'typed first' });
    const search = doc.getElementById('search')!;
    search.focus();

    const el = await loadKoe(doc);
    expect(wordsBox(el).value).to.equal('typed first');
    expect(doc.activeElement, 'focus stays in the search box').to.equal(search);
  });

  it('changes nothing when the box is left empty: the form starts empty', async () => {
    const doc = await openPage();
    const el = await loadKoe(doc);
    expect(wordsBox(el).value).to.equal('');
    expect(el.state).to.equal('empty');
    expect(pageBox(doc).getClientRects().length).to.equal(0);
  });
});
