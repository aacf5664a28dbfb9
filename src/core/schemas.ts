// The wire contract shared by browser and server (zod/mini keeps the browser bundle small).
// Each exported schema is built the first time it is used (zod's own `z.lazy`): building them all when the module is
// evaluated cost a page's start-up tens of milliseconds in one task (issue #10), and a page uses one schema at most.
import * as z from 'zod/mini';
import { RECORD_ID } from './record-id.js';
import { countGraphemes, TAG_ID, TEXT_LIMITS } from './text.js';
import { LOCALES } from '../i18n/locale.js';

/** A string of at most `max` graphemes (what a person counts), optionally required to be non-blank. */
export const text = (max: number, required = false) =>
  z.string().check(
    z.refine((s) => !required || s.trim().length > 0, { message: 'required', abort: true }),
    z.refine((s) => countGraphemes(s) <= max, { message: `too_long:${max}` }),
  );

const optionalText = (max: number) => z.optional(text(max));

export { LOCALES };
export const FORMATS = ['json', 'cloudevents'] as const;
export const VOICE_KINDS = ['quote', 'paraphrase', 'observation'] as const;
export const CHANNELS = ['meeting', 'call', 'email', 'chat', 'support', 'event', 'other'] as const;
export const PERMISSIONS = ['unknown', 'internal-only', 'anonymous-ok', 'named-ok'] as const;
export const DECISIONS = ['granted', 'declined', 'withdrawn'] as const;
export const SIGNATURE_METHODS = ['typed', 'drawn'] as const;

export const localeSchema = z.lazy(() => z.enum(LOCALES));
export const formatSchema = z.lazy(() => z.enum(FORMATS));

/** ISO 8601 with an explicit offset, e.g. 2026-11-21T14:03:00+09:00. */
export const isoDateTime = z.lazy(() => z.iso.datetime({ offset: true }));
const uuid = z.lazy(() => z.uuid());
const tagId = z.lazy(() => z.string().check(z.regex(TAG_ID, 'tag_id')));
const recordId = z.lazy(() => z.string().check(z.minLength(1), z.maxLength(128), z.regex(RECORD_ID, 'control_character')));

export const intakeSchema = z.lazy(() =>
  z.object({
    id: uuid,
    createdAt: isoDateTime,
    locale: localeSchema,
    voice: z.object({
      text: text(TEXT_LIMITS.voice, true),
      kind: z.enum(VOICE_KINDS),
    }),
    tags: z.array(tagId).check(z.minLength(1, 'tags_required'), z.maxLength(20)),
    channel: z.enum(CHANNELS),
    customer: z.object({
      companyId: optionalText(TEXT_LIMITS.id),
      companyName: optionalText(TEXT_LIMITS.name),
      contactName: optionalText(TEXT_LIMITS.name),
      contactTitle: optionalText(TEXT_LIMITS.name),
    }),
    deal: z.object({
      id: optionalText(TEXT_LIMITS.id),
      stage: optionalText(TEXT_LIMITS.name),
      amount: z.optional(z.number().check(z.nonnegative())),
    }),
    leadSource: optionalText(TEXT_LIMITS.name),
    reporter: z.object({
      id: optionalText(TEXT_LIMITS.id),
      name: optionalText(TEXT_LIMITS.name),
    }),
    permission: z.enum(PERMISSIONS),
    origin: z.object({
      pageUrl: z.optional(z.string().check(z.maxLength(2048))),
      pageTitle: optionalText(300),
      fromSelection: z.boolean(),
    }),
    custom: z.record(z.string().check(z.maxLength(64)), z.union([z.string().check(z.maxLength(TEXT_LIMITS.custom)), z.number(), z.boolean(), z.null()])),
  }),
);
export type IntakeSubmission = z.infer<typeof intakeSchema>;

export const DEFAULT_SCOPE_IDS = [
  'company-name',
  'logo',
  'quotes',
  'person-name-title',
  'photo',
  'video',
  'interview',
  'press-release',
  'sales-material',
] as const;

export { DEFAULT_REVIEW_DAYS } from './consent-terms.js';

export const consentScopeSchema = z.lazy(() => z.object({ id: tagId, granted: z.boolean() }));

export const consentSchema = z.lazy(() =>
  z.object({
    receiptId: uuid,
    requestId: recordId,
    /** The issued request's token (HMAC); the receiver refuses records whose request was altered or never issued. */
    requestToken: z.optional(z.string().check(z.maxLength(512))),
    /** SHA-256 (hex) of the canonical JSON (keys sorted) of the request as the signer saw it; lets the receiver refuse an edited request. */
    requestSha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/, 'sha256'))),
    /** For a withdrawal: the receipt it withdraws. */
    withdrawsReceiptId: z.optional(uuid),
    /** For a withdrawal: the token the receiver returned with that receipt (the withdrawal link carries it). Checked, never stored. */
    withdrawalToken: z.optional(z.string().check(z.maxLength(512))),
    decision: z.enum(DECISIONS),
    declineReason: optionalText(TEXT_LIMITS.reason),
    scopes: z.array(consentScopeSchema).check(z.minLength(1)),
    reviewBeforePublication: z.boolean(),
    reviewWindowBusinessDays: z.optional(z.number().check(z.int(), z.positive())),
    constraints: optionalText(TEXT_LIMITS.constraints),
    term: z.object({ months: z.number().check(z.int(), z.positive()), until: z.optional(z.string()) }),
    signer: z.object({
      name: text(TEXT_LIMITS.name, true),
      title: optionalText(TEXT_LIMITS.name),
      email: z.email(),
      company: optionalText(TEXT_LIMITS.name),
    }),
    signature: z.object({
      method: z.enum(SIGNATURE_METHODS),
      typedName: text(TEXT_LIMITS.name, true),
      image: z.optional(z.string().check(z.maxLength(300_000), z.startsWith('data:image/png;base64,'))),
    }),
    intentStatement: text(500, true),
    notice: z.object({
      templateId: z.string().check(z.minLength(1)),
      version: z.string().check(z.minLength(1)),
      locale: localeSchema,
      sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'sha256')),
    }),
    presentedAt: isoDateTime,
    signedAt: isoDateTime,
    timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
    userAgent: z.string().check(z.maxLength(512)),
    withdrawal: text(1000, true),
  }),
);
export type ConsentRecord = z.infer<typeof consentSchema>;

/** What a consent link carries (base64url JSON in `#koe=`), or what the host sets as `request`. */
export const consentRequestSchema = z.lazy(() =>
  z.object({
    id: recordId,
    controller: z.object({
      name: text(TEXT_LIMITS.name, true),
      contact: optionalText(TEXT_LIMITS.name),
      email: z.email(),
      privacyPolicyUrl: z.optional(z.url({ protocol: /^https?$/ })),
    }),
    customer: z.object({
      company: text(TEXT_LIMITS.name, true),
      signerName: optionalText(TEXT_LIMITS.name),
      signerEmail: z.optional(z.email()),
      signerTitle: optionalText(TEXT_LIMITS.name),
    }),
    story: z.object({
      title: text(200, true),
      summary: optionalText(2000),
      quotes: z.array(text(TEXT_LIMITS.voice, true)).check(z.maxLength(20)),
    }),
    // Each offered once: the signer answers each scope exactly once (server/consent-rules.ts).
    scopes: z.array(tagId).check(z.minLength(1), z.refine((scopes) => new Set(scopes).size === scopes.length, 'scopes_repeated')),
    channels: z.array(text(TEXT_LIMITS.name, true)).check(z.maxLength(20)),
    termMonths: z.number().check(z.int(), z.positive(), z.lte(120)),
    reviewBeforePublication: z.boolean(),
    reviewWindowBusinessDays: z.optional(z.number().check(z.int(), z.positive(), z.lte(60))),
    locale: z.optional(localeSchema),
    intakeId: z.optional(uuid),
    issuedAt: isoDateTime,
    expiresAt: isoDateTime,
    token: z.optional(z.string().check(z.maxLength(512))),
  }),
);
export type ConsentRequest = z.infer<typeof consentRequestSchema>;

/** Shared element configuration, validated when attributes or properties change. */
export const configSchema = z.lazy(() =>
  z.object({
    endpoint: z.string().check(z.minLength(1)),
    format: formatSchema,
    locale: z.optional(localeSchema),
  }),
);
export type KoeConfig = z.infer<typeof configSchema>;

/** CloudEvents 1.0 structured-mode envelope. */
export const cloudEventSchema = z.lazy(() =>
  z.object({
    specversion: z.literal('1.0'),
    id: z.string().check(z.minLength(1)),
    type: z.enum(['koe.intake.v1', 'koe.consent.v1']),
    source: z.string().check(z.minLength(1)),
    time: z.optional(isoDateTime),
    datacontenttype: z.optional(z.literal('application/json')),
    data: z.unknown(),
  }),
);
export type CloudEvent = z.infer<typeof cloudEventSchema>;

export type SubmissionType = 'koe.intake.v1' | 'koe.consent.v1';
export const schemaFor = { 'koe.intake.v1': intakeSchema, 'koe.consent.v1': consentSchema } as const;

/** Zod issues flattened to `{ path: 'voice.text', message }` for 422 bodies and field messages. */
export function flattenIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string }>): Array<{ path: string; message: string; code?: string }> {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, ...(i.code ? { code: i.code } : {}) }));
}
