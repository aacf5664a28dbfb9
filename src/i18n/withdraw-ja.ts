// Strings of the withdraw mode of <koe-consent>, in Japanese (the notice part is hashed: change it only with a new version).
import type { WithdrawStrings } from './withdraw.js';

export const withdrawJa: WithdrawStrings = {
  lang: 'ja',
  withdrawLegend: '撤回する項目',
  withdrawSelectAll: 'すべて選ぶ',
  withdrawNone: '撤回する項目を選んでください。',
  withdrawIntent: (id) => `私は、受付番号 ${id} の同意のうち、選んだ項目について同意を撤回します。`,
  submitWithdraw: '撤回を送信する',
  withdrawEmailHint: '同意したときのメールアドレスを入力してください。',
  noticeTitle: '同意の撤回',
  noticeIntro: (receiptId) =>
    `受付番号 ${receiptId} の同意のうち、選んだ項目の同意を撤回します。ご本人確認のため、同意したときのメールアドレスとお名前を入力してください。`,
  noticeWithdrawal:
    '撤回した項目は、お申し出を受けてから速やかに掲載を停止します。ただし、撤回前に印刷・配布した資料は回収できない場合があります。撤回によって、貴社とのお取引に影響することはありません。',
};
