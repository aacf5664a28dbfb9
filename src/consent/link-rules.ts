// The rules a consent link and a withdrawal link must pass, checked by hand in the browser (no zod schemas).
// A consent request passes here exactly when the receiver's `consentRequestSchema` passes it, and reads as the same value
// (tests/core/consent-link-rules.test.ts compares the two on every kind of bad input). Building zod's schemas on the
// signer's first view was a long task of its own and most of the link reader's download (issue #10).
import { regexes } from 'zod/v4/core';
import type { ConsentRequest } from '../core/schemas.js';
import { RECORD_ID } from '../core/record-id.js';
import { countGraphemes, TAG_ID, TEXT_LIMITS } from '../core/text.js';
import { LOCALES, type Locale } from '../i18n/locale.js';

/** What a withdrawal link carries: the receipt it withdraws, its withdrawal token (the receiver's), the scopes that were granted. */
export interface WithdrawLink {
  receiptId: string;
  requestId: string;
  withdrawalToken?: string;
  scopes: string[];
  termMonths?: number;
  company?: string;
  locale?: Locale;
}

/** Reads `value` as a T, or throws REFUSED. */
type Rule<T> = (value: unknown) => T;

/** Thrown by a rule that a value breaks, and caught only by `passes`. */
const REFUSED = { refused: true } as const;
const refuse = (): never => {
  throw REFUSED;
};

/** The value as a rule reads it, or undefined when it breaks the rule. */
function passes<T>(rule: Rule<T>, value: unknown): T | undefined {
  try {
    return rule(value);
  } catch (error) {
    if (error === REFUSED) return undefined;
    throw error;
  }
}

// ---- rules, each as zod/mini reads the same schema (zod v4 measures string lengths in code points) ----

const string =
  (min = 0, max = Infinity, pattern?: RegExp): Rule<string> =>
  (value) => {
    if (typeof value !== 'string') return refuse();
    const codePoints = [...value].length;
    if (codePoints < min || codePoints > max || (pattern && !pattern.test(value))) refuse();
    return value;
  };

/** core/schemas.ts `text()`: graphemes, as a person counts, and optionally not blank. */
const text =
  (max: number, required = false): Rule<string> =>
  (value) => {
    if (typeof value !== 'string' || (required && !value.trim()) || countGraphemes(value) > max) return refuse();
    return value;
  };

const email = string(0, Infinity, regexes.email);
const uuid = string(0, Infinity, regexes.uuid());
const isoDateTime = string(0, Infinity, regexes.datetime({ offset: true }));
const tagId = string(0, Infinity, TAG_ID);
const recordId = string(1, 128, RECORD_ID);

/** `z.url({ protocol: /^https?$/ })`: `http(s)://`, parsed by the URL parser; read trimmed and without tabs or newlines. */
const httpUrl: Rule<string> = (value) => {
  if (typeof value !== 'string') return refuse();
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) refuse();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse();
  }
  if (!regexes.httpProtocol.test(url.protocol.slice(0, -1))) refuse();
  return trimmed.replace(/[\t\n\r]/g, '');
};

/** A whole number from 1 to `max`. */
const count =
  (max: number): Rule<number> =>
  (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0 || value > max) return refuse();
    return value;
  };

const boolean: Rule<boolean> = (value) => (typeof value === 'boolean' ? value : refuse());

const locale: Rule<Locale> = (value) => (LOCALES.includes(value as Locale) ? (value as Locale) : refuse());

const optional =
  <T>(rule: Rule<T>): Rule<T | undefined> =>
  (value) =>
    value === undefined ? undefined : rule(value);

const array =
  <T>(rule: Rule<T>, min: number, max: number): Rule<T[]> =>
  (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return refuse();
    return value.map((item) => rule(item));
  };

/** `scopes`: each offered once (the signer answers each exactly once). */
const distinct =
  <T>(rule: Rule<T[]>): Rule<T[]> =>
  (value) => {
    const items = rule(value);
    return new Set(items).size === items.length ? items : refuse();
  };

/** Known keys only (others are dropped, as zod's objects do); a key given as undefined stays, one left out stays out. */
const object =
  <T>(shape: { [K in keyof T]-?: Rule<T[K]> }): Rule<T> =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse();
    const read: Record<string, unknown> = {};
    for (const [key, rule] of Object.entries<Rule<unknown>>(shape)) {
      const item = rule((value as Record<string, unknown>)[key]);
      if (item !== undefined || key in value) read[key] = item;
    }
    return read as T;
  };

// ---- the two links ----

const { name: NAME, voice: VOICE } = TEXT_LIMITS;

/** `consentRequestSchema` (core/schemas.ts), rule for rule. */
const consentRequest = object<ConsentRequest>({
  id: recordId,
  controller: object<ConsentRequest['controller']>({
    name: text(NAME, true),
    contact: optional(text(NAME)),
    email,
    privacyPolicyUrl: optional(httpUrl),
  }),
  customer: object<ConsentRequest['customer']>({
    company: text(NAME, true),
    signerName: optional(text(NAME)),
    signerEmail: optional(email),
    signerTitle: optional(text(NAME)),
  }),
  story: object<ConsentRequest['story']>({
    title: text(200, true),
    summary: optional(text(2000)),
    quotes: array(text(VOICE, true), 0, 20),
  }),
  scopes: distinct(array(tagId, 1, Infinity)),
  channels: array(text(NAME, true), 0, 20),
  termMonths: count(120),
  reviewBeforePublication: boolean,
  reviewWindowBusinessDays: optional(count(60)),
  locale: optional(locale),
  intakeId: optional(uuid),
  issuedAt: isoDateTime,
  expiresAt: isoDateTime,
  token: optional(string(0, 512)),
});

const withdrawLink = object<WithdrawLink>({
  receiptId: uuid,
  requestId: recordId,
  withdrawalToken: optional(string(0, 512)),
  scopes: array(tagId, 1, 50),
  termMonths: optional(count(120)),
  company: optional(string(0, 100)),
  locale: optional(locale),
});

/** The request as the receiver would read it, or undefined when the receiver would refuse it. */
export const readConsentRequest = (value: unknown): ConsentRequest | undefined => passes(consentRequest, value);

/** The withdrawal link's contents, or undefined when they are not a withdrawal link's. */
export const readWithdrawLink = (value: unknown): WithdrawLink | undefined => passes(withdrawLink, value);
