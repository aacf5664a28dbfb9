// Runs the real receiver for node:test suites, on every storage engine: SQLite always, PostgreSQL when
// KOE_TEST_DATABASE_URL is set (each suite in its own schema). The same suites run against both.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { canonicalJson, createReceiver, createReceiverServer, sha256Hex, type Receiver, type ReceiverOptions, type Scope } from '../../src/server/index.js';
import type { ConsentRecord, ConsentRequest } from '../../src/core/schemas.js';
import { validConsent } from '../fixtures/submissions.js';
import type { ServerLimits } from '../../src/server/http-server.js';

export const TEST_DATABASE_URL = process.env.KOE_TEST_DATABASE_URL?.trim() || undefined;

/** Where one suite's data lives: a temp data dir, and on PostgreSQL a fresh schema. */
export interface Target {
  engine: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
  /** The same as environment variables, for receiver processes. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  target(): Promise<Target>;
}

const sqlite: Engine = {
  name: 'sqlite',
  async target() {
    const dataDir = tempDir();
    return { engine: 'sqlite', dataDir, env: { KOE_DATA_DIR: dataDir }, cleanup: async () => removeDir(dataDir) };
  },
};

const postgres: Engine = {
  name: 'postgres',
  async target() {
    const schema = `koe_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin(`CREATE SCHEMA ${schema}`);
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dataDir = tempDir();
    return {
      engine: 'postgres',
      dataDir,
      databaseUrl: url.href,
      env: { KOE_DATA_DIR: dataDir, KOE_DATABASE_URL: url.href },
      async cleanup() {
        removeDir(dataDir);
        await admin(`DROP SCHEMA ${schema} CASCADE`);
      },
    };
  },
};

/** Runs a statement on the test database outside any receiver (schemas, and checks that bypass the API). */
export async function admin<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = [], url = TEST_DATABASE_URL): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

let told = false;
/** The engines to run every receiver suite on. Says once how to add PostgreSQL when it is skipped. */
export function engines(): Engine[] {
  if (!TEST_DATABASE_URL && !told && !process.env.KOE_TEST_SKIP_NOTED) {
    told = true;
    console.log('# PostgreSQL receiver tests skipped: set KOE_TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/db to run every suite on PostgreSQL too.');
  }
  return TEST_DATABASE_URL ? [sqlite, postgres] : [sqlite];
}

export interface Running {
  url: string;
  receiver: Receiver;
  target: Target;
  server: Server;
  /** A fresh API key with these scopes. */
  key(scopes?: Scope[]): Promise<string>;
  /** Stops the server and closes the receiver (the data stays, so a test can start again on it). */
  stop(): Promise<void>;
}

export type StartOptions = ReceiverOptions & { limits?: ServerLimits };

/** Starts a receiver on `target` behind the hardened server, on 127.0.0.1 and a free port. No rate limit unless asked. */
export async function start(target: Target, options: StartOptions = {}): Promise<Running> {
  const { limits, ...receiverOptions } = options;
  let url = '';
  const receiver = createReceiver({
    hmacKey: 'test-key',
    rateLimit: false,
    publicOrigins: () => [url],
    ...receiverOptions,
    dataDir: target.dataDir,
    ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}),
  });
  await receiver.ready;
  const server = createReceiverServer(receiver, limits);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    receiver,
    target,
    server,
    key: async (scopes = ['read', 'issue']) => (await receiver.createKey('test', scopes)).key,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await receiver.close();
    },
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'koe-receiver-test-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function post(url: string, body: unknown, key: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key === undefined ? {} : { 'Idempotency-Key': `"${key}"` }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function get(url: string, apiKey?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers: { ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}), ...headers } });
}

export const bearer = (apiKey: string) => ({ Authorization: `Bearer ${apiKey}` });

/** Reads `/api/records?type=intake` page by page, following nextCursor (20 pages at most); returns every page's ids. */
export async function intakePages(url: string, apiKey: string, query = ''): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const res = await get(`${url}/api/records?type=intake${query}${cursor ? `&cursor=${cursor}` : ''}`, apiKey);
    assert.equal(res.status, 200);
    const page = (await res.json()) as { items: { record: { id: string } }[]; nextCursor: string | null };
    pages.push(page.items.map((l) => l.record.id));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

export function cloudEvent(type: string, id: string, data: unknown): Record<string, unknown> {
  return { specversion: '1.0', id, type, source: 'http://localhost/crm', time: new Date().toISOString(), datacontenttype: 'application/json', data };
}

/** Collects what the receiver logs, to assert what is (not) reported. */
export function captureLog() {
  const lines: { level: 'info' | 'warn' | 'error'; text: string }[] = [];
  const text = (message: string, error?: unknown) => `${message}${error ? ` ${error instanceof Error ? error.stack : String(error)}` : ''}`;
  return {
    lines,
    logger: {
      info: (message: string) => void lines.push({ level: 'info', text: message }),
      warn: (message: string) => void lines.push({ level: 'warn', text: message }),
      error: (message: string, error?: unknown) => void lines.push({ level: 'error', text: text(message, error) }),
    },
  };
}

/** A valid grant of an issued request, as the element builds it: with the hash of the request as shown. */
export function answering(request: ConsentRequest & { token: string }, over: Partial<ConsentRecord> = {}): ConsentRecord {
  return validConsent(request, { requestSha256: sha256Hex(canonicalJson(request)), ...over });
}
