// "Bad input gets a 4xx that names the problem, never a 500", tried on every field: each string and number of a valid
// intake, consent request and consent record is replaced in turn by values that databases, dates and JSON find awkward
// (a NUL, lone surrogates, years 0000 and 275760, huge numbers…), and every read takes the same values in its path and
// query. On PostgreSQL a NUL or an out-of-range value that reached the database was a 500, or a dropped connection.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validConsentRequestInput, validIntake } from '../fixtures/submissions.js';
import { answering, bearer, engines, get, post, start, type Running } from './helpers.js';

const AWKWARD_TEXT = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\u2028y',
  '\u202e',
  '𠮷'.repeat(3000),
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T00:00:00Z',
];
const AWKWARD_NUMBERS = [-1, 0.5, 2 ** 53, 2 ** 63, 1e308];

type Path = (string | number)[];

/** The path of every string and number in `value`, depth first. */
function leaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string' || typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [];
}

function replaced<T>(value: T, path: Path, by: unknown): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  parent[path.at(-1)!] = by;
  return copy as T;
}

/** The Idempotency-Key a client would send for `id`, or one that cannot be it when `id` is not a printable token. */
const keyFor = (id: unknown) => (typeof id === 'string' && /^[\x21-\x7e]{1,200}$/.test(id) && !id.includes('"') ? id : 'not-the-id');

for (const engine of engines()) {
  describe(`awkward values in every field get a 4xx, never a 5xx [${engine.name}]`, () => {
    let r: Running;
    let key = '';
    before(async () => {
      r = await start(await engine.target());
      key = await r.key(['read', 'issue']);
    });
    after(async () => {
      await r.stop();
      await r.target.cleanup();
    });

    /** Sends one body per (field, value); returns what answered 5xx or not at all. */
    async function tryEveryField(path: string, valid: Record<string, unknown>, ownId: string | undefined, headers: Record<string, string> = {}) {
      const failed: string[] = [];
      for (const field of leaves(valid)) {
        for (const value of [...AWKWARD_TEXT, ...AWKWARD_NUMBERS]) {
          const body = replaced(valid, field, value);
          const label = `${field.join('.')} = ${JSON.stringify(value).slice(0, 24)}`;
          try {
            const res = await post(`${r.url}${path}`, body, ownId === undefined ? undefined : keyFor(body[ownId]), headers);
            await res.arrayBuffer();
            if (res.status >= 500) failed.push(`${res.status} ${label}`);
          } catch (error) {
            failed.push(`no answer (${(error as Error).message}) ${label}`);
          }
        }
      }
      return failed;
    }

    it('POST /api/intake', async () => {
      assert.deepEqual(await tryEveryField('/api/intake', validIntake() as unknown as Record<string, unknown>, 'id'), []);
    });

    it('POST /api/consent-requests', async () => {
      // With the optional fields an issuer may set too: its own id and the expiry.
      const input = { ...validConsentRequestInput(), id: 'case-2026-001', expiresAt: '2099-01-01T00:00:00Z' };
      assert.deepEqual(await tryEveryField('/api/consent-requests', input, undefined, bearer(key)), []);
    });

    it('POST /api/consent', async () => {
      const request = await r.receiver.issueConsentRequest(validConsentRequestInput());
      assert.deepEqual(await tryEveryField('/api/consent', answering(request) as unknown as Record<string, unknown>, 'receiptId'), []);
    });

    it('every read, with the values in its path and query', async () => {
      const failed: string[] = [];
      const reads = [
        '/api/consent-requests/',
        '/api/withdrawal-tokens/',
        '/api/records?type=consent&request=',
        '/api/records?type=intake&tag=',
        '/api/records?type=intake&from=',
        '/api/records?type=intake&to=',
        '/api/records?type=intake&cursor=',
        '/api/feed?type=intake&after=',
        '/api/consent-requests?cursor=',
      ];
      for (const read of reads) {
        for (const value of [...AWKWARD_TEXT, ...AWKWARD_NUMBERS.map(String)]) {
          let encoded: string;
          try {
            encoded = encodeURIComponent(value);
          } catch {
            continue; // a lone surrogate has no URL form
          }
          for (const sent of [encoded, Buffer.from(value).toString('base64url')]) {
            const res = await get(`${r.url}${read}${sent}`, key);
            await res.arrayBuffer();
            if (res.status >= 500) failed.push(`${res.status} ${read}${JSON.stringify(value).slice(0, 24)}`);
          }
        }
      }
      assert.deepEqual(failed, []);
    });
  });
}
