// GET /api/records: one page at a time, newest first, through an index (never the whole store), with filters.
// `?type=intake|consent|consent-request&limit=50&cursor=…&tag=…&channel=…&from=…&to=…&request=…`
// GET /api/feed: every record of a kind exactly once, oldest first, for a client that copies them elsewhere and polls
// for more: `?type=…&limit=50&after=<the position the previous answer gave>`.
import type { ServerResponse } from 'node:http';
import { requireKey } from '../auth.js';
import { CHANNELS } from '../../core/schemas.js';
import { isRecordId } from '../../core/record-id.js';
import { TAG_ID } from '../../core/text.js';
import { HttpError, sendJson } from '../http.js';
import type { Route } from '../router.js';
import { isFeedPosition, isStorableInstant, type Cursor, type FeedQuery, type ListQuery, type Page, type RecordKind, type Storage } from '../store.js';
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
        sendPage(res, await storage.list(listQuery(kindOf(query), query)), cors);
      },
    },
    {
      method: 'GET',
      path: '/api/feed',
      async handle({ req, res, query, cors }) {
        const { storage } = await deps.services;
        await requireKey(req, storage, 'read');
        const page = await storage.feed(feedQuery(storage.engine, query));
        sendJson(res, 200, { items: page.items, position: page.position ? encodePosition(page.position) : null }, cors);
      },
    },
  ];
}

function kindOf(query: URLSearchParams): RecordKind {
  const type = query.get('type') ?? '';
  if (!KINDS.includes(type as RecordKind)) throw badQuery('Query parameter "type" must be intake, consent or consent-request.');
  return type as RecordKind;
}

/** `limit`: 1 to MAX_PAGE, DEFAULT_PAGE when absent. */
function pageLimit(query: URLSearchParams): number {
  const limit = query.get('limit');
  if (limit === null) return DEFAULT_PAGE;
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE) throw badQuery(`"limit" must be a whole number from 1 to ${MAX_PAGE}.`);
  return Number(limit);
}

/** The feed's parameters: `type`, `limit`, and `after`, a position from an earlier answer of this receiver's database. */
export function feedQuery(engine: Storage['engine'], query: URLSearchParams): FeedQuery {
  const out: FeedQuery = { kind: kindOf(query), limit: pageLimit(query) };
  const after = query.get('after');
  if (after) {
    const position = Buffer.from(after, 'base64url').toString('utf8');
    if (!isFeedPosition(engine, position)) throw badQuery('"after" must be the position an earlier /api/feed answer gave, unchanged.');
    out.after = position;
  }
  return out;
}

/** Positions travel opaque: a client keeps what it was given and sends it back. */
const encodePosition = (position: string) => Buffer.from(position, 'utf8').toString('base64url');

/** The page as JSON: `{ items, nextCursor }`; pass nextCursor back as `cursor` for the next (older) page. */
export function sendPage(res: ServerResponse, page: Omit<Page, 'items'> & { items: unknown[] }, cors: Record<string, string>): void {
  sendJson(res, 200, { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null }, cors);
}

/** Parses and checks the paging and filter parameters; anything malformed is a 400 naming it. */
export function listQuery(kind: RecordKind, query: URLSearchParams): ListQuery {
  const out: ListQuery = { kind, limit: pageLimit(query) };
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
    if (!isRecordId(request)) throw badQuery('"request" must be a consent request id (at most 128 characters, no control characters).');
    out.requestId = request;
  }
  for (const name of ['from', 'to'] as const) {
    const value = query.get(name);
    if (!value) continue;
    const at = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || !isStorableInstant(at) || !isCalendarDay(value.slice(0, 10))) {
      throw badQuery(`"${name}" must be an ISO 8601 date or date-time in the years 0001–9999, e.g. 2026-11-01 or 2026-11-01T00:00:00+09:00.`);
    }
    out[name] = at.toISOString();
  }
  return out;
}

/** `2026-02-30` parses (as 2 March): a day the month does not have is refused rather than read as another. */
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, date));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === date;
}

/** What encodeCursor writes: an instant as toISOString() gives it, then the row's sequence. */
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.receivedAt}|${cursor.seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  const [receivedAt, seq, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  // In the columns' range (a bigint sequence, a four-digit year), so the database never sees a value it would refuse.
  const valid =
    receivedAt && seq && extra === undefined && /^\d{1,19}$/.test(seq) && BigInt(seq) < 2n ** 63n && CURSOR_INSTANT.test(receivedAt) && isStorableInstant(new Date(receivedAt)) && new Date(receivedAt).toISOString() === receivedAt;
  if (!valid) throw badQuery('"cursor" is not one this receiver gave out; pass nextCursor from the previous page unchanged.');
  return { receivedAt, seq };
}

function badQuery(message: string): HttpError {
  return new HttpError(400, 'bad-query', message);
}
