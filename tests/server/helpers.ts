// Starts the real receiver on an ephemeral port for node:test suites, with a temp data dir.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createReceiver, type Receiver, type ReceiverOptions } from '../../src/server/index.js';

export interface Running {
  url: string;
  receiver: Receiver;
  dataDir: string;
  server: Server;
  /** Stops the server (the data dir is kept, so a test can restart on it). */
  stop(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'koe-receiver-test-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function start(options: ReceiverOptions = {}): Promise<Running> {
  const dataDir = options.dataDir ?? tempDir();
  const receiver = createReceiver({ hmacKey: 'test-key', ...options, dataDir });
  const server = createServer((req, res) => receiver.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    receiver,
    dataDir,
    server,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await receiver.close();
    },
  };
}

export function post(url: string, body: unknown, key: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key === undefined ? {} : { 'Idempotency-Key': `"${key}"` }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function cloudEvent(type: string, id: string, data: unknown): Record<string, unknown> {
  return { specversion: '1.0', id, type, source: 'http://localhost/crm', time: new Date().toISOString(), datacontenttype: 'application/json', data };
}
