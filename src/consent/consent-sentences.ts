// The sentences <koe-consent> composes from its strings and the request: the one the signer agrees to, and the refusal.
import type { ConsentRequest } from '../core/schemas.js';
import type { CommonStrings } from '../i18n/common.js';
import type { ConsentStrings } from '../i18n/consent.js';
import type { DeliveryStrings } from '../i18n/delivery.js';
import type { WithdrawStrings } from '../i18n/withdraw.js';
import type { Refusal } from './consent-delivery.js';
import type { ConsentFormState } from './consent-form-state.js';
import type { WithdrawLink } from './link-rules.js';

/** The sentence by the send button that the signer agrees to (also stored in the record); empty until there is one. */
export function intentSentence(
  s: ConsentStrings,
  form: ConsentFormState,
  { request, withdrawal }: { request?: ConsentRequest; withdrawal?: WithdrawLink },
  withdrawWording?: WithdrawStrings,
): string {
  if (withdrawal) return withdrawWording?.withdrawIntent(withdrawal.receiptId) ?? '';
  if (!request || !form.decision) return '';
  const sentence = form.decision === 'grant' ? s.intentGrant : s.intentDecline;
  return sentence(request.customer.company, request.controller.name);
}

/** What to say when the receiver refused the record: whom to ask (the request's contact), and what the receiver said. */
export function rejectionMessage(s: ConsentStrings, c: CommonStrings & DeliveryStrings, request: ConsentRequest | undefined, message?: string): string {
  const email = request?.controller.email;
  const lead = email ? s.rejected(email) : c.needsAttention;
  return message ? `${lead} ${c.serverSaid(message)}` : lead;
}

/**
 * The alert for a refused record: in the signer's language by the rule the receiver named, once that wording is here
 * (`worded`), else the general refusal with the receiver's own words. Empty once the signer has fixed what it speaks of.
 */
export function refusalAlert(
  s: ConsentStrings,
  c: CommonStrings & DeliveryStrings,
  request: ConsentRequest | undefined,
  refusal: Refusal | undefined,
  worded?: (code: string | undefined, email: string | undefined) => string | undefined,
): string {
  if (!refusal || refusal.fixed) return '';
  return worded?.(refusal.code, request?.controller.email) ?? rejectionMessage(s, c, request, refusal.message);
}
