// The English wording of the consent and withdrawal notices (the hashed text; change only with a new version).
import type { NoticeCopy } from './notice-template.js';

export const noticeEn: NoticeCopy = {
  lang: 'en',
  title: 'Consent to a case study: interview and publication',
  quote: (q) => `“${q}”`,
  withdrawal: (email) =>
    `You can withdraw all or part of your consent at any time, using the withdrawal link on the receipt shown after you send this form, or by writing to the contact below (${email}). We will promptly stop the affected publication once we receive your request; printed material already handed out may not be recoverable. Declining or withdrawing will not affect our business with you.`,
  storyTitle: (title) => `Title: ${title}`,
  summary: (summary) => `Summary: ${summary}`,
  quotesIntro: 'Statements we would quote, word for word:',
  scopesIntro: 'Uses we are asking for (you choose each one):',
  channelsOther: 'We will ask you again before publishing anywhere else.',
  channelsUndecided: 'We will tell you where before anything is published, and ask you again.',
  review: (days) =>
    `We will send you the draft before publication. Please review it and reply within ${days} business days of receiving it. Nothing is published until you have approved it; if we do not hear from you in time, we will contact you again.`,
  noReview: 'We may adjust wording and length without changing the meaning. There is no review of the draft before publication.',
  contact: (contact, email) => `${contact} (${email})`,
  personalData: 'We use the name, title and email address you enter only to record this consent and to contact you about it.',
  privacyPolicy: 'Privacy policy',
  to: (company) => `To: ${company}`,
  intro: (controller) =>
    `${controller} (“we”) would like to publish a case study about your company. Please read what we would publish and choose, for each use, whether you allow it.`,
  whatHeading: '1. What we will publish',
  whyHeading: '2. Why',
  why: 'To show prospective customers how our products and services are used in practice, with your company as the example. We will not use it for any other purpose.',
  whereHeading: '3. Where',
  termHeading: '4. For how long',
  term: (months) =>
    `For ${months} month${months === 1 ? '' : 's'} from publication. Any extension needs your agreement; after the term we will not publish or hand it out anew.`,
  editingHeading: '5. Editing and review',
  conditions: 'If you have conditions (for example, no faces in photos), write them in the “Conditions” field below.',
  feesHeading: '6. Fees',
  fees: 'Unless agreed otherwise in writing, there is no charge to you and we make no payment to you for this.',
  withdrawHeading: '7. Withdrawing consent',
  contactHeading: '8. Contact and personal information',
  form: (id, version) => `(Form ${id}, version ${version})`,
};
