// `koe-receiver import <dir>`: loads the JSONL files earlier versions wrote (intake.jsonl, consent.jsonl,
// consent-requests.jsonl, hmac.key) into the database. Rows already present (same key or same id) are skipped,
// so running it twice changes nothing. The files are only read; a torn last line is reported, not cut.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsentRequest } from '../core/schemas.js';
import { isRecordId, RECORD_ID } from '../core/record-id.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { HMAC_SECRET } from './signing.js';
import { isStorableInstant, type NewRow, type RecordKind, type Storage, type StoredLine } from './store.js';

const FILES: Record<RecordKind, string> = { intake: 'intake.jsonl', consent: 'consent.jsonl', 'consent-request': 'consent-requests.jsonl' };
/** Rows handed to the engine at once (one transaction on SQLite). */
const CHUNK = 1000;

export interface ImportCount {
  file: string;
  imported: number;
  present: number;
  unreadable: number;
}

export async function importJsonl(storage: Storage, dir: string): Promise<{ counts: ImportCount[]; hmacKey?: 'imported' | 'kept-existing' }> {
  const counts: ImportCount[] = [];
  // Requests first, so consent records that answer them find them.
  for (const kind of ['consent-request', 'intake', 'consent'] as const) {
    const file = join(dir, FILES[kind]);
    if (!existsSync(file)) continue;
    const count: ImportCount = { file, imported: 0, present: 0, unreadable: 0 };
    const rows: NewRow[] = [];
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      if (!text.trim()) continue;
      const row = rowOf(kind, text);
      if (row) rows.push(row);
      else count.unreadable += 1;
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const results = await Promise.all(rows.slice(i, i + CHUNK).map((row) => storage.insert(row)));
      const imported = results.filter(Boolean).length;
      count.imported += imported;
      count.present += results.length - imported;
    }
    counts.push(count);
  }
  // A copier may read the feed from the start right after an import: before autovacuum comes round, give the planner the sizes.
  if (counts.some((count) => count.imported > 0)) await storage.analyze?.();
  const keyFile = join(dir, 'hmac.key');
  if (!existsSync(keyFile)) return { counts };
  const fileKey = readFileSync(keyFile, 'utf8').trim();
  const kept = await storage.secret(HMAC_SECRET, () => fileKey);
  return { counts, hmacKey: kept === fileKey ? 'imported' : 'kept-existing' };
}

/** An instant both engines can store (store.ts isStorableInstant), as text. */
const storableInstant = (value: unknown): value is string => typeof value === 'string' && isStorableInstant(new Date(value));

/** An id both engines can store and look up: a string without control characters (PostgreSQL refuses a NUL). */
const storableId = (value: unknown): value is string => typeof value === 'string' && RECORD_ID.test(value);

/** One JSONL line as a row, or undefined when it is not a complete line of the expected shape. */
function rowOf(kind: RecordKind, text: string): NewRow | undefined {
  let line: Partial<StoredLine>;
  try {
    line = JSON.parse(text) as Partial<StoredLine>;
  } catch {
    return undefined;
  }
  const record = line.record as Record<string, unknown> | undefined;
  if (!record || typeof record !== 'object' || !storableInstant(line.receivedAt)) return undefined;
  if (kind === 'consent-request') {
    // Its id as the receiver takes one (at most 128 characters): a longer one would be stored, but never found by its id.
    if (typeof record.id !== 'string' || !isRecordId(record.id) || typeof record.token !== 'string' || !storableInstant(record.issuedAt)) return undefined;
    return { kind, idempotencyKey: line.idempotencyKey ?? null, bodySha256: line.bodySha256 ?? null, record: record as ConsentRequest & { token: string } };
  }
  const recordId = kind === 'intake' ? record.id : record.receiptId;
  if (!storableId(recordId)) return undefined;
  return {
    kind,
    recordId,
    idempotencyKey: line.idempotencyKey ?? recordId,
    receivedAt: line.receivedAt,
    format: line.format === 'cloudevents' ? 'cloudevents' : 'json',
    bodySha256: line.bodySha256 ?? sha256Hex(canonicalJson(record)),
    ...(line.clientIp ? { clientIp: line.clientIp } : {}),
    ...(kind === 'intake'
      ? { channel: String(record.channel ?? ''), tags: Array.isArray(record.tags) ? record.tags.map(String) : [] }
      : { requestId: String(record.requestId ?? ''), decision: String(record.decision ?? '') }),
    record,
  };
}
