// The durable store: JSONL files under dataDir; the idempotency index and issued requests are rebuilt from them on start.
import { join } from 'node:path';
import type { ConsentRequest } from '../core/schemas.js';
import { JsonlFile } from './jsonl.js';

export type RecordKind = 'intake' | 'consent' | 'consent-request';

export const TYPE_OF: Record<RecordKind, StoredLine['type']> = {
  intake: 'koe.intake.v1',
  consent: 'koe.consent.v1',
  'consent-request': 'koe.consent-request.v1',
};

const FILE_OF: Record<RecordKind, string> = {
  intake: 'intake.jsonl',
  consent: 'consent.jsonl',
  'consent-request': 'consent-requests.jsonl',
};

/** One line of a JSONL file. */
export interface StoredLine {
  receivedAt: string;
  idempotencyKey: string | null;
  type: 'koe.intake.v1' | 'koe.consent.v1' | 'koe.consent-request.v1';
  format: 'json' | 'cloudevents';
  clientIp?: string;
  /** SHA-256 of the canonical submission, so a replay can be told from a reused key after a restart. */
  bodySha256?: string;
  record: unknown;
}

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** What a successful POST answers, derived from its stored line (so replays survive restarts). */
export function responseFor(kind: RecordKind, line: StoredLine): { status: number; body: unknown } {
  if (kind === 'consent-request') return { status: 201, body: line.record };
  const record = line.record as { id?: string; receiptId?: string };
  return { status: 201, body: { id: kind === 'intake' ? record.id : record.receiptId, receivedAt: line.receivedAt } };
}

export class ReceiverStore {
  private readonly files: Record<RecordKind, JsonlFile<StoredLine>>;
  private readonly done = new Map<string, StoredResponse>();
  private readonly inFlight = new Set<string>();
  private readonly requests = new Map<string, ConsentRequest>();

  constructor(readonly dataDir: string) {
    this.files = {
      intake: new JsonlFile(join(dataDir, FILE_OF.intake)),
      consent: new JsonlFile(join(dataDir, FILE_OF.consent)),
      'consent-request': new JsonlFile(join(dataDir, FILE_OF['consent-request'])),
    };
    for (const kind of Object.keys(this.files) as RecordKind[]) {
      for (const line of this.files[kind].loadSync()) this.index(kind, line);
    }
  }

  /** The stored outcome for a key, if a request with it already succeeded. */
  lookup(kind: RecordKind, key: string): StoredResponse | undefined {
    return this.done.get(scoped(kind, key));
  }

  /** Marks a key as being processed; false if another request holds it. */
  begin(kind: RecordKind, key: string): boolean {
    const id = scoped(kind, key);
    if (this.inFlight.has(id)) return false;
    this.inFlight.add(id);
    return true;
  }

  end(kind: RecordKind, key: string): void {
    this.inFlight.delete(scoped(kind, key));
  }

  request(id: string): ConsentRequest | undefined {
    return this.requests.get(id);
  }

  /** Appends durably (fsync), then indexes the line. */
  async append(kind: RecordKind, line: StoredLine): Promise<void> {
    await this.files[kind].append(line);
    this.index(kind, line);
  }

  /** Stored lines, newest first. */
  async list(kind: RecordKind): Promise<StoredLine[]> {
    return (await this.files[kind].readAll()).reverse();
  }

  /** Deletes every stored line and forgets all keys and requests (tests only). */
  async reset(): Promise<void> {
    await Promise.all(Object.values(this.files).map((f) => f.remove()));
    this.done.clear();
    this.inFlight.clear();
    this.requests.clear();
  }

  async idle(): Promise<void> {
    await Promise.all(Object.values(this.files).map((f) => f.idle()));
  }

  private index(kind: RecordKind, line: StoredLine): void {
    if (line.idempotencyKey && line.bodySha256) {
      this.done.set(scoped(kind, line.idempotencyKey), { fingerprint: line.bodySha256, ...responseFor(kind, line) });
    }
    if (kind === 'consent-request') {
      const request = line.record as ConsentRequest;
      this.requests.set(request.id, request);
    }
  }
}

// Keys are scoped per endpoint, as the idempotency draft scopes them per resource.
function scoped(kind: RecordKind, key: string): string {
  return `${kind} ${key}`;
}
