// The early words box with the shipped standalone file: a <textarea> the page puts inside <koe-intake> takes typing
// before koe-intake.js has run (a classic script from an upload URL, added later as a slow page adds it); the text, caret
// and focus then move into the form, which sends it. (tests/elements/early-words.test.ts covers the module from src/.)
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { pickTag, records } from '../elements/intake-helpers.js';
import { until } from '../wait.js';
import { hostPages, UPLOADS } from './host-page.js';

const INTAKE = `${UPLOADS}/koe-intake.js?v=3`;

describe('standalone koe-intake.js with an early words box', () => {
  const pages = hostPages([INTAKE]);

  it('takes typing before the script, then moves the text, caret and focus into the form, which sends it', async () => {
    const page = await pages.open(`<koe-intake endpoint="/api/intake" company-id="C-early-standalone">
      <textarea aria-label="お客様の言葉" rows="4"></textarea>
    </koe-intake>`);
    const box = page.document.querySelector<HTMLTextAreaElement>('koe-intake > textarea')!;
    expect(box.getClientRects().length, 'the page shows its box before Koe runs').to.be.greaterThan(0);
    box.focus();
    await sendKeys({ type: 'price clear' });
    for (let i = 0; i < 'clear'.length; i += 1) await sendKeys({ press: 'ArrowLeft' });

    await page.addScript(INTAKE);
    const el = page.document.querySelector('koe-intake') as KoeIntake;
    const words = await until(() => el.shadowRoot?.querySelector('textarea'), "the form's words box");
    await el.updateComplete;
    expect(words.value).to.equal('price clear');
    expect(el.shadowRoot!.activeElement, 'focus is in the form').to.equal(words);
    expect([words.selectionStart, words.selectionEnd], 'the caret where it was').to.deep.equal([6, 6]);
    expect(box.getClientRects().length, "the page's box is no longer shown").to.equal(0);

    await sendKeys({ type: 'was ' });
    expect(words.value).to.equal('price was clear');
    await pickTag(el, 'praise');
    expect(await el.submit()).to.equal('sent');
    const stored = (await records()).map((line) => [line.record.voice.text, line.record.customer.companyId]);
    expect(stored).to.deep.equal([['price was clear', 'C-early-standalone']]);
    expect([page.errors, page.warnings]).to.deep.equal([[], []]);
  });
});
