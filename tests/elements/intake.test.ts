// <koe-intake>: rendering, states, configuration, context and text rules (axe in every visible state).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/intake/define.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { fill, pickTag, records, untilState } from './intake-helpers.js';
import { $, $$ } from '../shadow.js';
import { resetWorld } from '../world.js';

declare global {
  interface Window {
    __koePwned?: number;
  }
}

describe('<koe-intake> rendering and validation', () => {
  beforeEach(resetWorld);

  it('is accessible when empty, states the limit in characters and asks only for missing context', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" company-id="C-1" company-name="株式会社サンプル商事" reporter-id="u-1"></koe-intake>`);
    expect(el.state).to.equal('empty');
    expect($(el, '#text-hint').textContent).to.contain('2000 文字以内');
    expect($(el, '.context').textContent).to.contain('株式会社サンプル商事（C-1）');
    expect($$(el, '#companyName')).to.have.length(0);
    expect($$(el, '#reporterName')).to.have.length(0);
    await expect(el).to.be.accessible();

    const bare = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja"></koe-intake>`);
    expect($$(bare, '#companyName')).to.have.length(1);
    expect($$(bare, '#reporterName')).to.have.length(1);
    await expect(bare).to.be.accessible();
  });

  it('writes Japanese and English copy, following locale, then the nearest lang', async () => {
    const ja = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja"></koe-intake>`);
    expect($(ja, 'label[for="text"]').textContent).to.equal('お客様の言葉');
    expect($(ja, 'button[type="submit"]').textContent!.trim()).to.equal('送信');
    expect($$(ja, '.chip').map((c) => c.textContent!.replace(/\d/, '').trim())).to.include('事例候補');

    const wrapper = await fixture(html`<div lang="en"><koe-intake endpoint="/api/intake"></koe-intake></div>`);
    const en = wrapper.querySelector('koe-intake')!;
    await en.updateComplete;
    expect($(en, 'label[for="text"]').textContent).to.equal('The customer’s words');
    expect($(en, 'button[type="submit"]').textContent!.trim()).to.equal('Send');
    expect($$(en, '.chip').map((c) => c.textContent!.replace(/\d/, '').trim())).to.include('Case-study candidate');
    await expect(en).to.be.accessible();
  });

  it('shows each problem next to its field in the user’s language and sends nothing', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" company-id="C-inv"></koe-intake>`);
    expect(await el.submit()).to.equal('invalid');
    await untilState(el, 'invalid');
    expect($(el, '#text-error').textContent).to.equal('入力してください。');
    expect($(el, '#tags-error').textContent).to.equal('タグを 1 つ以上選んでください。');
    expect($(el, 'textarea').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[role="status"]').textContent).to.equal('2 件の項目を確認してください。');
    await expect(el).to.be.accessible();

    await fill(el, '使いやすい');
    expect($$(el, '#text-error')).to.have.length(0);
    expect(await records()).to.have.length(0);
  });

  it('counts characters as a person does: emoji sequences and combining marks are one each', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="en" company-id="C-count"></koe-intake>`);
    await fill(el, 'か\u3099👍🏽👨‍👩‍👧‍👦');
    expect($(el, '[part~="counter"]').textContent).to.equal('3 / 2000 characters');

    await fill(el, '👍🏽'.repeat(2000));
    await pickTag(el, 'praise');
    expect($(el, '[part~="counter"]').textContent).to.equal('2000 / 2000 characters');
    expect($(el, 'textarea').getAttribute('aria-invalid')).to.equal('false');

    await fill(el, '👍🏽'.repeat(2001));
    expect(await el.submit()).to.equal('invalid');
    await el.updateComplete;
    expect($(el, '#text-error').textContent).to.equal('Please keep this to 2000 characters (now 2001).');
    expect($(el, '[part~="counter"]').classList.contains('over')).to.equal(true);
    await expect(el).to.be.accessible();
    expect(await records()).to.have.length(0);
  });

  it('renders hostile attribute and context values as text; nothing executes', async () => {
    window.__koePwned = undefined;
    const hostile = '<img src=x onerror="window.__koePwned=1">';
    const el = await fixture<KoeIntake>(html`<koe-intake
      endpoint="/api/intake"
      locale="ja"
      company-name=${hostile}
      reporter-name=${'<script>window.__koePwned=2</script>'}
      .context=${{ dealStage: '<b onmouseover="window.__koePwned=3">提案</b>' }}
    ></koe-intake>`);
    const line = $(el, '.context');
    expect(line.textContent).to.contain(hostile);
    expect(line.textContent).to.contain('<script>window.__koePwned=2</script>');
    expect(line.textContent).to.contain('<b onmouseover=');
    expect(el.shadowRoot!.querySelectorAll('img, script, b')).to.have.length(0);
    // A barrier for the onerror payload: an image of the same source, requested after the element rendered, has failed
    // by now, so an <img> the element had created would have failed (and run its handler) too.
    const probe = new Image();
    const failed = oneEvent(probe, 'error');
    probe.src = 'x';
    await failed;
    expect(window.__koePwned).to.equal(undefined);
    await expect(el).to.be.accessible();

    await fill(el, '問題なく動いています');
    await pickTag(el, 'praise');
    expect(await el.submit()).to.equal('sent');
    const [line0] = await records();
    expect(line0!.record.customer.companyName).to.equal(hostile);
  });
});

describe('<koe-intake> configuration errors', () => {
  beforeEach(resetWorld);

  for (const [endpoint, reason, text] of [
    ['javascript:alert(1)', 'scheme', '「javascript:」は使えません'],
    ['http://evil.example', 'insecure-http', '「evil.example」は暗号化されていない http: です'],
    ['', 'missing', '送信先（endpoint 属性）が設定されていません'],
  ] as const) {
    it(`refuses endpoint "${endpoint}" visibly and with koe-config-error (${reason})`, async () => {
      const event = oneEvent(document, 'koe-config-error');
      const el = await fixture<KoeIntake>(html`<koe-intake endpoint=${endpoint} locale="ja"></koe-intake>`);
      const { detail } = await event;
      expect(detail).to.include({ field: 'endpoint', reason });
      expect(el.state).to.equal('config-error');
      const box = $(el, '[role="alert"]');
      expect(box.textContent).to.contain('設定に誤りがあるため、送信できません');
      expect(box.textContent).to.contain(text);
      expect(box.getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();

      await fill(el, 'テキスト');
      await pickTag(el, 'faq');
      expect(await el.submit()).to.equal('config-error');
      expect(await records()).to.have.length(0);
    });
  }

  it('refuses an unknown format and an invalid tag vocabulary', async () => {
    const formatEvent = oneEvent(document, 'koe-config-error');
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" format="xml" locale="en"></koe-intake>`);
    expect((await formatEvent).detail).to.include({ field: 'format' });
    expect($(el, '[role="alert"]').textContent).to.contain('The format “xml” is not supported');
    await expect(el).to.be.accessible();

    const tagsEvent = oneEvent(document, 'koe-config-error');
    const bad = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="en" .tags=${[{ id: 'Bad Id', label: { en: 'x' } }]}></koe-intake>`);
    expect((await tagsEvent).detail).to.include({ field: 'tags' });
    expect(bad.state).to.equal('config-error');
  });

  it('uses a host vocabulary given in tags', async () => {
    const tags = [
      { id: 'pricing', label: { ja: '価格', en: 'Pricing' } },
      { id: 'support-quality', label: { ja: 'サポート品質', en: 'Support quality' } },
    ];
    const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" .tags=${tags}></koe-intake>`);
    expect($$(el, '.chip').map((c) => c.dataset.tag)).to.deep.equal(['pricing', 'support-quality']);
    expect($$(el, '.chip')[1]!.textContent).to.contain('サポート品質');
  });
});

describe('<koe-intake> context', () => {
  beforeEach(resetWorld);

  it('sends NFKC-normalised IDs, merges the context property over attributes and passes custom fields', async () => {
    const el = await fixture<KoeIntake>(html`<koe-intake
      endpoint="/api/intake"
      locale="ja"
      company-id="Ｃ－００１"
      company-name="株式会社サンプル商事"
      deal-id="D-1"
      deal-stage="初回"
      lead-source="展示会"
      reporter-id="ｕ－７"
      reporter-name="佐藤"
      .context=${{ dealStage: '提案', region: '関西', custom: { score: 3 } }}
    ></koe-intake>`);
    await fill(el, '導入後、問い合わせ対応の時間が半分になりました。');
    await pickTag(el, 'case-study');
    expect(await el.submit()).to.equal('sent');
    const [stored] = await records();
    const r = stored!.record;
    expect(r.customer.companyId).to.equal('C-001');
    expect(r.reporter).to.deep.equal({ id: 'u-7', name: '佐藤' });
    expect(r.deal).to.deep.equal({ id: 'D-1', stage: '提案' });
    expect(r.leadSource).to.equal('展示会');
    expect(r.custom).to.deep.equal({ score: 3, region: '関西' });
    expect(r.tags).to.deep.equal(['case-study']);
    expect(r.voice).to.deep.equal({ text: '導入後、問い合わせ対応の時間が半分になりました。', kind: 'quote' });
    expect(r.permission).to.equal('unknown');
    expect(r.origin.fromSelection).to.equal(false);
    expect(r.createdAt).to.match(/[+-]\d\d:\d\d$/);
    expect(stored!.idempotencyKey).to.equal(r.id);
  });

  it('remembers the channel per reporter', async () => {
    const first = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" reporter-id="u-1" locale="ja"></koe-intake>`);
    const select = $<HTMLSelectElement>(first, '#channel');
    select.value = 'call';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await first.updateComplete;

    const same = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" reporter-id="u-1" locale="ja"></koe-intake>`);
    expect($<HTMLSelectElement>(same, '#channel').value).to.equal('call');
    const other = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" reporter-id="u-2" locale="ja"></koe-intake>`);
    expect($<HTMLSelectElement>(other, '#channel').value).to.equal('meeting');
  });

  it('does not take focus from the host page unless autofocus is set', async () => {
    const page = await fixture(html`<div><input id="crm-search" /><koe-intake endpoint="/api/intake" locale="ja"></koe-intake></div>`);
    const search = page.querySelector<HTMLInputElement>('#crm-search')!;
    search.focus();
    const late = document.createElement('koe-intake');
    late.setAttribute('endpoint', '/api/intake');
    page.append(late);
    await late.updateComplete;
    expect(document.activeElement).to.equal(search);

    const auto = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" autofocus></koe-intake>`);
    expect(auto.shadowRoot!.activeElement).to.equal($(auto, 'textarea'));
  });
});
