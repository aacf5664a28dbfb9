// <koe-snippet> on a page that lost its network before the dialog's form came: the dialog says so in the reader's
// language (no empty dialog), and the next opening, with the network back, shows the form with the selected text.
// This file imports no <koe-intake> itself: the only way the form gets registered is the snippet's own fetch, so the
// whole story is one test (once registered, the form stays registered).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/snippet/define.js';
import type { KoeSnippet } from '../../src/snippet/koe-snippet.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { snippetForm } from '../../src/snippet/snippet-form.js';
import { $ } from '../shadow.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';

const QUOTE = '導入後、問い合わせ対応の時間が半分になりました。';

describe('<koe-snippet> whose form cannot be fetched', () => {
  const { load } = snippetForm;
  beforeEach(async () => {
    await resetWorld();
    // As offline since the page loaded: the browser's error for a module it could not fetch.
    snippetForm.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  });
  afterEach(() => {
    snippetForm.load = load;
  });

  it('says so in the dialog, in Japanese and English, then shows the form once it can be fetched', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="ja">
      <koe-snippet endpoint="/api/intake" company-id="C-010"><p id="quote">${QUOTE}</p></koe-snippet>
    </div>`);
    const snippet = page.querySelector<KoeSnippet>('koe-snippet')!;
    await snippet.updateComplete;
    const registered = customElements.get('koe-intake') !== undefined;
    expect(registered, '<koe-intake> registered by something other than the snippet').to.equal(false);
    const dialog = $<HTMLDialogElement>(snippet, 'dialog');
    const openWithSelection = async () => {
      const range = document.createRange();
      range.selectNodeContents(page.querySelector('#quote')!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      await until(() => !$<HTMLButtonElement>(snippet, '.save').hidden, 'the save button');
      snippet.open();
      await until(() => dialog.open, 'the dialog');
    };

    for (const [lang, wording] of [
      ['ja', 'フォームを読み込めませんでした'],
      ['en', 'The form could not be loaded'],
    ] as const) {
      page.lang = lang;
      snippet.locale = lang;
      await snippet.updateComplete;
      await openWithSelection();
      expect($(snippet, 'dialog [role=alert]').textContent, lang).to.contain(wording);
      expect(snippet.shadowRoot!.querySelector('koe-intake'), 'an empty form in the dialog').to.equal(null);
      await expect(snippet).to.be.accessible();
      snippet.close();
    }

    // The network is back: the next opening fetches the form and fills it with the selection.
    snippetForm.load = load;
    await openWithSelection();
    await until(() => snippet.shadowRoot!.querySelector('koe-intake'), 'the form in the dialog');
    const form = $<KoeIntake>(snippet, 'koe-intake');
    await form.updateComplete;
    expect($<HTMLTextAreaElement>(form, 'textarea').value).to.equal(QUOTE);
    expect(snippet.shadowRoot!.querySelector('dialog [role=alert]'), 'the earlier message').to.equal(null);
    snippet.close();
  });
});
