// Strings of <koe-consent>, one typed object per locale. The notice itself lives in src/consent/notice-template.ts.
import type { Locale } from './locale.js';

export interface ConsentStrings {
  loading: string;
  insecureTitle: string;
  insecureBody: string;
  linkErrorTitle: string;
  linkMissing: string;
  linkUndecodable: string;
  linkInvalid: string;
  linkExpired: (date: string) => string;
  formLabel: string;
  decisionLegend: string;
  decisionGrant: string;
  decisionDecline: string;
  decisionRequired: string;
  scopesLegend: string;
  scopesHint: string;
  allow: string;
  deny: string;
  scopeUnanswered: string;
  noneAllowed: string;
  constraintsLabel: string;
  constraintsHint: string;
  declineReasonLabel: string;
  optional: string;
  signerLegend: string;
  nameLabel: string;
  titleLabel: string;
  emailLabel: string;
  companyLabel: (company: string) => string;
  signatureLegend: string;
  signatureTyped: string;
  signatureDrawn: string;
  typedNameLabel: string;
  typedNameHint: string;
  drawLabel: string;
  drawHint: string;
  drawLoading: string;
  drawFailed: string;
  drawEmpty: string;
  clearDrawing: string;
  intentGrant: (company: string, controller: string) => string;
  intentDecline: (company: string, controller: string) => string;
  submitGrant: string;
  submitDecline: string;
  submit: string;
  receiptGranted: string;
  receiptPartly: string;
  receiptDeclined: string;
  receiptWithdrawn: string;
  receiptKeep: string;
  receiptId: string;
  noticeHash: string;
  signedAt: string;
  allowedScopes: string;
  deniedScopes: string;
  withdrawnScopes: string;
  remainingScopes: string;
  none: string;
  constraintsShown: string;
  howToWithdraw: string;
  withdrawLink: string;
  download: string;
  print: string;
  withdrawLegend: string;
  withdrawSelectAll: string;
  withdrawNone: string;
  withdrawIntent: (receiptId: string) => string;
  submitWithdraw: string;
  withdrawEmailHint: string;
  rejected: (email: string) => string;
}

export const consentStrings: Record<Locale, ConsentStrings> = {
  ja: {
    loading: '同意書を読み込んでいます…',
    insecureTitle: 'このページは安全な接続（https）で開いてください',
    insecureBody:
      '同意書の改ざんを防ぐため、暗号化された接続でのみご利用いただけます。届いたリンクが「http://」で始まる場合は「https://」に変えて開き直すか、送信者にお問い合わせください。',
    linkErrorTitle: 'この同意書のリンクを開けませんでした',
    linkMissing: 'リンクに同意書の内容が含まれていません。メールなどで届いたリンクを、途中で切れないよう全体をコピーして開いてください。',
    linkUndecodable: 'リンクの一部が壊れているため、内容を読み取れません。届いたリンクの全体をもう一度開いてください。',
    linkInvalid: 'リンクの内容に不備があります。お手数ですが、送信者に新しいリンクの発行をご依頼ください。',
    linkExpired: (date) => `このリンクの有効期限（${date}）が過ぎています。お手数ですが、送信者に新しいリンクの発行をご依頼ください。`,
    formLabel: '取材・掲載へのご回答',
    decisionLegend: 'ご回答',
    decisionGrant: '掲載に同意します（項目ごとに選びます）',
    decisionDecline: '掲載をお断りします',
    decisionRequired: '同意するか、お断りするかを選んでください。',
    scopesLegend: '項目ごとの可否',
    scopesHint: 'すべての項目について「許可する」か「許可しない」を選んでください。',
    allow: '許可する',
    deny: '許可しない',
    scopeUnanswered: '「許可する」か「許可しない」を選んでください。',
    noneAllowed: '許可する項目がありません。掲載をお断りになる場合は「掲載をお断りします」を選んでください。',
    constraintsLabel: 'ご要望',
    constraintsHint: '例：写真に顔が写らないようにしてほしい',
    declineReasonLabel: 'お断りの理由',
    optional: '（任意）',
    signerLegend: 'ご署名いただく方',
    nameLabel: '氏名',
    titleLabel: '役職',
    emailLabel: 'メールアドレス',
    companyLabel: (company) => `会社名：${company}`,
    signatureLegend: '署名の方法',
    signatureTyped: '氏名を入力して署名する',
    signatureDrawn: '手書きで署名する（氏名の入力も必要です）',
    typedNameLabel: '署名（氏名を入力）',
    typedNameHint: '入力した氏名が署名になります。',
    drawLabel: '手書きの署名欄',
    drawHint: 'この枠内に指やマウスで署名してください。キーボードをお使いの場合は、上の入力による署名だけで有効です。',
    drawLoading: '手書きの署名欄を準備しています…',
    drawFailed: '手書きの署名欄を読み込めませんでした。入力による署名をお使いください。',
    drawEmpty: '枠内に署名するか、「氏名を入力して署名する」を選んでください。',
    clearDrawing: '書き直す',
    intentGrant: (company, controller) =>
      `私は${company}を代表して上記の同意書を読み、「許可する」を選んだ項目について、${controller}が掲載することに同意します。`,
    intentDecline: (company, controller) => `私は${company}を代表して上記の同意書を読み、${controller}による掲載をお断りします。`,
    submitGrant: '同意して送信する',
    submitDecline: 'お断りを送信する',
    submit: '送信する',
    receiptGranted: '同意を受け付けました',
    receiptPartly: '一部の項目について同意を受け付けました',
    receiptDeclined: 'お断りのご回答を受け付けました',
    receiptWithdrawn: '同意の撤回を受け付けました',
    receiptKeep: 'この受領証は、印刷するかダウンロードして保管してください。',
    receiptId: '受付番号',
    noticeHash: '同意書の指紋（SHA-256）',
    signedAt: '署名日時',
    allowedScopes: '許可した項目',
    deniedScopes: '許可しなかった項目',
    withdrawnScopes: '撤回した項目',
    remainingScopes: '引き続き許可する項目',
    none: 'なし',
    constraintsShown: 'ご要望',
    howToWithdraw: '撤回の方法',
    withdrawLink: '撤回用のページ（このリンクを保管してください）',
    download: '受領証をダウンロード（JSON）',
    print: '印刷する',
    withdrawLegend: '撤回する項目',
    withdrawSelectAll: 'すべて選ぶ',
    withdrawNone: '撤回する項目を選んでください。',
    withdrawIntent: (id) => `私は、受付番号 ${id} の同意のうち、選んだ項目について同意を撤回します。`,
    submitWithdraw: '撤回を送信する',
    withdrawEmailHint: '同意したときのメールアドレスを入力してください。',
    rejected: (email) => `この回答は送信先で受け付けられませんでした。お手数ですが、送信者（${email}）にお問い合わせください。`,
  },
  en: {
    loading: 'Loading the consent form…',
    insecureTitle: 'Please open this page over a secure connection (https)',
    insecureBody:
      'To protect the consent form from tampering, it only works over an encrypted connection. If your link starts with “http://”, change it to “https://” and open it again, or contact the sender.',
    linkErrorTitle: 'This consent link could not be opened',
    linkMissing: 'The link does not contain a consent form. Copy the whole link from your email, making sure it is not cut off, and open it again.',
    linkUndecodable: 'Part of the link is damaged, so it cannot be read. Open the whole link from your email again.',
    linkInvalid: 'Something in this link is not right. Please ask the sender for a new link.',
    linkExpired: (date) => `This link expired on ${date}. Please ask the sender for a new link.`,
    formLabel: 'Your answer to the case study request',
    decisionLegend: 'Your answer',
    decisionGrant: 'I agree to publication (choosing each use below)',
    decisionDecline: 'I decline publication',
    decisionRequired: 'Choose whether you agree or decline.',
    scopesLegend: 'Each use',
    scopesHint: 'For every use, choose “Allow” or “Do not allow”.',
    allow: 'Allow',
    deny: 'Do not allow',
    scopeUnanswered: 'Choose “Allow” or “Do not allow”.',
    noneAllowed: 'You have not allowed any use. To decline, choose “I decline publication”.',
    constraintsLabel: 'Conditions',
    constraintsHint: 'For example: no faces in photos',
    declineReasonLabel: 'Reason for declining',
    optional: ' (optional)',
    signerLegend: 'Who is signing',
    nameLabel: 'Full name',
    titleLabel: 'Job title',
    emailLabel: 'Email address',
    companyLabel: (company) => `Company: ${company}`,
    signatureLegend: 'How to sign',
    signatureTyped: 'Sign by typing my name',
    signatureDrawn: 'Sign by hand (your typed name is still needed)',
    typedNameLabel: 'Signature (type your full name)',
    typedNameHint: 'The name you type is your signature.',
    drawLabel: 'Handwritten signature area',
    drawHint: 'Sign inside the box with your finger or mouse. If you use a keyboard, the typed signature above is all you need.',
    drawLoading: 'Preparing the signature area…',
    drawFailed: 'The signature area could not be loaded. Please sign by typing your name.',
    drawEmpty: 'Sign inside the box, or choose “Sign by typing my name”.',
    clearDrawing: 'Clear and sign again',
    intentGrant: (company, controller) =>
      `On behalf of ${company}, I have read the consent form above and agree to ${controller} publishing the uses I marked “Allow”.`,
    intentDecline: (company, controller) => `On behalf of ${company}, I have read the consent form above and decline publication by ${controller}.`,
    submitGrant: 'Agree and send',
    submitDecline: 'Send my decision to decline',
    submit: 'Send',
    receiptGranted: 'Your consent has been received',
    receiptPartly: 'Your consent to some uses has been received',
    receiptDeclined: 'Your decision to decline has been received',
    receiptWithdrawn: 'Your withdrawal has been received',
    receiptKeep: 'Please print or download this receipt and keep it.',
    receiptId: 'Receipt ID',
    noticeHash: 'Fingerprint of the consent form (SHA-256)',
    signedAt: 'Signed at',
    allowedScopes: 'Allowed',
    deniedScopes: 'Not allowed',
    withdrawnScopes: 'Withdrawn',
    remainingScopes: 'Still allowed',
    none: 'None',
    constraintsShown: 'Conditions',
    howToWithdraw: 'How to withdraw',
    withdrawLink: 'Withdrawal page (keep this link)',
    download: 'Download receipt (JSON)',
    print: 'Print',
    withdrawLegend: 'Uses to withdraw',
    withdrawSelectAll: 'Select all',
    withdrawNone: 'Choose at least one use to withdraw.',
    withdrawIntent: (id) => `I withdraw my consent to the uses selected above, from the consent with receipt ID ${id}.`,
    submitWithdraw: 'Send withdrawal',
    withdrawEmailHint: 'Enter the email address you signed with.',
    rejected: (email) => `Your answer was not accepted by the destination. Please contact the sender (${email}).`,
  },
};
