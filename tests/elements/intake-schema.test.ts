// The browser's hand-written validator against the wire schema the receiver uses: same verdict, same fields, same messages.
import { expect } from '@open-wc/testing';
import { intakeSchema, type IntakeSubmission } from '../../src/core/schemas.js';
import { countGraphemes } from '../../src/core/text.js';
import { resolveContext, type KoeContextInput } from '../../src/core/config.js';
import { common } from '../../src/i18n/common.js';
import { intake } from '../../src/i18n/intake.js';
import { buildPayload, type FieldErrors, type IntakeFormValue } from '../../src/intake/payload.js';
import { fieldForPath } from '../../src/intake/paths.js';
import { validate } from '../../src/intake/validator.js';
import { freshForm } from '../../src/intake/form-state.js';

/** What the schema says, in the form's fields and the user's words (as the receiver's 422 is shown). */
function schemaErrors(payload: IntakeSubmission): FieldErrors {
  const result = intakeSchema.safeParse(payload);
  const errors: FieldErrors = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const field = fieldForPath(issue.path.map(String).join('.'));
    if (errors[field]) continue;
    let value: unknown = payload;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown>)[key];
    const max = /^too_long:(\d+)$/.exec(issue.message)?.[1] ?? (issue.code === 'too_big' && typeof value === 'string' ? String(issue.maximum) : undefined);
    const n = typeof value !== 'string' ? 0 : issue.code === 'too_big' ? value.length : countGraphemes(value);
    errors[field] = issue.message === 'required' ? common.ja.required : max ? common.ja.tooLong(Number(max), n) : field === 'tags' ? intake.ja.tagsRequired : issue.message;
  }
  return errors;
}

const build = (form: Partial<IntakeFormValue>, context: KoeContextInput = {}, pageTitle = 'CRM') => {
  const ctx = resolveContext({ companyId: 'C-1', reporterId: 'u-1' }, context);
  return buildPayload({ id: crypto.randomUUID(), locale: 'ja', form: { ...freshForm(undefined, ctx), tags: ['faq'], ...form }, context: ctx, prefill: { pageTitle } });
};

describe('intake validation in the browser (by hand) and at the receiver (intakeSchema)', () => {
  const cases: Array<[string, IntakeSubmission, Array<keyof FieldErrors>]> = [
    ['a valid form', build({ text: '分かりやすい説明でした。' }), []],
    ['blank words', build({ text: '   ' }), ['text']],
    ['words over the limit, no tag', build({ text: '👍🏽'.repeat(2001), tags: [] }), ['text', 'tags']],
    ['words exactly at the limit', build({ text: '👍🏽'.repeat(2000) }), []],
    ['names over the limit', build({ text: 'はい', contactName: 'あ'.repeat(101), contactTitle: 'い'.repeat(101), companyName: 'う'.repeat(101), reporterName: 'え'.repeat(101) }), ['contactName', 'contactTitle', 'companyName', 'reporterName']],
    ['more than 20 tags', build({ text: 'はい', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), ['tags']],
    ['a context id over the limit', build({ text: 'はい' }, { dealId: 'D'.repeat(65) }), ['context']],
    ['a deal stage over the limit', build({ text: 'はい' }, { dealStage: '段'.repeat(101), leadSource: 'web' }), ['context']],
    ['a custom value over the limit', build({ text: 'はい' }, { custom: { note: 'x'.repeat(501) } }), ['context']],
    ['a long page title (cut to fit)', build({ text: 'はい' }, {}, 'T'.repeat(400)), []],
  ];
  for (const [what, payload, fields] of cases) {
    it(`agrees on ${what}`, () => {
      const mine = validate(payload, common.ja, intake.ja);
      expect(Object.keys(mine)).to.have.members(fields);
      expect(mine).to.deep.equal(schemaErrors(payload));
    });
  }
});
