// The browser's hand-written validator against the wire schema the receiver uses: same verdict, same fields, same messages.
import { expect } from '@open-wc/testing';
import { intakeSchema, type IntakeSubmission } from '../../src/core/schemas.js';
import { resolveContext, type KoeContextInput } from '../../src/core/config.js';
import { common } from '../../src/i18n/common.js';
import { intake } from '../../src/i18n/intake.js';
import { buildPayload, type FieldErrors, type IntakeFormValue } from '../../src/intake/payload.js';
import { fieldForPath } from '../../src/intake/paths.js';
import { validate } from '../../src/intake/validator.js';
import { freshForm } from '../../src/intake/form-state.js';

/** The fields the receiver's schema refuses, mapped to the form's fields as the outbox view maps a 422 (paths.ts). */
function schemaFields(payload: IntakeSubmission): Array<keyof FieldErrors> {
  const result = intakeSchema.safeParse(payload);
  const fields = (result.success ? [] : result.error.issues).map((issue) => fieldForPath(issue.path.map(String).join('.')));
  return [...new Set(fields)];
}

const build = (form: Partial<IntakeFormValue>, context: KoeContextInput = {}, pageTitle = 'CRM') => {
  const ctx = resolveContext({ companyId: 'C-1', reporterId: 'u-1' }, context);
  return buildPayload({ id: crypto.randomUUID(), locale: 'ja', form: { ...freshForm(undefined, ctx), tags: ['faq'], ...form }, context: ctx, prefill: { pageTitle } });
};

// The words each case must show, written out: what the rep reads next to the field.
const REQUIRED = '入力してください。';
const TAGS = 'タグを 1 つ以上選んでください。';
const tooLong = (max: number, now: number) => `${max} 文字以内で入力してください（現在 ${now} 文字）。`;

describe('intake validation in the browser (by hand) and at the receiver (intakeSchema)', () => {
  const cases: Array<[string, IntakeSubmission, FieldErrors]> = [
    ['a valid form', build({ text: '分かりやすい説明でした。' }), {}],
    ['blank words', build({ text: '   ' }), { text: REQUIRED }],
    // Grapheme clusters, as a person counts: 2,001 thumbs with a skin tone are 4,002 UTF-16 units each counted once.
    ['words over the limit, no tag', build({ text: '👍🏽'.repeat(2001), tags: [] }), { text: tooLong(2000, 2001), tags: TAGS }],
    ['words exactly at the limit', build({ text: '👍🏽'.repeat(2000) }), {}],
    [
      'names over the limit',
      build({ text: 'はい', contactName: 'あ'.repeat(101), contactTitle: 'い'.repeat(101), companyName: 'う'.repeat(101), reporterName: 'え'.repeat(101) }),
      { contactName: tooLong(100, 101), contactTitle: tooLong(100, 101), companyName: tooLong(100, 101), reporterName: tooLong(100, 101) },
    ],
    ['more than 20 tags', build({ text: 'はい', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), { tags: TAGS }],
    ['a context id over the limit', build({ text: 'はい' }, { dealId: 'D'.repeat(65) }), { context: tooLong(64, 65) }],
    ['a deal stage over the limit', build({ text: 'はい' }, { dealStage: '段'.repeat(101), leadSource: 'web' }), { context: tooLong(100, 101) }],
    ['a custom value over the limit', build({ text: 'はい' }, { custom: { note: 'x'.repeat(501) } }), { context: tooLong(500, 501) }],
    // zod's maxLength (the custom strings' limit) counts code points: 500 emoji (1,000 UTF-16 units) pass, 501 do not.
    ['a custom value of 500 code points in 1,000 UTF-16 units', build({ text: 'はい' }, { custom: { note: '👍'.repeat(500) } }), {}],
    ['a custom value over the limit in code points', build({ text: 'はい' }, { custom: { note: '👍'.repeat(501) } }), { context: tooLong(500, 501) }],
    ['a long page title (cut to fit)', build({ text: 'はい' }, {}, 'T'.repeat(400)), {}],
  ];
  for (const [what, payload, expected] of cases) {
    it(`agrees on ${what}, in the rep's words`, () => {
      expect(validate(payload, common.ja, intake.ja)).to.deep.equal(expected);
      expect(schemaFields(payload)).to.have.members(Object.keys(expected));
    });
  }
});
