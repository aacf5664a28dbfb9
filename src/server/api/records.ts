// GET /api/records: one page at a time, newest first, through an index (never the whole store), with filters.
// `?type=intake|consent|consent-request&limit=50&cursor=…&tag=…&channel=…&from=…&to=…&request=…`
import type { ServerResponse } from 'node:http';
import { requireKey } from '../auth.js';
import { CHANNELS } from '../../core/schemas.js';
import { TAG_ID } from '../../core/text.js';
import { HttpError, sendJson } from '../http.js';
import type { Route } from '../router.js';
import type { Cursor, ListQuery, Page, RecordKind } from '../store.js';
import type { ApiDeps } from './deps.js';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
const KINDS: readonly RecordKind[] = ['intake', 'consent', 'consent-request'];

export function recordRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/records',
      async handle({ req, res, query, cors }) {
        const { storage } = await deps.services;
        await requireKey(req, storage, 'read');
        const type = query.get('type') ?? '';
        if (!KINDS.includes(type as RecordKind)) throw badQuery('Query parameter "type" must be intake, consent or consent-request.');
        sendPage(res, await storage.list(listQuery(type as RecordKind, query)), cors);
      },
    },
  ];
}

/** The page as JSON: `{ items, nextCursor }`; pass nextCursor back as `cursor` for the next (older) page. */
export function sendPage(res: ServerResponse, page: Omit<Page, 'items'> & { items: unknown[] }, cors: Record<string, string>): void {
  sendJson(res, 200, { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null }, cors);
}

/** Parses and checks the paging and filter parameters; anything malformed is a 400 naming it. */
export function listQuery(kind: RecordKind, query: URLSearchParams): ListQuery {
  const out: ListQuery = { kind, limit: DEFAULT_PAGE };
  const limit = query.get('limit');
  if (limit !== null) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE) throw badQuery(`"limit" must be a whole number from 1 to ${MAX_PAGE}.`);
    out.limit = Number(limit);
  }
  const cursor = query.get('cursor');
  if (cursor) out.after = decodeCursor(cursor);
  const tag = query.get('tag');
  const channel = query.get('channel');
  const request = query.get('request');
  if ((tag || channel) && kind !== 'intake') throw badQuery('"tag" and "channel" filter intake records only (type=intake).');
  if (request && kind !== 'consent') throw badQuery('"request" filters consent records only (type=consent).');
  if (tag) {
    if (!TAG_ID.test(tag)) throw badQuery('"tag" must be a tag id such as case-study.');
    out.tag = tag;
  }
  if (channel) {
    if (!(CHANNELS as readonly string[]).includes(channel)) throw badQuery(`"channel" must be one of ${CHANNELS.join(', ')}.`);
    out.channel = channel;
  }
  if (request) {
    if (request.length > 128) throw badQuery('"request" must be a consent request id (at most 128 characters).');
    out.requestId = request;
  }
  for (const name of ['from', 'to'] as const) {
    const value = query.get(name);
    if (!value) continue;
    const at = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) throw badQuery(`"${name}" must be an ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T00:00:00+09:00.`);
    out[name] = at.toISOString();
  }
  return out;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.receivedAt}|${cursor.seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  const [receivedAt, seq, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const valid = receivedAt && seq && extra === undefined && /^\d{1,19}$/.test(seq) && !Number.isNaN(Date.parse(receivedAt)) && new Date(receivedAt).toISOString() === receivedAt;
  if (!valid) throw badQuery('"cursor" is not one this receiver gave out; pass nextCursor from the previous page unchanged.');
  return { receivedAt, seq };
}

function badQuery(message: string): HttpError {
  return new HttpError(400, 'bad-query', message);
}
