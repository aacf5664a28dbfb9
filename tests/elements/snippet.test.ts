// <koe-snippet>: selection → button → dialog with a prefilled <koe-intake>; shortcut; focus return; `for`.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/snippet/define.js';
import { chord } from '../keys.js';
import type { KoeSnippet } from '../../src/snippet/koe-snippet.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { deepActive, pickTag, records, untilState } from './intake-helpers.js';
import { $ } from '../shadow.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

const PRAISE = '御社のサポートは本当に対応が早くて助かっています。';

function select(node: Node): void {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

async function thread(lang = 'ja'): Promise<{ page: HTMLElement; snippet: KoeSnippet; quote: HTMLElement; outside: HTMLElement }> {
  const page = await fixture<HTMLElement>(html`<div lang=${lang}>
    <button id="before">返信</button>
    <p id="outside">件名：ご提案の件</p>
    <koe-snippet endpoint="/api/intake" company-id="Ｃ－００２" company-name="株式会社サンプル商事" deal-stage="提案" reporter-id="u-3">
      <article>
        <p>いつもお世話になっております。</p>
        <p id="quote">${PRAISE}</p>
      </article>
    </koe-snippet>
  </div>`);
  const snippet = page.querySelector('koe-snippet')!;
  await snippet.updateComplete;
  return { page, snippet, quote: page.querySelector('#quote')!, outside: page.querySelector('#outside')! };
}

const button = (snippet: KoeSnippet) => $<HTMLButtonElement>(snippet, '.save');
const dialog = (snippet: KoeSnippet) => $<HTMLDialogElement>(snippet, 'dialog');

describe('<koe-snippet>', () => {
  beforeEach(async () => {
    document.getSelection()?.removeAllRanges();
    await resetWorld();
  });

  it('shows the button only for a selection inside its region, placed next to it through CSSOM', async () => {
    const { snippet, quote, outside } = await thread();
    expect(button(snippet).hidden).to.equal(true);
    await expect(snippet).to.be.accessible();

    // The element hears `selectionchange` first (its listener was added when it connected); ours marks that it has.
    const heard = oneEvent(document, 'selectionchange');
    select(outside);
    await heard;
    await snippet.updateComplete;
    expect(button(snippet).hidden, 'the button for a selection outside the region').to.equal(true);

    select(quote);
    await until(() => !button(snippet).hidden, 'the button');
    expect(button(snippet).textContent!.trim()).to.equal('顧客の声として保存');
    expect(button(snippet).getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+V');
    const rect = quote.getBoundingClientRect();
    expect(parseFloat(button(snippet).style.getPropertyValue('top'))).to.be.closeTo(rect.bottom + 6, 2);
    await expect(snippet).to.be.accessible();
  });

  it('opens a prefilled form in a dialog and files it with the page and context', async () => {
    document.title = '商談：株式会社サンプル商事 | CRM';
    const { snippet, quote } = await thread();
    select(quote);
    await until(() => !button(snippet).hidden, 'the button');
    button(snippet).click();
    await until(() => dialog(snippet).open, 'the dialog');
    const intake = $<KoeIntake>(snippet, 'koe-intake');
    await intake.updateComplete;
    expect($<HTMLTextAreaElement>(intake, 'textarea').value).to.equal(PRAISE);
    expect($(intake, '.context').textContent).to.contain('選択したテキストから作成');
    await until(() => deepActive() === $(intake, 'textarea'), 'focus in the text box');
    await expect(snippet).to.be.accessible();

    await pickTag(intake, 'praise');
    const sent = oneEvent(document, 'koe-sent');
    expect(await intake.submit()).to.equal('sent');
    await sent;
    const [stored] = await records();
    const r = stored!.record;
    expect(r.voice.text).to.equal(PRAISE);
    expect(r.origin).to.deep.equal({ pageUrl: location.href, pageTitle: '商談：株式会社サンプル商事 | CRM', fromSelection: true });
    expect(r.customer.companyId).to.equal('C-002');
    expect(r.deal.stage).to.equal('提案');
    expect(r.channel).to.equal('email');
    await untilState(intake, 'sent');
    await expect(snippet).to.be.accessible();
  });

  it('opens with Alt+Shift+V and returns focus where it was on Escape', async () => {
    const { page, snippet, quote } = await thread('en');
    const before = page.querySelector<HTMLButtonElement>('#before')!;
    before.focus();
    select(quote);
    await until(() => !button(snippet).hidden, 'the button');
    expect(button(snippet).textContent!.trim()).to.equal('Save as customer voice');

    await chord(['Alt', 'Shift'], 'KeyV');
    await until(() => dialog(snippet).open, 'the dialog');
    const intake = $<KoeIntake>(snippet, 'koe-intake');
    await intake.updateComplete;
    expect($<HTMLTextAreaElement>(intake, 'textarea').value).to.equal(PRAISE);

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(snippet).open, 'the dialog to close');
    await until(() => document.activeElement === before, 'focus back on the page');
    expect(await records()).to.have.length(0);
  });

  it('collects from a region named by for=', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="ja">
      <section id="mail"><p id="line">価格がもう少し下がれば全社導入を検討します。</p></section>
      <koe-snippet for="#mail" endpoint="/api/intake"></koe-snippet>
    </div>`);
    const snippet = page.querySelector('koe-snippet')!;
    await snippet.updateComplete;
    select(page.querySelector('#line')!);
    await until(() => !button(snippet).hidden, 'the button');
    button(snippet).click();
    await until(() => dialog(snippet).open, 'the dialog');
    const intake = $<KoeIntake>(snippet, 'koe-intake');
    await intake.updateComplete;
    expect($<HTMLTextAreaElement>(intake, 'textarea').value).to.equal('価格がもう少し下がれば全社導入を検討します。');
    $<HTMLButtonElement>(snippet, '.close').click();
    await until(() => !dialog(snippet).open, 'the dialog to close');
  });

  it('says so when for= matches nothing', async () => {
    const event = oneEvent(document, 'koe-config-error');
    const snippet = await fixture<KoeSnippet>(html`<koe-snippet for="#nowhere" endpoint="/api/intake" locale="ja"></koe-snippet>`);
    expect((await event).detail).to.include({ field: 'for', reason: 'not-found' });
    await snippet.updateComplete;
    expect($(snippet, '[role="alert"]').textContent).to.contain('#nowhere');
    await expect(snippet).to.be.accessible();
  });
});
