// CRM context merging (attributes vs the context property, NFKC IDs, custom pass-through) and tag vocabulary checks.
import { expect } from '@open-wc/testing';
import { DEFAULT_TAGS, checkTags, contextKey, resolveContext } from '../../src/core/config.js';

describe('resolveContext', () => {
  it('normalises IDs with NFKC so full-width and half-width join', () => {
    const ctx = resolveContext({ companyId: ' Ｃ－００１ ', dealId: 'Ｄ－４２', reporterId: 'ｕ－７' });
    expect(ctx.companyId).to.equal('C-001');
    expect(ctx.dealId).to.equal('D-42');
    expect(ctx.reporterId).to.equal('u-7');
    expect(contextKey('https://x/api', ctx)).to.equal(contextKey('https://x/api', resolveContext({ companyId: 'C-001', dealId: 'D-42' })));
  });

  it('lets the property win per field, keeps attributes for the rest, and drops blanks', () => {
    const ctx = resolveContext(
      { companyId: 'C-1', companyName: '旧社名', dealStage: '初回', leadSource: '  ' },
      { companyName: '株式会社サンプル商事', dealStage: '', reporterName: '佐藤' },
    );
    expect(ctx).to.deep.equal({ companyId: 'C-1', companyName: '株式会社サンプル商事', dealStage: '初回', reporterName: '佐藤', custom: {} });
  });

  it('passes unknown keys and context.custom through to custom, keeping only JSON scalars', () => {
    const ctx = resolveContext({}, { region: '関西', score: 3, vip: true, none: null, nested: { a: 1 }, fn: () => 1, custom: { segment: 'SMB' } });
    expect(ctx.custom).to.deep.equal({ segment: 'SMB', region: '関西', score: 3, vip: true, none: null });
  });

  it('accepts numeric IDs from code', () => {
    expect(resolveContext({}, { companyId: 1001 as unknown as string }).companyId).to.equal('1001');
  });
});

describe('checkTags', () => {
  it('defaults to the shared vocabulary of eight tags', () => {
    const result = checkTags(undefined);
    expect(result.ok && result.tags.map((t) => t.id)).to.deep.equal([
      'case-study', 'faq', 'great-answer', 'objection', 'feature-request', 'loss-reason', 'competitor', 'praise',
    ]);
    expect(DEFAULT_TAGS[0]!.label).to.deep.equal({ ja: '事例候補', en: 'Case-study candidate' });
    expect(DEFAULT_TAGS[2]!.label.ja).to.equal('好回答（スニペット）');
  });

  it('accepts a host vocabulary and fills a missing language from the other', () => {
    const result = checkTags([{ id: 'pricing', label: { ja: '価格' } }]);
    expect(result).to.deep.equal({ ok: true, tags: [{ id: 'pricing', label: { ja: '価格', en: '価格' } }] });
  });

  it('refuses what the wire schema would refuse', () => {
    expect(checkTags([]).ok).to.equal(false);
    expect(checkTags('case-study').ok).to.equal(false);
    expect(checkTags([{ id: 'Case Study', label: { en: 'x' } }]).ok).to.equal(false);
    expect(checkTags([{ id: 'a', label: {} }]).ok).to.equal(false);
    const dup = checkTags([{ id: 'a', label: { en: 'A' } }, { id: 'a', label: { en: 'B' } }]);
    expect(dup.ok === false && dup.reason).to.contain('repeated');
  });
});
