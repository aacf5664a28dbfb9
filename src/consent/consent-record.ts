// The consent record, pure: built from what the signer chose, then checked (the wire schema, and the choices the schema
// cannot see), with messages in the signer's language. Loaded when the signer starts (signing.ts); tests: consent-record.test.ts.
import { DEFAULT_REVIEW_DAYS } from '../core/consent-terms.js';
import { consentSchema, type ConsentRecord, type ConsentRequest } from '../core/schemas.js';
import { newId } from '../core/ids.js';
import { cleanText, countGraphemes } from '../core/text.js';
import type { CommonStrings } from '../i18n/common.js';
import type { ConsentStrings } from '../i18n/consent.js';
import type { WithdrawStrings } from '../i18n/withdraw.js';
import type { ConsentFormState } from './consent-form-state.js';
import type { WithdrawLink } from './link-rules.js';
import { hashNotice, hashRequest } from './notice-hash.js';
import type { Notice } from './notice-template.js';
import { isoWithOffset, localTimeZone } from './time.js';

/** What signing adds to the form: the notice shown and its hash, the sentence by the button, the drawing, the times. */
export interface Signing {
  notice: Notice;
  /** SHA-256 of the notice text (notice-hash.ts). */
  sha256: string;
  presentedAt: string;
  intentStatement: string;
  /** A drawn signature as a PNG data URL. */
  image?: string;
  /** SHA-256 of the canonical request JSON as the signer saw it. */
  requestSha256?: string;
  now?: Date;
}

/** What signing starts from: the link, what the signer entered and drew, and the notice and sentence they saw. */
export interface SignInput {
  source: { request?: ConsentRequest; withdrawal?: WithdrawLink };
  form: ConsentFormState;
  notice: Notice;
  presentedAt: string;
  intentStatement: string;
  /** The drawn signature (a PNG data URL when something is drawn), and whether signature_pad could not be loaded. */
  drawing: { image?: string; failed: boolean };
  wording: { common: CommonStrings; consent: ConsentStrings; withdraw?: WithdrawStrings };
}

/** Builds the record, hashing the notice and the request, and checks it: the record, and what the signer must fix first. */
export async function signRecord({ source, notice, presentedAt, intentStatement, drawing, wording, ...input }: SignInput): Promise<{ record: ConsentRecord; errors: Record<string, string> }> {
  const form = signedForm(input.form, source.withdrawal !== undefined);
  const { request } = source;
  const record = buildRecord(source, form, {
    notice,
    sha256: await hashNotice(notice),
    presentedAt,
    intentStatement,
    image: form.method === 'drawn' ? drawing.image : undefined,
    requestSha256: request ? await hashRequest(request) : undefined,
  });
  const errors = recordErrors(record, form, { ...wording, request, drawing: { empty: drawing.image === undefined, failed: drawing.failed } });
  return { record, errors };
}

/** In withdraw mode the signer types their name once: it is the typed signature too. */
export function signedForm(form: ConsentFormState, withdrawing: boolean): ConsentFormState {
  return withdrawing ? { ...form, typedName: form.name, method: 'typed' } : form;
}

/** The record for what the element shows: a withdrawal, else a grant or decline of the request. */
export function buildRecord(source: { request?: ConsentRequest; withdrawal?: WithdrawLink }, form: ConsentFormState, signing: Signing): ConsentRecord {
  if (source.withdrawal) return buildWithdrawRecord(source.withdrawal, form, signing, source.request);
  if (!source.request) throw new Error('Nothing to sign: neither a consent request nor a withdrawal link.');
  return buildConsentRecord(source.request, form, signing);
}

/** A `granted` or `declined` record; every offered scope is listed, granted only if the signer chose "allow". */
export function buildConsentRecord(request: ConsentRequest, form: ConsentFormState, signing: Signing): ConsentRecord {
  const grant = form.decision === 'grant';
  const common = commonPart(form, signing);
  return withoutUndefined({
    ...common,
    requestId: request.id,
    requestToken: request.token,
    requestSha256: signing.requestSha256,
    decision: grant ? 'granted' : 'declined',
    declineReason: grant ? undefined : cleanText(form.declineReason),
    scopes: request.scopes.map((id) => ({ id, granted: grant && form.choices[id] === true })),
    reviewBeforePublication: request.reviewBeforePublication,
    reviewWindowBusinessDays: request.reviewBeforePublication ? (request.reviewWindowBusinessDays ?? DEFAULT_REVIEW_DAYS) : undefined,
    constraints: grant ? cleanText(form.constraints) : undefined,
    term: { months: request.termMonths },
    signer: { ...common.signer, company: request.customer.company },
  }) as ConsentRecord;
}

/**
 * A `withdrawn` record referencing the original receipt: `scopes` lists every scope that was granted,
 * `granted: false` for those withdrawn now and `true` for those that stay granted.
 */
export function buildWithdrawRecord(withdrawal: WithdrawLink, form: ConsentFormState, signing: Signing, request?: ConsentRequest): ConsentRecord {
  const common = commonPart(form, signing);
  return withoutUndefined({
    ...common,
    requestId: withdrawal.requestId,
    requestToken: request?.token,
    requestSha256: request ? signing.requestSha256 : undefined,
    withdrawsReceiptId: withdrawal.receiptId,
    withdrawalToken: withdrawal.withdrawalToken,
    decision: 'withdrawn',
    scopes: withdrawal.scopes.map((id) => ({ id, granted: !form.withdraw.includes(id) })),
    reviewBeforePublication: request?.reviewBeforePublication ?? false,
    // The schema requires a term; the original's is carried when the link or request knows it.
    term: { months: withdrawal.termMonths ?? request?.termMonths ?? 1 },
    signer: { ...common.signer, company: withdrawal.company ?? request?.customer.company },
  }) as ConsentRecord;
}

/** What every record carries: receipt ID, signer, signature, the notice shown, times, and how to withdraw. */
function commonPart(form: ConsentFormState, signing: Signing) {
  const { notice } = signing;
  return {
    receiptId: newId(),
    // Optional text (the title) is trimmed, and left out of the record when empty.
    signer: { name: form.name.trim(), title: cleanText(form.title), email: form.email.trim() },
    signature: { method: form.method, typedName: form.typedName.trim(), image: signing.image },
    intentStatement: signing.intentStatement,
    notice: { templateId: notice.templateId, version: notice.version, locale: notice.locale, sha256: signing.sha256 },
    presentedAt: signing.presentedAt,
    signedAt: isoWithOffset(signing.now),
    timeZone: localTimeZone(),
    userAgent: (typeof navigator !== 'undefined' ? navigator.userAgent : 'unknown').slice(0, 512),
    withdrawal: notice.withdrawal,
  };
}

/** Drops undefined members so the stored record carries only what was given. */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** What the checks need besides the record: the wording, the request, and the state of the drawing. */
export interface RecordCheck {
  common: CommonStrings;
  consent: ConsentStrings;
  /** Withdraw mode: its wording (the only choice to check is that something was selected). */
  withdraw?: WithdrawStrings;
  request?: ConsentRequest;
  drawing: { empty: boolean; failed: boolean };
}

/** Everything the signer must fix, field key → message (empty when the record can be sent). */
export function recordErrors(record: ConsentRecord, form: ConsentFormState, check: RecordCheck): Record<string, string> {
  const errors = { ...schemaErrors(record, form, check), ...choiceErrors(form, check) };
  // In withdraw mode the typed name is the name field, which already carries the message.
  if (check.withdraw) delete errors.typedName;
  return errors;
}

/** Schema paths → the form field that shows their message; anything else is shown for the whole form. */
const FIELD_OF_PATH: Record<string, keyof ConsentFormState> = {
  'signer.name': 'name',
  'signer.title': 'title',
  'signer.email': 'email',
  'signature.typedName': 'typedName',
  constraints: 'constraints',
  declineReason: 'declineReason',
};

/** The shared schema's verdict (what the receiver will check), worded for the field the signer can fix. */
function schemaErrors(record: ConsentRecord, form: ConsentFormState, check: RecordCheck): Record<string, string> {
  const { common, consent } = check;
  const result = consentSchema.safeParse(record);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    // No decision yet, so no sentence to agree to: "choose a decision" (choiceErrors) says it, at the field.
    if (path === 'intentStatement' && !form.decision && !check.withdraw) continue;
    const field = FIELD_OF_PATH[path];
    const key = field ?? 'form';
    if (errors[key]) continue;
    const value = field ? String(form[field] ?? '') : '';
    const maxLength = /^too_long:(\d+)$/.exec(issue.message)?.[1];
    if (issue.message === 'required' || (field && value.trim() === '')) errors[key] = common.required;
    else if (maxLength) errors[key] = common.tooLong(Number(maxLength), countGraphemes(value));
    else if (field === 'email') errors[key] = consent.invalidEmail;
    else errors[key] = issue.message;
  }
  return errors;
}

/** Choices the schema cannot see: a decision, every scope answered, at least one allowed, a drawing when drawing was chosen. */
function choiceErrors(form: ConsentFormState, { consent, withdraw, request, drawing }: RecordCheck): Record<string, string> {
  const errors: Record<string, string> = {};
  if (withdraw) {
    if (!form.withdraw.length) errors.withdraw = withdraw.withdrawNone;
    return errors;
  }
  if (!form.decision) errors.decision = consent.decisionRequired;
  if (form.decision === 'grant' && request) {
    for (const id of request.scopes) {
      if (form.choices[id] === undefined) errors[`scope-${id}`] = consent.scopeUnanswered;
    }
    const allAnswered = Object.keys(errors).length === 0;
    if (allAnswered && !request.scopes.some((id) => form.choices[id])) errors.scopes = consent.noneAllowed;
  }
  if (form.method === 'drawn' && drawing.empty) errors.drawn = drawing.failed ? consent.drawFailed : consent.drawEmpty;
  return errors;
}
