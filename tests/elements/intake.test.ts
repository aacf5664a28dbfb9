// <koe-intake>: rendering, states, configuration, context and text rules (axe in every visible state).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/intake/define.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { $, $$, fill, pickTag, records, resetWorld, untilState } from './intake-helpers.js';

describe('<koe-intake>', () => {
  beforeEach(resetWorld);

  it('is accessible when empty and states the limit', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" company-id="C-smoke"></koe-intake>`);
    expect(el.state).to.equal('empty');
    expect($(el, '#text-hint').textContent).to.contain('2000 文字以内');
    await expect(el).to.be.accessible();
  });

  it('sends a filled form to the receiver', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" company-id="C-send"></koe-intake>`);
    await fill(el, 'とても使いやすいです。');
    await pickTag(el, 'praise');
    const sent = oneEvent(el, 'koe-sent');
    expect(await el.submit()).to.equal('sent');
    await sent;
    await untilState(el, 'sent');
    const stored = await records();
    expect(stored).to.have.length(1);
    expect(stored[0]!.record.voice.text).to.equal('とても使いやすいです。');
    await expect(el).to.be.accessible();
    void $$;
  });
});
