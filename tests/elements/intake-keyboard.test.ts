// <koe-intake> keyboard: the one-minute path in ≤ 6 real key presses, Ctrl+Enter, and IME Enter that never submits.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/intake/define.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { Keyboard, deepActive, fill, pickTag, records, untilState } from './intake-helpers.js';
import { $ } from '../shadow.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

const QUOTE = '導入してから問い合わせ対応の時間が半分になりました';

async function crmPage(): Promise<{ before: HTMLButtonElement; el: KoeIntake }> {
  const page = await fixture(html`<div>
    <button id="before">商談メモ</button>
    <koe-intake endpoint="/api/intake" locale="ja" company-id="C-kb" deal-id="D-9" deal-stage="提案" reporter-id="u-kb"></koe-intake>
  </div>`);
  const el = page.querySelector('koe-intake')!;
  await el.updateComplete;
  return { before: page.querySelector('button')!, el };
}

/** A filled-in form (words and one tag) with the caret at the end of the text box; returns the text box. */
async function readyInTextBox(el: KoeIntake, text: string, tag: string): Promise<HTMLTextAreaElement> {
  await fill(el, text);
  await pickTag(el, tag);
  const textarea = $<HTMLTextAreaElement>(el, 'textarea');
  textarea.focus();
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  return textarea;
}

/** Counts koe-submit events: each one is an attempt to send. */
function countSubmits(el: KoeIntake): { readonly n: number; stop: () => void } {
  let n = 0;
  const on = () => (n += 1);
  el.addEventListener('koe-submit', on);
  return { get n() { return n; }, stop: () => el.removeEventListener('koe-submit', on) };
}

function key(init: KeyboardEventInit & { keyCode?: number }): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  // keyCode is a legacy init member not every engine honours; define it so the event carries 229 everywhere.
  if (init.keyCode !== undefined && event.keyCode !== init.keyCode) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  return event;
}

describe('<koe-intake> keyboard', () => {
  // Validation is synchronous, so a submit reaches koe-submit in the key press's task and "no koe-submit" below is conclusive.
  beforeEach(resetWorld);

  for (const [digit, tag] of [['1', 'case-study'], ['8', 'praise']] as const) {
    it(`files a Japanese quote with tag ${tag} in at most 6 key presses beyond the text`, async () => {
      const { before, el } = await crmPage();
      before.focus();
      const kb = new Keyboard();
      await kb.press('Tab');
      expect(deepActive()).to.equal($(el, 'textarea'));
      await kb.type(QUOTE);
      await kb.press('Tab');
      expect(deepActive()?.classList.contains('chip')).to.equal(true);
      await kb.press(digit);
      expect($(el, `.chip[data-tag="${tag}"]`).getAttribute('aria-pressed')).to.equal('true');
      await kb.chord('Control', 'Enter');
      await untilState(el, 'sent');
      const [stored] = await records();
      expect(stored!.record.voice.text).to.equal(QUOTE);
      expect(stored!.record.tags).to.deep.equal([tag]);
      expect(stored!.record.deal).to.deep.equal({ id: 'D-9', stage: '提案' });
      expect(kb.presses).to.be.at.most(6);
    });
  }

  it('moves between chips with arrow keys and toggles with Space (one tab stop)', async () => {
    const { el } = await crmPage();
    $<HTMLButtonElement>(el, '.chip').focus();
    const kb = new Keyboard();
    await kb.press('ArrowRight');
    await kb.press('ArrowRight');
    expect(deepActive()).to.equal($(el, '.chip[data-tag="great-answer"]'));
    await kb.press(' ');
    expect($(el, '.chip[data-tag="great-answer"]').getAttribute('aria-pressed')).to.equal('true');
    await kb.press('End');
    expect(deepActive()).to.equal($(el, '.chip[data-tag="praise"]'));
    expect(el.shadowRoot!.querySelectorAll('.chip[tabindex="0"]')).to.have.length(1);
    await kb.press(' ');
    await kb.press(' ');
    expect($(el, '.chip[data-tag="praise"]').getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('sends with Ctrl+Enter from any field, while plain Enter in the text box is a new line', async () => {
    const { el } = await crmPage();
    const textarea = await readyInTextBox(el, '一行目', 'faq');
    const kb = new Keyboard();
    await kb.press('Enter');
    await kb.type('二行目');
    expect(textarea.value).to.equal('一行目\n二行目');
    expect(el.state).to.equal('editing');

    $<HTMLSelectElement>(el, '#permission').focus();
    await kb.chord('Control', 'Enter');
    await untilState(el, 'sent');
    expect((await records())[0]!.record.voice.text).to.equal('一行目\n二行目');
  });

  it('sends with ⌘+Enter (the Mac shortcut, metaKey) from the text box, where plain Enter is a new line', async () => {
    const { el } = await crmPage();
    await readyInTextBox(el, 'Macでの声', 'praise');
    const seen: KeyboardEvent[] = [];
    const watch = (event: KeyboardEvent) => {
      if (event.key === 'Enter') seen.push(event);
    };
    el.addEventListener('keydown', watch, true);
    try {
      await new Keyboard().chord('Meta', 'Enter');
      await untilState(el, 'sent');
    } finally {
      el.removeEventListener('keydown', watch, true);
    }
    // The browser really sent ⌘ (metaKey), not Ctrl, and the text got no new line.
    expect(seen.map((e) => [e.metaKey, e.ctrlKey])).to.deep.equal([[true, false]]);
    expect((await records())[0]!.record.voice.text).to.equal('Macでの声');
  });

  it('never submits on an Enter that belongs to the IME', async () => {
    const { el } = await crmPage();
    await fill(el, '顧客の声');
    await pickTag(el, 'faq');
    const textarea = $<HTMLTextAreaElement>(el, 'textarea');
    const contact = $<HTMLInputElement>(el, '#contactName');
    const submits = countSubmits(el);

    // Composing: Ctrl+Enter and the implicit Enter in a one-line field are both ignored.
    textarea.dispatchEvent(key({ key: 'Enter', ctrlKey: true, isComposing: true }));
    contact.dispatchEvent(key({ key: 'Enter', isComposing: true }));
    // keyCode 229: the browser says the IME handled this key.
    textarea.dispatchEvent(key({ key: 'Enter', ctrlKey: true, keyCode: 229 }));
    contact.dispatchEvent(key({ key: 'Enter', keyCode: 229 }));
    // Safari: compositionend first, then a keydown Enter that no longer says isComposing.
    contact.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    contact.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '山田' }));
    contact.dispatchEvent(key({ key: 'Enter' }));
    textarea.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    textarea.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '声' }));
    textarea.dispatchEvent(key({ key: 'Enter', ctrlKey: true }));
    await el.updateComplete;
    expect(submits.n).to.equal(0);
    expect(el.state).to.equal('editing');

    // The same keys outside composition do submit (so the checks above could fail).
    contact.dispatchEvent(key({ key: 'Enter' }));
    expect(submits.n).to.equal(1);
    await untilState(el, 'sent');
    submits.stop();
    expect(await records()).to.have.length(1);
  });

  it('submits with a synthetic Ctrl+Enter once composition is over', async () => {
    const { el } = await crmPage();
    await fill(el, '別の声');
    await pickTag(el, 'praise');
    const submits = countSubmits(el);
    const textarea = $<HTMLTextAreaElement>(el, 'textarea');
    textarea.dispatchEvent(key({ key: 'Enter', ctrlKey: true }));
    expect(submits.n).to.equal(1);
    await until(() => el.state === 'sent', 'sent');
    submits.stop();
  });
});
