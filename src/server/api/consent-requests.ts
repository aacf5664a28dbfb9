// Consent requests: issued (HMAC-signed) with an `issue` key, listed and fetched with a `read` key. Lists never
// carry a request's token; fetching one request does (the inbox needs it to build the consent link).
import { randomUUID } from 'node:crypto';
import { requireKey } from '../auth.js';
import { canonicalJson, sha256Hex } from '../canonical.js';
import type { ConsentRequest } from '../../core/schemas.js';
import { isRecordId } from '../../core/record-id.js';
import { HttpError, idempotencyKey, mediaType, parseJson, pathSegment, readBody, sendJson } from '../http.js';
import { lineOf, runIdempotent } from '../idempotency.js';
import type { Route } from '../router.js';
import { signConsentRequest } from '../signing.js';
import type { NewConsentRequest } from '../store.js';
import { prepareConsentRequest } from '../submissions.js';
import type { ApiDeps } from './deps.js';
import { listQuery, sendPage } from './records.js';

export type SignedRequest = ConsentRequest & { token: string };

export function consentRequestRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/consent-requests',
      async handle({ req, res, cors }) {
        const { storage } = await deps.services;
        await requireKey(req, storage, 'issue');
        const key = idempotencyKey(req);
        const media = mediaType(req);
        if (media !== 'application/json') throw new HttpError(415, 'unsupported-media-type', `Content-Type must be application/json; got ${media || 'none'}.`);
        const body = parseJson(await readBody(req, deps.maxBodyBytes));
        const { signed, replayed } = await issueConsentRequest(deps, body, key);
        sendJson(res, 201, signed, { ...cors, ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) });
      },
    },
    {
      method: 'GET',
      path: '/api/consent-requests',
      async handle({ req, res, query, cors }) {
        const { storage } = await deps.services;
        await requireKey(req, storage, 'read');
        const page = await storage.list(listQuery('consent-request', query));
        sendPage(res, { ...page, items: page.items.map((line) => line.record) }, cors);
      },
    },
    {
      method: 'GET',
      path: /^\/api\/consent-requests\/(?<id>[^/]+)$/,
      async handle({ req, res, params, cors }) {
        const { storage } = await deps.services;
        await requireKey(req, storage, 'read');
        const id = pathSegment(params.id!);
        if (!isRecordId(id)) throw new HttpError(400, 'bad-id', 'A consent request id is 1 to 128 characters, without control characters.');
        const request = await storage.consentRequest(id);
        if (!request) throw new HttpError(404, 'not-found', `No consent request with id "${id}".`);
        sendJson(res, 200, request, cors);
      },
    },
  ];
}

/** Validates, signs and stores a consent request; with an Idempotency-Key a retry gets the same request back. */
export async function issueConsentRequest(deps: ApiDeps, input: unknown, key?: string): Promise<{ signed: SignedRequest; replayed: boolean }> {
  const { storage, hmacKey } = await deps.services;
  const build = async (): Promise<NewConsentRequest> => {
    const prepared = prepareConsentRequest(input, deps.now(), randomUUID);
    const signed = signConsentRequest(prepared, hmacKey);
    return { kind: 'consent-request', idempotencyKey: key ?? null, bodySha256: key ? sha256Hex(canonicalJson(input)) : null, record: signed };
  };
  if (key) {
    const { line, replayed } = await runIdempotent(storage, { kind: 'consent-request', key, fingerprint: sha256Hex(canonicalJson(input)) }, build);
    return { signed: line.record as SignedRequest, replayed };
  }
  const row = await build();
  if (!(await storage.insert(row))) {
    throw new HttpError(409, 'conflict', `A consent request with id "${row.record.id}" already exists; leave id out to get a new one.`);
  }
  return { signed: lineOf(row).record as SignedRequest, replayed: false };
}
