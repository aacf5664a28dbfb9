// Strings of the withdraw mode of <koe-consent>, in English (the notice part is hashed: change it only with a new version).
import type { WithdrawStrings } from './withdraw.js';

export const withdrawEn: WithdrawStrings = {
  lang: 'en',
  withdrawLegend: 'Uses to withdraw',
  withdrawSelectAll: 'Select all',
  withdrawNone: 'Choose at least one use to withdraw.',
  withdrawIntent: (id) => `I withdraw my consent to the uses selected above, from the consent with receipt ID ${id}.`,
  submitWithdraw: 'Send withdrawal',
  withdrawEmailHint: 'Enter the email address you signed with.',
  noticeTitle: 'Withdraw consent',
  noticeIntro: (receiptId) =>
    `This withdraws the uses you select from the consent with receipt ID ${receiptId}. To confirm it is you, enter the email address and name you signed with.`,
  noticeWithdrawal:
    'We will promptly stop publishing what you withdraw once we receive your request; printed material already handed out may not be recoverable. Withdrawing will not affect our business with you.',
};
