// Turns a request body into a validated submission, for both plain JSON and CloudEvents structured mode.
import * as z from 'zod/mini';
import { cloudEventSchema, consentRequestSchema, consentSchema, flattenIssues, intakeSchema } from '../core/schemas.js';
import type { ConsentRecord, ConsentRequest, IntakeSubmission } from '../core/schemas.js';
import { HttpError } from './http.js';

// Readable English messages in 422 bodies, per parse (never a process-wide zod config).
const ENGLISH = { error: z.locales.en().localeError };

export type { SubmissionKind } from './store.js';
import type { SubmissionKind } from './store.js';
export type Field = { path: string; message: string; code?: string };

const TYPE = { intake: 'koe.intake.v1', consent: 'koe.consent.v1' } as const;
export const CLOUDEVENTS_TYPE = 'application/cloudevents+json';

/** The submission inside a body: `data` of a CloudEvent, else the body itself (used for the fingerprint). */
export function submissionOf(body: unknown, media: string): unknown {
  if (media === CLOUDEVENTS_TYPE && body && typeof body === 'object' && 'data' in body) return (body as { data: unknown }).data;
  return body;
}

export function validationError(what: string, fields: Field[]): HttpError {
  const list = fields.map((f) => `${f.path || '(body)'} (${f.message})`).join(', ');
  const count = fields.length === 1 ? '1 invalid field' : `${fields.length} invalid fields`;
  return new HttpError(422, 'validation', `The ${what} has ${count}: ${list}.`, { fields });
}

type Parsed =
  | { kind: 'intake'; format: 'json' | 'cloudevents'; record: IntakeSubmission }
  | { kind: 'consent'; format: 'json' | 'cloudevents'; record: ConsentRecord };

/** Validates with the shared schemas; 422 names every offending field (paths relative to the submission). */
export function parseSubmission(kind: SubmissionKind, media: string, body: unknown): Parsed {
  let data = body;
  let format: 'json' | 'cloudevents' = 'json';
  if (media === CLOUDEVENTS_TYPE) {
    format = 'cloudevents';
    const envelope = cloudEventSchema.safeParse(body, ENGLISH);
    if (!envelope.success) throw validationError('CloudEvent envelope', flattenIssues(envelope.error.issues));
    if (envelope.data.type !== TYPE[kind]) {
      throw validationError('CloudEvent envelope', [
        { path: 'type', message: `this endpoint accepts ${TYPE[kind]} events, not ${envelope.data.type}`, code: 'type_mismatch' },
      ]);
    }
    data = envelope.data.data;
    const dataId = data && typeof data === 'object' ? (data as Record<string, unknown>)[kind === 'intake' ? 'id' : 'receiptId'] : undefined;
    if (dataId !== envelope.data.id) {
      throw validationError('CloudEvent envelope', [
        { path: 'id', message: `the event id must equal the submission's ${kind === 'intake' ? 'id' : 'receiptId'}`, code: 'id_mismatch' },
      ]);
    }
  }
  if (kind === 'intake') {
    const result = intakeSchema.safeParse(data, ENGLISH);
    if (!result.success) throw validationError('submission', flattenIssues(result.error.issues));
    return { kind, format, record: result.data };
  }
  const result = consentSchema.safeParse(data, ENGLISH);
  if (!result.success) throw validationError('consent record', flattenIssues(result.error.issues));
  return { kind, format, record: result.data };
}

/** Fills server-side fields of a consent request (issuedAt, default expiresAt and id), then validates it. */
export function prepareConsentRequest(input: unknown, now: Date, newId: () => string): Omit<ConsentRequest, 'token'> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new HttpError(422, 'validation', 'The consent request must be a JSON object.', { fields: [{ path: '', message: 'expected_object' }] });
  }
  const { token: _ignored, ...rest } = input as Record<string, unknown>;
  const filled = {
    ...rest,
    id: rest.id ?? newId(),
    issuedAt: now.toISOString(),
    expiresAt: rest.expiresAt ?? new Date(now.getTime() + 30 * 24 * 3600 * 1000).toISOString(),
  };
  const result = consentRequestSchema.safeParse(filled, ENGLISH);
  if (!result.success) throw validationError('consent request', flattenIssues(result.error.issues));
  const { token: _none, ...request } = result.data;
  // A link that has expired before it is sent could never be signed.
  if (Date.parse(request.expiresAt) <= now.getTime()) {
    throw validationError('consent request', [{ path: 'expiresAt', message: `must be later than the time of issue (${request.issuedAt})`, code: 'expires_before_issue' }]);
  }
  // A window for a review that is not asked for would be dropped from the notice and the record: say so instead.
  if (!request.reviewBeforePublication && request.reviewWindowBusinessDays !== undefined) {
    const message = 'applies only when reviewBeforePublication is true; leave it out, or ask for the review';
    throw validationError('consent request', [{ path: 'reviewWindowBusinessDays', message, code: 'review_window_without_review' }]);
  }
  return request;
}
