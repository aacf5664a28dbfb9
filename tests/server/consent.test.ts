// Consent requests: issued and HMAC-signed by the receiver with an `issue` key; consent records must answer one, unaltered.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256Hex, signConsentRequest, verifyConsentRequest } from '../../src/server/index.js';
import { HMAC_SECRET } from '../../src/server/signing.js';
import { validConsent, validConsentRequestInput } from '../fixtures/submissions.js';
import { admin, answering, bearer, engines, get, post, start, type Running, type Target } from './helpers.js';

type Signed = ReturnType<typeof validConsentRequestInput> & { id: string; issuedAt: string; expiresAt: string; token: string };

for (const engine of engines()) {
  describe(`consent requests and consent records [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    let key: string;
    const now = new Date('2026-11-21T00:00:00.000Z');
    before(async () => {
      target = await engine.target();
      r = await start(target, { now: () => now });
      key = await r.key(['read', 'issue']);
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
    });

    async function issue(input: object = validConsentRequestInput()): Promise<Signed> {
      const res = await post(`${r.url}/api/consent-requests`, input, undefined, bearer(key));
      assert.equal(res.status, 201);
      return (await res.json()) as Signed;
    }

    it('issues a signed request with server-set id, issuedAt and a 30-day expiry', async () => {
      const request = await issue({ ...validConsentRequestInput(), issuedAt: '2000-01-01T00:00:00Z', token: 'client-made' });
      assert.match(request.id, /^[0-9a-f-]{36}$/);
      assert.equal(request.issuedAt, now.toISOString());
      assert.equal(request.expiresAt, new Date(now.getTime() + 30 * 86400_000).toISOString());
      assert.notEqual(request.token, 'client-made');
      assert.equal(verifyConsentRequest(request, 'test-key'), true);
      assert.equal(verifyConsentRequest(request, 'another-key'), false);

      const one = await get(`${r.url}/api/consent-requests/${request.id}`, key);
      assert.deepEqual(await one.json(), request);
      assert.equal((await get(`${r.url}/api/consent-requests/unknown-id`, key)).status, 404);
    });

    it('reads back a request whose own id is 128 characters as the schema counts them (emoji: 256 UTF-16 units)', async () => {
      const id = '📣'.repeat(128);
      const request = await issue({ ...validConsentRequestInput(), id });
      assert.equal(request.id, id);
      const one = await get(`${r.url}/api/consent-requests/${encodeURIComponent(id)}`, key);
      assert.equal(one.status, 200);
      assert.equal(((await one.json()) as Signed).id, id);
      assert.equal((await get(`${r.url}/api/records?type=consent&request=${encodeURIComponent(id)}`, key)).status, 200);
      assert.equal((await get(`${r.url}/api/consent-requests/${encodeURIComponent(id + '📣')}`, key)).status, 400);
    });

    it('lists issued requests newest first, without their tokens', async () => {
      const a = await issue();
      const b = await issue();
      const page = await (await get(`${r.url}/api/consent-requests`, key)).json();
      const ids = page.items.map((x: Signed) => x.id);
      assert.ok(ids.indexOf(b.id) < ids.indexOf(a.id) && ids.indexOf(a.id) !== -1, `order: ${ids}`);
      const { token: _t, ...withoutToken } = b;
      assert.deepEqual(page.items.find((x: Signed) => x.id === b.id), withoutToken);
      assert.ok(page.items.every((x: object) => !('token' in x)), 'no token in the list');
      const records = await (await get(`${r.url}/api/records?type=consent-request`, key)).json();
      assert.ok(records.items.length >= 2 && records.items.every((l: { record: object }) => !('token' in l.record)), 'no token in /api/records either');
      assert.ok(!JSON.stringify(page).includes(b.token) && !JSON.stringify(records).includes(b.token));
    });

    it('refuses an invalid consent request with the offending fields', async () => {
      const res = await post(`${r.url}/api/consent-requests`, { ...validConsentRequestInput(), scopes: [], controller: { name: '広報部', email: 'not-an-email' } }, undefined, bearer(key));
      assert.equal(res.status, 422);
      const paths = (await res.json()).fields.map((f: { path: string }) => f.path);
      assert.ok(paths.includes('scopes') && paths.includes('controller.email'), `fields: ${paths}`);
    });

    it('refuses a second request with an id that already exists (409), keeping the first', async () => {
      const first = await issue({ ...validConsentRequestInput(), id: 'fixed-id-1' });
      const again = await post(`${r.url}/api/consent-requests`, { ...validConsentRequestInput(), id: 'fixed-id-1', termMonths: 99 }, undefined, bearer(key));
      assert.equal(again.status, 409);
      assert.deepEqual(await (await get(`${r.url}/api/consent-requests/fixed-id-1`, key)).json(), first);
    });

    it('replays an issue retried with the same Idempotency-Key instead of issuing twice', async () => {
      // Quotes and semicolons in a key are data, never SQL.
      const idem = `it's;--${crypto.randomUUID()}`;
      const input = validConsentRequestInput();
      const a = await post(`${r.url}/api/consent-requests`, input, idem, bearer(key));
      const b = await post(`${r.url}/api/consent-requests`, input, idem, bearer(key));
      assert.equal(a.status, 201);
      assert.equal(b.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await b.json(), await a.json());
    });

    it('accepts a consent record carrying the issued token and stores the client IP', async () => {
      const request = await issue();
      const consent = answering(request);
      const res = await post(`${r.url}/api/consent`, consent, consent.receiptId);
      assert.equal(res.status, 201);
      assert.equal((await res.json()).id, consent.receiptId);
      const line = (await r.receiver.records('consent')).find((l) => l.idempotencyKey === consent.receiptId);
      assert.equal(line?.clientIp, '127.0.0.1');
      assert.deepEqual(line?.record, consent);
      const answers = await (await get(`${r.url}/api/records?type=consent&request=${request.id}`, key)).json();
      assert.deepEqual(answers.items.map((l: { record: { receiptId: string } }) => l.record.receiptId), [consent.receiptId]);
    });

    it('refuses a record whose request was edited (token no longer matches)', async () => {
      const request = await issue();
      const edited = { ...request, termMonths: 120, scopes: [...request.scopes, 'video'] };
      // Re-signing without the server's key cannot produce a valid token.
      const forged = signConsentRequest({ ...edited, token: undefined }, 'guessed-key');
      assert.equal(verifyConsentRequest(edited, 'test-key'), false);
      const consent = validConsent(forged);
      const res = await post(`${r.url}/api/consent`, consent, consent.receiptId);
      assert.equal(res.status, 422);
      const body = await res.json();
      assert.equal(body.error, 'request-token-mismatch');
      assert.match(body.message, /altered or forged/);
    });

    it('checks requestSha256 (the request as the signer saw it) against the issued request', async () => {
      const good = answering(await issue());
      assert.equal((await post(`${r.url}/api/consent`, good, good.receiptId)).status, 201);
      // Shown with a longer term, but carrying the genuine token: the hash gives the edit away.
      const request = await issue();
      const shown = { ...request, termMonths: 120 };
      const bad = { ...validConsent(request), requestSha256: sha256Hex(canonicalJson(shown)) };
      const res = await post(`${r.url}/api/consent`, bad, bad.receiptId);
      assert.equal(res.status, 422);
      assert.equal((await res.json()).error, 'request-hash-mismatch');
    });

    it('refuses a record for a request that was never issued, or without a token', async () => {
      const request = await issue();
      const unknown = answering({ ...request, id: 'never-issued' });
      const a = await post(`${r.url}/api/consent`, unknown, unknown.receiptId);
      assert.equal(a.status, 422);
      const refusal = await a.json();
      assert.equal(refusal.error, 'request-not-issued');
      assert.match(refusal.message, /never issued/);
      const { requestToken: _drop, ...tokenless } = answering(request);
      const b = await post(`${r.url}/api/consent`, tokenless, tokenless.receiptId);
      assert.equal(b.status, 422);
      assert.equal((await b.json()).error, 'request-token-mismatch');
    });

    it('keeps issued requests across a restart', async () => {
      const request = await issue();
      await r.stop();
      r = await start(target, { now: () => now });
      const consent = answering(request);
      assert.equal((await post(`${r.url}/api/consent`, consent, consent.receiptId)).status, 201);
    });
  });

  describe(`the consent-request HMAC key lives in the database, not on one instance's disk [${engine.name}]`, () => {
    it('is generated once and shared: a request issued by one receiver is accepted by the next', async () => {
      const target = await engine.target();
      // No hmacKey: the database holds it. On PostgreSQL the two receivers run at once.
      const first = await start(target, { hmacKey: undefined });
      const second = engine.name === 'postgres' ? await start(target, { hmacKey: undefined }) : undefined;
      try {
        const request = await first.receiver.issueConsentRequest(validConsentRequestInput());
        const other = second ?? (await first.stop(), await start(target, { hmacKey: undefined }));
        const consent = answering(request);
        assert.equal((await post(`${other.url}/api/consent`, consent, consent.receiptId)).status, 201);
        const again = await other.receiver.issueConsentRequest(validConsentRequestInput());
        const stored = await storedSecret(target);
        assert.equal(verifyConsentRequest(request, stored), true);
        assert.equal(verifyConsentRequest(again, stored), true);
        assert.equal(existsSync(join(target.dataDir, 'hmac.key')), false);
        await other.stop();
      } finally {
        if (second) await first.stop();
        await target.cleanup();
      }
    });
  });
}

/** The secret as the database holds it, read around the receiver. */
async function storedSecret(target: Target): Promise<string> {
  if (target.databaseUrl) return (await admin<{ value: string }>('SELECT value FROM secrets WHERE name = $1', [HMAC_SECRET], target.databaseUrl))[0]!.value;
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(target.dataDir, 'koe.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT value FROM secrets WHERE name = ?').get(HMAC_SECRET) as { value: string }).value;
  } finally {
    db.close();
  }
}

describe('signing helpers', () => {
  it('covers every field but the token, whatever the key order', () => {
    const request = { id: 'r-1', b: { y: 1, x: [1, 2] }, a: 'text' };
    const signed = signConsentRequest(request, 'k');
    assert.equal(verifyConsentRequest({ a: 'text', token: signed.token, b: { x: [1, 2], y: 1 }, id: 'r-1' }, 'k'), true);
    assert.equal(verifyConsentRequest({ ...signed, a: 'text!' }, 'k'), false);
    assert.equal(verifyConsentRequest({ ...signed, b: { y: 1, x: [2, 1] } }, 'k'), false);
    assert.equal(verifyConsentRequest({ ...signed, extra: true }, 'k'), false);
  });
});
