// The Japanese wording of the consent and withdrawal notices (the hashed text; change only with a new version).
import type { NoticeCopy } from './notice-template.js';

export const noticeJa: NoticeCopy = {
  lang: 'ja',
  title: '取材・掲載同意書',
  quote: (q) => `「${q}」`,
  withdrawal: (email) =>
    `同意は、いつでも全部または一部を撤回できます。送信後に表示される受領証の撤回用リンク、または下記のお問い合わせ先（${email}）からお申し出ください。お申し出を受けてから速やかに、該当する掲載を停止します。ただし、撤回前に印刷・配布した資料は回収できない場合があります。お断りや撤回によって、貴社とのお取引に影響することはありません。`,
  storyTitle: (title) => `事例の題名：${title}`,
  summary: (summary) => `概要：${summary}`,
  quotesIntro: '掲載予定の発言（原文のまま）：',
  scopesIntro: '掲載をお願いする項目（項目ごとに可否をお選びください）：',
  channelsOther: 'これ以外の媒体に掲載する場合は、改めてご相談します。',
  channelsUndecided: '掲載先は決まりしだい事前にお知らせし、改めてご相談します。',
  review: (days) =>
    `公開前に当社から原稿をお送りします。原稿の受領後${days}営業日以内にご確認のうえ、ご回答ください。貴社のご確認が済むまで公開しません。期限内にご回答がない場合は、改めてご連絡します。`,
  noReview: '文意を変えない範囲で、表記や長さを調整することがあります。公開前の原稿確認は行いません。',
  contact: (contact, email) => `${contact}（${email}）`,
  personalData: 'ご記入いただく氏名・役職・メールアドレスは、本件の同意の記録とご連絡のためにのみ使用します。',
  privacyPolicy: 'プライバシーポリシー',
  to: (company) => `${company} 御中`,
  intro: (controller) =>
    `${controller}（以下「当社」といいます）は、貴社の導入事例を作成・掲載するにあたり、以下の内容について貴社の同意をお願いいたします。内容をご確認のうえ、項目ごとに可否をお選びください。`,
  whatHeading: '1. 掲載する内容',
  whyHeading: '2. 掲載の目的',
  why: '当社の製品・サービスの導入事例として紹介し、導入を検討しているお客様に実際の活用の様子をお伝えするためです。これ以外の目的には使用しません。',
  whereHeading: '3. 掲載先',
  termHeading: '4. 掲載期間',
  term: (months) => `掲載開始から${months}か月間です。延長する場合は、改めてご相談します。期間の終了後は、新たな掲載や配布を行いません。`,
  editingHeading: '5. 編集と原稿の確認',
  conditions: '掲載にあたってのご要望（例：写真に顔が写らないようにする）は、下の「ご要望」欄にご記入ください。',
  feesHeading: '6. 費用',
  fees: '別途書面で定める場合を除き、本件について貴社に費用は発生せず、当社から謝礼などをお支払いすることもありません。',
  withdrawHeading: '7. 同意の撤回',
  contactHeading: '8. お問い合わせ先・個人情報の取り扱い',
  form: (id, version) => `（書式 ${id} 第${version}版）`,
};
