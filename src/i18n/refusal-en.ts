// What <koe-consent> says when the receiver refuses a record, in English.
import type { RefusalStrings } from './refusal.js';

export const refusalEn: RefusalStrings = {
  alreadyAnswered: (email) =>
    `This request has already been answered; only one answer is accepted. To withdraw a consent you gave, use the withdrawal link on your receipt. To change a decline, please contact ${email}.`,
  expired: 'This request has passed its deadline, so your answer was not accepted.',
  notIssued: 'This request does not match the one the sender issued, so your answer was not accepted.',
  scopes: 'Your answers do not match the uses in the request, so they were not accepted.',
  decision: 'Your choice to agree or decline does not match your answers for each use, so it was not accepted.',
  term: 'The publication period differs from the request, so your answer was not accepted.',
  review: 'The review before publication differs from the request, so your answer was not accepted.',
  company: 'The company differs from the one the request was sent to, so your answer was not accepted.',
  withdrawalLink: 'The withdrawal link is not valid, so the withdrawal was not accepted. Copy the whole link from your receipt and open it again.',
  withdrawalReceipt: 'The consent this withdrawal link refers to cannot be found, so the withdrawal was not accepted.',
  withdrawalEmail: 'This email address is not the one the consent was signed with. Enter that address and send again.',
  withdrawalScopes: 'The uses to withdraw do not match the ones you agreed to, so the withdrawal was not accepted.',
  then: (email) => ` Please ask ${email} for a new link.`,
  sender: 'the sender',
};
