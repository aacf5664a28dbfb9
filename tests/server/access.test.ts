// Access control: reads and issuing need a scoped, revocable key; element writes stay open but rate-limited;
// X-Forwarded-For only when configured; no secret ever reaches the log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Storage } from '../../src/server/store.js';
import { openStorage } from '../../src/server/storage/open.js';
import { validConsentRequestInput, validIntake } from '../fixtures/submissions.js';
import { admin, answering, bearer, captureLog, engines, get, post, start, type Running, type Target } from './helpers.js';

/** Opens the same database beside the running receiver, as `koe-receiver keys …` does. */
async function sideStorage(target: Target): Promise<Storage> {
  return openStorage({ dataDir: target.dataDir, databaseUrl: target.databaseUrl, serve: false }).storage;
}

for (const engine of engines()) {
  describe(`API keys guard reads and issuing [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    const log = captureLog();
    let requestId = '';
    before(async () => {
      target = await engine.target();
      r = await start(target, { logger: log.logger, hmacKey: undefined });
      requestId = (await r.receiver.issueConsentRequest(validConsentRequestInput())).id;
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
    });

    const reads = () => [`/api/records?type=intake`, `/api/records?type=consent`, `/api/feed?type=intake`, `/api/consent-requests`, `/api/consent-requests/${requestId}`];
    const issue = (apiKey?: string) => post(`${r.url}/api/consent-requests`, validConsentRequestInput(), undefined, apiKey ? bearer(apiKey) : {});

    it('answers 401 without a key, naming the scheme, on every read and on issuing', async () => {
      for (const path of reads()) {
        const res = await get(`${r.url}${path}`);
        assert.equal(res.status, 401, path);
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="koe"/);
        assert.equal((await res.json()).error, 'unauthorized');
      }
      assert.equal((await issue()).status, 401);
    });

    it('answers 401 for a malformed or unknown key', async () => {
      const unknown = `koe_${'0'.repeat(12)}_${'A'.repeat(43)}`;
      for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-koe-key', `Bearer ${unknown}`]) {
        const res = await get(`${r.url}/api/records?type=intake`, undefined, { Authorization: header });
        assert.equal(res.status, 401, header);
        assert.match(res.headers.get('www-authenticate') ?? '', /invalid_token/);
      }
      // The right id with the wrong secret is unknown too.
      const real = await r.key(['read']);
      const tampered = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
      assert.equal((await get(`${r.url}/api/records?type=intake`, tampered)).status, 401);
    });

    it('answers 403 when the key lacks the scope: read cannot issue, issue cannot read', async () => {
      const readOnly = await r.key(['read']);
      const issueOnly = await r.key(['issue']);
      for (const path of reads()) assert.equal((await get(`${r.url}${path}`, readOnly)).status, 200, path);
      const refused = await issue(readOnly);
      assert.equal(refused.status, 403);
      assert.match(refused.headers.get('www-authenticate') ?? '', /insufficient_scope.*scope="issue"/);
      assert.equal((await refused.json()).error, 'insufficient-scope');
      assert.equal((await issue(issueOnly)).status, 201);
      for (const path of reads()) assert.equal((await get(`${r.url}${path}`, issueOnly)).status, 403, path);
    });

    it('refuses a revoked key at once (401), while the receiver runs', async () => {
      const { id, key } = await r.receiver.createKey('to revoke', ['read']);
      assert.equal((await get(`${r.url}/api/records?type=intake`, key)).status, 200);
      const side = await sideStorage(target);
      try {
        assert.equal(await side.revokeKey(id, new Date().toISOString()), true);
        assert.equal((await side.listKeys()).find((k) => k.id === id)?.revokedAt !== null, true);
      } finally {
        await side.close();
      }
      const res = await get(`${r.url}/api/records?type=intake`, key);
      assert.equal(res.status, 401);
      assert.equal((await res.json()).error, 'key-revoked');
    });

    it('stores keys hashed: the secret is nowhere in the database, and listing shows no secret', async () => {
      const { id, key } = await r.receiver.createKey('hashed', ['read']);
      const secret = key.split('_').slice(2).join('_');
      const side = await sideStorage(target);
      try {
        const stored = await side.findKey(id);
        assert.ok(stored && !JSON.stringify(stored).includes(secret));
        assert.match(stored.secretSha256, /^[0-9a-f]{64}$/);
        const listed = (await side.listKeys()).find((k) => k.id === id);
        assert.deepEqual(Object.keys(listed ?? {}).sort(), ['createdAt', 'id', 'name', 'revokedAt', 'scopes']);
      } finally {
        await side.close();
      }
    });

    it('keeps element writes open without a key', async () => {
      const intake = validIntake();
      assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 201);
      const request = await r.receiver.issueConsentRequest(validConsentRequestInput());
      const consent = answering(request);
      assert.equal((await post(`${r.url}/api/consent`, consent, consent.receiptId)).status, 201);
    });

    it('never logs a key, a secret or the HMAC key', async () => {
      const { key } = await r.receiver.createKey('logged?', ['read']);
      await get(`${r.url}/api/records?type=intake`, key);
      await get(`${r.url}/api/records?type=intake`, key.slice(0, -2) + 'xx');
      await post(`${r.url}/api/consent-requests`, '{"broken', undefined, bearer(key));
      const side = await sideStorage(target);
      const hmac = await side.secret('consent-request-hmac', () => 'unused');
      await side.close();
      const everything = log.lines.map((l) => l.text).join('\n');
      assert.ok(!everything.includes(key) && !everything.includes(key.slice(17)), 'no API key secret in the log');
      assert.ok(!everything.includes(hmac), 'no HMAC key in the log');
    });
  });

  describe(`intake can require a key, and open writes are rate-limited [${engine.name}]`, () => {
    let target: Target;
    let clock = Date.parse('2026-11-21T00:00:00Z');
    before(async () => {
      target = await engine.target();
    });
    after(async () => target.cleanup());

    it('requires an intake-scoped key on POST /api/intake when configured', async () => {
      const r = await start(target, { intakeRequiresKey: true });
      try {
        const intake = validIntake();
        assert.equal((await post(`${r.url}/api/intake`, intake, intake.id)).status, 401);
        assert.equal((await post(`${r.url}/api/intake`, intake, intake.id, bearer(await r.key(['read'])))).status, 403);
        assert.equal((await post(`${r.url}/api/intake`, intake, intake.id, bearer(await r.key(['intake'])))).status, 201);
      } finally {
        await r.stop();
      }
    });

    it('answers 429 with Retry-After once a client used its allowance, per client, refilled over time', async () => {
      const r = await start(target, { rateLimit: { max: 3, windowSeconds: 60 }, trustProxyHops: 1, now: () => new Date(clock) });
      try {
        const send = (from: string) => {
          const intake = validIntake();
          return post(`${r.url}/api/intake`, intake, intake.id, { 'X-Forwarded-For': from });
        };
        for (let i = 0; i < 3; i += 1) assert.equal((await send('203.0.113.1')).status, 201);
        const limited = await send('203.0.113.1');
        assert.equal(limited.status, 429);
        assert.equal(limited.headers.get('retry-after'), '20'); // 3 per 60 s: one more every 20 s
        assert.equal((await limited.json()).error, 'rate-limited');
        assert.equal((await send('203.0.113.2')).status, 201, 'another client has its own allowance');
        clock += 20_000;
        assert.equal((await send('203.0.113.1')).status, 201, 'refilled after Retry-After');
        assert.equal((await send('203.0.113.1')).status, 429);
      } finally {
        await r.stop();
      }
    });

    it(
      'counts one allowance per client across every instance on one PostgreSQL database, and stores no address',
      { skip: engine.name !== 'postgres' && 'instances share buckets on PostgreSQL only' },
      async () => {
        const options = { rateLimit: { max: 3, windowSeconds: 60 }, trustProxyHops: 1, now: () => new Date(clock) };
        const instances = [await start(target, options), await start(target, options)];
        try {
          let turn = 0;
          const send = (from: string) => {
            const intake = validIntake();
            return post(`${instances[turn++ % 2]!.url}/api/intake`, intake, intake.id, { 'X-Forwarded-For': from });
          };
          for (let i = 0; i < 3; i += 1) assert.equal((await send('198.51.100.23')).status, 201, `request ${i + 1} of the allowance`);
          for (let i = 0; i < 2; i += 1) {
            const limited = await send('198.51.100.23');
            assert.equal(limited.status, 429, 'the allowance is used up on both instances');
            assert.equal(limited.headers.get('retry-after'), '20');
          }
          assert.equal((await send('198.51.100.24')).status, 201, 'another client has its own allowance');
          clock += 20_000;
          assert.equal((await send('198.51.100.23')).status, 201, 'refilled after Retry-After');
          assert.equal((await send('198.51.100.23')).status, 429);
          const stored = (await admin<{ client: string }>('SELECT client FROM rate_buckets', [], target.databaseUrl)).map((row) => row.client);
          assert.ok(stored.length >= 2, 'the buckets are in the database');
          assert.ok(
            stored.every((client) => !/198\.51\.100|203\.0\.113/.test(client)),
            'the buckets keep no client address',
          );
        } finally {
          for (const instance of instances) await instance.stop();
        }
      },
    );

    it('trusts X-Forwarded-For only when configured', async () => {
      const consentFrom = async (r: Running, forwarded: string) => {
        const request = await r.receiver.issueConsentRequest(validConsentRequestInput());
        const consent = answering(request);
        assert.equal((await post(`${r.url}/api/consent`, consent, consent.receiptId, { 'X-Forwarded-For': forwarded })).status, 201);
        return (await r.receiver.records('consent')).find((l) => l.idempotencyKey === consent.receiptId)?.clientIp;
      };
      const direct = await start(target);
      try {
        assert.equal(await consentFrom(direct, '198.51.100.7'), '127.0.0.1');
      } finally {
        await direct.stop();
      }
      const proxied = await start(target, { trustProxyHops: 1 });
      try {
        // The client may prepend anything; the entry our one proxy appended is the last.
        assert.equal(await consentFrom(proxied, '10.0.0.1, 198.51.100.7'), '198.51.100.7');
      } finally {
        await proxied.stop();
      }
    });
  });
}
