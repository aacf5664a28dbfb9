// Strings of <koe-consent>, one typed object per locale. The notice itself lives in src/consent/notice-template.ts.
import type { Locale } from './locale.js';
import { consentJa } from './consent-ja.js';
import { consentEn } from './consent-en.js';

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
  rejected: (email: string) => string;
  invalidEmail: string;
}

/** Both locales, for code that needs either at once (tests, the demo); the elements load one at a time. */
export const consentStrings: Record<Locale, ConsentStrings> = { ja: consentJa, en: consentEn };
