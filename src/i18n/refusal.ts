// What <koe-consent> says when the receiver refuses a record, by the rule it names (its answer's `error` code), one typed
// object per locale; fetched only when a refusal arrives (consent-loaders.ts). The codes: src/server/consent-rules.ts.
import type { Locale } from './locale.js';
import { refusalJa } from './refusal-ja.js';
import { refusalEn } from './refusal-en.js';

/** The reasons the signer can be told, each a sentence; `then` says what to do next. */
export interface RefusalStrings {
  /** 409: the request already has an answer. */
  alreadyAnswered: (email: string) => string;
  expired: string;
  /** The link's request is not the one issued (token, hash, never issued). */
  notIssued: string;
  scopes: string;
  decision: string;
  term: string;
  review: string;
  company: string;
  withdrawalLink: string;
  withdrawalReceipt: string;
  withdrawalEmail: string;
  withdrawalScopes: string;
  /** What to do after a reason the signer cannot fix on this page. */
  then: (email: string) => string;
  /** No contact address known: who to ask instead. */
  sender: string;
}

/** Both locales, for tests and the demo; the element loads one at a time. */
export const refusalStrings: Record<Locale, RefusalStrings> = { ja: refusalJa, en: refusalEn };
