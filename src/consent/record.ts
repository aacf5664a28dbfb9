// Builds consent and withdrawal records from what the signer chose (loaded when the signer first sends).
import type { ConsentRecord, ConsentRequest } from '../core/schemas.js';
import { newId } from '../core/ids.js';
import { cleanText } from '../core/text.js';
import type { ConsentStrings } from '../i18n/consent.js';
import type { ConsentFormState } from './consent-form.js';
import { DEFAULT_REVIEW_DAYS, type Notice } from './notice-template.js';
import type { WithdrawLink } from './link-codec.js';
import type { WithdrawStrings } from '../i18n/withdraw.js';
import { isoWithOffset, localTimeZone } from './time.js';

interface Signing {
  notice: Notice;
  sha256: string;
  presentedAt: string;
  intentStatement: string;
  image?: string;
  /** SHA-256 of the canonical request JSON as the signer saw it. */
  requestSha256?: string;
  now?: Date;
}

// Optional text: trimmed, and left out of the record when empty.
const opt = (value: string) => cleanText(value);

function common(form: ConsentFormState, s: Signing) {
  return {
    receiptId: newId(),
    signer: { name: form.name.trim(), title: opt(form.title), email: form.email.trim() },
    signature: { method: form.method, typedName: form.typedName.trim(), image: s.image },
    intentStatement: s.intentStatement,
    notice: { templateId: s.notice.templateId, version: s.notice.version, locale: s.notice.locale, sha256: s.sha256 },
    presentedAt: s.presentedAt,
    signedAt: isoWithOffset(s.now),
    timeZone: localTimeZone(),
    userAgent: (typeof navigator !== 'undefined' ? navigator.userAgent : 'unknown').slice(0, 512),
    withdrawal: s.notice.withdrawal,
  };
}

/** A `granted` or `declined` record; every offered scope is listed, granted only if the signer chose "allow". */
export function buildConsentRecord(req: ConsentRequest, form: ConsentFormState, s: Signing): ConsentRecord {
  const grant = form.decision === 'grant';
  const base = common(form, s);
  return strip({
    ...base,
    requestId: req.id,
    requestToken: req.token,
    requestSha256: s.requestSha256,
    decision: grant ? 'granted' : 'declined',
    declineReason: grant ? undefined : opt(form.declineReason),
    scopes: req.scopes.map((id) => ({ id, granted: grant && form.choices[id] === true })),
    reviewBeforePublication: req.reviewBeforePublication,
    reviewWindowBusinessDays: req.reviewBeforePublication ? (req.reviewWindowBusinessDays ?? DEFAULT_REVIEW_DAYS) : undefined,
    constraints: grant ? opt(form.constraints) : undefined,
    term: { months: req.termMonths },
    signer: { ...base.signer, company: req.customer.company },
  }) as ConsentRecord;
}

/**
 * A `withdrawn` record referencing the original receipt: `scopes` lists every scope that was granted,
 * `granted: false` for those withdrawn now and `true` for those that stay granted.
 */
export function buildWithdrawRecord(w: WithdrawLink, form: ConsentFormState, s: Signing, req?: ConsentRequest): ConsentRecord {
  const base = common(form, s);
  return strip({
    ...base,
    requestId: w.requestId,
    requestToken: w.token ?? req?.token,
    requestSha256: req ? s.requestSha256 : undefined,
    withdrawsReceiptId: w.receiptId,
    decision: 'withdrawn',
    scopes: w.scopes.map((id) => ({ id, granted: !form.withdraw.includes(id) })),
    reviewBeforePublication: req?.reviewBeforePublication ?? false,
    // The schema requires a term; the original's is carried when the link or request knows it.
    term: { months: w.termMonths ?? req?.termMonths ?? 1 },
    signer: { ...base.signer, company: w.company ?? req?.customer.company },
  }) as ConsentRecord;
}

/** Drops undefined members so the stored record carries only what was given. */
function strip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Choices the schema cannot see: a decision, every scope answered, at least one allowed, a drawing when drawing was chosen. */
export function choiceErrors(
  f: ConsentFormState,
  s: ConsentStrings,
  drawing: { empty: boolean; failed: boolean },
  req?: ConsentRequest,
  /** In withdraw mode: its strings (the only check is that something was selected). */
  withdrawing?: WithdrawStrings,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (withdrawing) {
    if (!f.withdraw.length) errors.withdraw = withdrawing.withdrawNone;
    return errors;
  }
  if (!f.decision) errors.decision = s.decisionRequired;
  if (f.decision === 'grant' && req) {
    for (const id of req.scopes) if (f.choices[id] === undefined) errors[`scope-${id}`] = s.scopeUnanswered;
    if (!Object.keys(errors).length && !req.scopes.some((id) => f.choices[id])) errors.scopes = s.noneAllowed;
  }
  if (f.method === 'drawn' && drawing.empty) errors.drawn = drawing.failed ? s.drawFailed : s.drawEmpty;
  return errors;
}
