// Hardening: timeouts and a connection cap, client aborts kept out of the error log, malformed input answered
// 400 (never 500), and CORS headers on every error answer an allowed page gets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { DEFAULT_LIMITS } from '../../src/server/http-server.js';
import { serveConfig } from '../../src/server/config.js';
import { readBody } from '../../src/server/http.js';
import { validIntake } from '../fixtures/submissions.js';
import { bearer, captureLog, engines, get, post, start, type Running, type Target } from './helpers.js';

const ALLOWED = 'https://crm.example.com';
/** A cursor as the receiver encodes them (api/records.ts), around any text. */
const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** An error as a database driver throws it, with its code: better-sqlite3's SQLITE_FULL, PostgreSQL's 53100 or 58030. */
const driverError = (code: string, message: string) => Object.assign(new Error(message), { code });

/** A raw connection to the receiver; `reply` collects what comes back until the server closes it. */
async function raw(url: string, send = ''): Promise<{ socket: Socket; reply: Promise<string> }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let data = '';
  socket.on('data', (chunk) => (data += chunk));
  const reply = once(socket, 'close').then(() => data);
  if (send) socket.write(send);
  return { socket, reply };
}

describe('server limits', () => {
  it('defaults close an idle connection within 30 s and bound headers and request time', () => {
    assert.ok(DEFAULT_LIMITS.idleTimeoutMs <= 30_000);
    assert.ok(DEFAULT_LIMITS.headersTimeoutMs <= DEFAULT_LIMITS.requestTimeoutMs);
    assert.ok(DEFAULT_LIMITS.maxConnections > 0);
    const config = serveConfig({});
    assert.equal(config.host, '127.0.0.1', 'binds to loopback unless HOST says otherwise');
    assert.equal(config.limits.idleTimeoutMs, DEFAULT_LIMITS.idleTimeoutMs);
    assert.equal(serveConfig({ HOST: '0.0.0.0', KOE_IDLE_TIMEOUT_MS: '5000' }).limits.idleTimeoutMs, 5000);
    assert.throws(() => serveConfig({ KOE_RATE_LIMIT: 'lots' }), /KOE_RATE_LIMIT/);
  });
});

for (const engine of engines()) {
  describe(`connections [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    const log = captureLog();
    before(async () => {
      target = await engine.target();
      r = await start(target, { logger: log.logger, limits: { idleTimeoutMs: 300, headersTimeoutMs: 400, requestTimeoutMs: 600, maxConnections: 3 } });
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
    });

    it('closes a connection that never sends a byte', async () => {
      const { reply } = await raw(r.url);
      assert.equal(await reply, '', 'closed without an answer');
    });

    it('answers 408 when the headers or the body do not arrive in time', async () => {
      /** Sends `start`, then keeps the connection busy (so only the timeout can end it) until the server answers. */
      const trickle = async (start: string, more: string) => {
        const { socket, reply } = await raw(r.url, start);
        const drip = setInterval(() => socket.write(more), 100);
        try {
          return await reply;
        } finally {
          clearInterval(drip);
        }
      };
      assert.match(await trickle('POST /api/intake HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n'), /^HTTP\/1\.1 408/);
      const headers = 'POST /api/intake HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: "k"\r\nContent-Length: 100\r\n\r\n';
      assert.match(await trickle(`${headers}{"id":`, ' '), /^HTTP\/1\.1 408/);
    });

    it('caps concurrent connections', async () => {
      const accepted: Socket[] = [];
      const seen = new Promise<void>((resolve) => {
        const onConnection = () => accepted.length === 3 && (r.server.off('connection', onConnection), resolve());
        r.server.on('connection', (socket: Socket) => (accepted.push(socket), onConnection()));
      });
      const open = await Promise.all([raw(r.url), raw(r.url), raw(r.url)]);
      await seen;
      const extra = await raw(r.url, 'GET /api/records?type=intake HTTP/1.1\r\nHost: x\r\n\r\n');
      assert.equal(await extra.reply, '', 'the fourth connection is closed unanswered');
      for (const { socket } of open) socket.destroy();
      await Promise.all(open.map((o) => o.reply));
      assert.equal((await get(`${r.url}/api/records?type=intake`)).status, 401, 'served again once below the cap');
    });

    it('does not log a client that hangs up mid-request as an error', async () => {
      const before = log.lines.length;
      const arrived = once(r.server, 'request');
      const { socket, reply } = await raw(r.url, 'POST /api/intake HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: "k"\r\nContent-Length: 500\r\n\r\n{"id":');
      await arrived;
      socket.destroy();
      await reply;
      await r.receiver.settled();
      // And one that leaves while its request is held, after the whole body arrived.
      r.receiver.faults.set({ kind: 'hold', times: 1 });
      const intake = validIntake();
      const body = JSON.stringify(intake);
      const held = await raw(r.url, `POST /api/intake HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: "${intake.id}"\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await r.receiver.faults.whenHeld();
      held.socket.destroy();
      await held.reply;
      r.receiver.faults.releaseHeld();
      await r.receiver.settled();
      assert.deepEqual(log.lines.slice(before).filter((l) => l.level === 'error'), []);
      // The held one was stored (it committed after the client left), so its retry is a replay.
      const retry = await post(`${r.url}/api/intake`, intake, intake.id);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    });
  });

  describe(`malformed requests get 400, never 500, and every error answer carries CORS [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    let key = '';
    const log = captureLog();
    before(async () => {
      target = await engine.target();
      r = await start(target, {
        allowedOrigins: [ALLOWED],
        logger: log.logger,
        // An extra route that fails unexpectedly, to see the 500 path too.
        // The POST one fails after reading its body, as a database error while storing would.
        routes: [
          { method: 'GET', path: '/api/boom', handle: () => Promise.reject(new Error('boom')) },
          { method: 'POST', path: '/api/boom', handle: ({ req }) => readBody(req, 1024).then(() => Promise.reject(new Error('boom after the body'))) },
          // A full disk, as each driver reports it (a disk cannot be filled on demand here).
          { method: 'POST', path: '/api/full-sqlite', handle: ({ req }) => readBody(req, 1024).then(() => Promise.reject(driverError('SQLITE_FULL', 'database or disk is full'))) },
          {
            method: 'POST',
            path: '/api/full-postgres',
            handle: ({ req }) => readBody(req, 1024).then(() => Promise.reject(driverError('53100', 'could not extend file "base/16384/16390": No space left on device'))),
          },
          // A disk that fails a write, as PostgreSQL reports it (disk-errors.test.ts makes SQLite's fail for real).
          {
            method: 'POST',
            path: '/api/ioerr-postgres',
            handle: ({ req }) => readBody(req, 1024).then(() => Promise.reject(driverError('58030', 'could not write to file "pg_wal/xlogtemp.123": Input/output error'))),
          },
        ],
      });
      key = await r.key(['read', 'issue']);
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
    });

    const origin = { Origin: ALLOWED };
    const intake = validIntake();
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const cases: Array<[string, () => Promise<Response>, number, string?]> = [
      ['JSON nested 10,000 deep', () => post(`${r.url}/api/intake`, deep, intake.id, origin), 400, 'json-too-deep'],
      ['a deep object as a consent request', () => post(`${r.url}/api/consent-requests`, '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), undefined, { ...origin, ...bearer(key) }), 400, 'json-too-deep'],
      ['a bad %-escape in a path', () => get(`${r.url}/api/consent-requests/%E0%A4%A`, key, origin), 400, 'bad-escape'],
      ['invalid UTF-8', () => fetch(`${r.url}/api/intake`, { method: 'POST', headers: { ...origin, 'Content-Type': 'application/json', 'Idempotency-Key': '"k"' }, body: Buffer.from([0x7b, 0xff, 0x7d]) }), 400, 'malformed-json'],
      ['an invalid Idempotency-Key', () => post(`${r.url}/api/intake`, intake, undefined, { ...origin, 'Idempotency-Key': '"has space"' }), 400, 'idempotency-key-invalid'],
      ['a JSON array as a submission', () => post(`${r.url}/api/intake`, '[]', intake.id, origin), 422, 'validation'],
      ['null as a consent request', () => post(`${r.url}/api/consent-requests`, 'null', undefined, { ...origin, ...bearer(key) }), 422, 'validation'],
      ['a __proto__ member', () => post(`${r.url}/api/intake`, `{"__proto__":{"id":"x"},"id":"${intake.id}"}`, intake.id, origin), 422, 'validation'],
      ['a non-numeric limit', () => get(`${r.url}/api/records?type=intake&limit=lots`, key, origin), 400, 'bad-query'],
      ['a forged cursor', () => get(`${r.url}/api/records?type=intake&cursor=bm90LWEtY3Vyc29y`, key, origin), 400, 'bad-query'],
      ['a date that is not one', () => get(`${r.url}/api/records?type=intake&from=yesterday`, key, origin), 400, 'bad-query'],
      ['a day the month does not have', () => get(`${r.url}/api/records?type=intake&from=2026-02-30`, key, origin), 400, 'bad-query'],
      ['the year 0000', () => get(`${r.url}/api/records?type=intake&from=0000-01-01`, key, origin), 400, 'bad-query'],
      ['a time that is in the year 10000 in UTC', () => get(`${r.url}/api/records?type=intake&to=9999-12-31T23:00:00-14:00`, key, origin), 400, 'bad-query'],
      ['a cursor past the sequence range', () => get(`${r.url}/api/records?type=intake&cursor=${cursorOf('2026-11-30T00:00:00.000Z|9223372036854775808')}`, key, origin), 400, 'bad-query'],
      ['a cursor in the year 275760', () => get(`${r.url}/api/records?type=intake&cursor=${cursorOf('+275760-09-13T00:00:00.000Z|1')}`, key, origin), 400, 'bad-query'],
      ['an unknown endpoint', () => get(`${r.url}/api/nothing`, key, origin), 404, 'not-found'],
      ['a wrong method', () => fetch(`${r.url}/api/intake`, { method: 'DELETE', headers: origin }), 405, 'method-not-allowed'],
      ['no key', () => get(`${r.url}/api/records?type=intake`, undefined, origin), 401, 'unauthorized'],
      ['an unexpected failure', () => get(`${r.url}/api/boom`, undefined, origin), 500, 'internal'],
      ['an unexpected failure after a body was read', () => post(`${r.url}/api/boom`, { a: 1 }, undefined, origin), 500, 'internal'],
      ['a consent request id with a control character', () => get(`${r.url}/api/consent-requests/a%00b`, key, origin), 400, 'bad-id'],
      ['a receipt ID that is not a UUID', () => get(`${r.url}/api/withdrawal-tokens/a%00b`, key, origin), 400, 'bad-id'],
      ['a request filter with a control character', () => get(`${r.url}/api/records?type=consent&request=a%00b`, key, origin), 400, 'bad-query'],
    ];

    for (const [what, send, status, code] of cases) {
      it(`${what} → ${status}${code ? ` ${code}` : ''}, with CORS`, async () => {
        const res = await send();
        assert.equal(res.status, status);
        assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
        const body = await res.json();
        if (code) assert.equal(body.error, code);
        assert.equal(typeof body.message, 'string');
        if (status === 405) assert.equal(res.headers.get('allow'), 'POST, OPTIONS');
      });
    }

    it('logs only the unexpected failures, without leaking them to the client', async () => {
      const errors = log.lines.filter((l) => l.level === 'error');
      assert.equal(errors.length, 2);
      assert.match(errors[0]!.text, /GET \/api\/boom.*boom/s);
      assert.match(errors[1]!.text, /POST \/api\/boom.*boom after the body/s);
      const res = await get(`${r.url}/api/boom`);
      assert.ok(!(await res.text()).includes('boom'));
    });

    /** POSTs to a route that fails as the storage does; the answer and the one error line the operator gets. */
    async function storageRefusal(path: string, error: string, logLine: RegExp): Promise<void> {
      const before = log.lines.length;
      const res = await post(`${r.url}${path}`, { a: 1 }, undefined, origin);
      assert.equal(res.status, 503, path);
      assert.equal(res.headers.get('retry-after'), '60');
      assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
      const body = (await res.json()) as { error: string; message: string };
      assert.equal(body.error, error);
      assert.match(body.message, /nothing was stored/);
      const logged = log.lines.slice(before);
      assert.deepEqual(logged.map((l) => l.level), ['error'], path);
      assert.match(logged[0]!.text, logLine);
      assert.doesNotMatch(logged[0]!.text, /\n\s+at /, 'no stack trace: the line says what to do');
    }

    it('a full disk → 503 storage-full with Retry-After, and an error line that tells the operator what to do', async () => {
      for (const path of ['/api/full-sqlite', '/api/full-postgres']) await storageRefusal(path, 'storage-full', /storage full: .*Free disk space/);
    });

    it('a disk that fails a read or write (PostgreSQL io_error) → 503 storage-error with Retry-After, and an error line that names the disk', async () => {
      await storageRefusal('/api/ioerr-postgres', 'storage-error', /storage I\/O error: .*\(58030\)\. .*check its disk and file system/);
    });

    it('answers a request the HTTP parser rejects with 400 and closes it', async () => {
      const { reply } = await raw(r.url, 'NOT HTTP AT ALL\r\n\r\n');
      assert.match(await reply, /^HTTP\/1\.1 400/);
      const target = await raw(r.url, 'GET //api/records HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      assert.match(await target.reply, /^HTTP\/1\.1 400[\s\S]*bad-request-target/);
    });
  });
}
