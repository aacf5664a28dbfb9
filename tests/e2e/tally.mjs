// Turns what the receiver stored into a table row: delivered, duplicates, lost against the ids the page filed.
import { assert, keyId, stored } from './harness.mjs';

/** Fills `row` from the receiver's records for `expected` ids; also counts lines for ids nobody filed as duplicates. */
export async function tally(row, receiver, expected, { kind = 'intake', errors = [] } = {}) {
  const { ids } = await stored(receiver, kind);
  const want = new Set(expected);
  const counts = new Map();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  row.delivered = [...want].filter((id) => counts.has(id)).length;
  row.duplicates = [...counts.entries()].reduce((n, [id, c]) => n + (want.has(id) ? c - 1 : c), 0);
  row.lost = want.size - row.delivered;
  row.pageErrors = errors.length;
  return { ids, counts };
}

/** The usual verdict: everything filed arrived exactly once and the page threw nothing. */
export function expectClean(row, errors) {
  assert(row.lost === 0, `${row.lost} submission(s) lost`);
  assert(row.duplicates === 0, `${row.duplicates} duplicate record(s)`);
  assert(errors.length === 0, `page errors: ${errors.slice(0, 3).join(' | ')}`);
}

/** Every hit and every page-side attempt for a submission carried its own id as Idempotency-Key. */
export function expectSameKey(id, hits, attempts = []) {
  const keys = [...hits.map((h) => keyId(h.idempotencyKey)), ...attempts.map(keyId)];
  assert(keys.length > 0, 'no attempt was seen');
  const other = keys.filter((k) => k !== id);
  assert(other.length === 0, `attempts with another Idempotency-Key than ${id}: ${[...new Set(other)].join(', ')}`);
}
