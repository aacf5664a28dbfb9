// Consent requests: issued and HMAC-signed by the receiver; consent records must answer one, unaltered.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, createReceiver, sha256Hex, signConsentRequest, verifyConsentRequest } from '../../src/server/index.js';
import { validConsent, validConsentRequestInput } from '../fixtures/submissions.js';
import { post, removeDir, start, tempDir, type Running } from './helpers.js';

type Signed = ReturnType<typeof validConsentRequestInput> & { id: string; issuedAt: string; expiresAt: string; token: string };

describe('consent requests and consent records', () => {
  let r: Running;
  const now = new Date('2026-11-21T00:00:00.000Z');
  before(async () => {
    r = await start({ now: () => now });
  });
  after(async () => {
    await r.stop();
    removeDir(r.dataDir);
  });

  async function issue(input: object = validConsentRequestInput()): Promise<Signed> {
    const res = await post(`${r.url}/api/consent-requests`, input, undefined);
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

    const one = await fetch(`${r.url}/api/consent-requests/${request.id}`);
    assert.deepEqual(await one.json(), request);
    assert.equal((await fetch(`${r.url}/api/consent-requests/unknown-id`)).status, 404);
  });

  it('lists issued requests newest first', async () => {
    const a = await issue();
    const b = await issue();
    const list = (await (await fetch(`${r.url}/api/consent-requests`)).json()) as Signed[];
    assert.deepEqual(list.slice(0, 2).map((x) => x.id), [b.id, a.id]);
  });

  it('refuses an invalid consent request with the offending fields', async () => {
    const res = await post(`${r.url}/api/consent-requests`, { ...validConsentRequestInput(), scopes: [], controller: { name: '広報部', email: 'not-an-email' } }, undefined);
    assert.equal(res.status, 422);
    const paths = (await res.json()).fields.map((f: { path: string }) => f.path);
    assert.ok(paths.includes('scopes') && paths.includes('controller.email'), `fields: ${paths}`);
  });

  it('accepts a consent record carrying the issued token and stores the client IP', async () => {
    const request = await issue();
    const consent = validConsent(request);
    const res = await post(`${r.url}/api/consent`, consent, consent.receiptId);
    assert.equal(res.status, 201);
    assert.equal((await res.json()).id, consent.receiptId);
    const line = (await r.receiver.records('consent')).find((l) => l.idempotencyKey === consent.receiptId);
    assert.equal(line?.clientIp, '127.0.0.1');
    assert.deepEqual(line?.record, consent);
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
    assert.equal(body.error, 'consent-request-invalid');
    assert.match(body.message, /altered or forged/);
  });

  it('checks requestSha256 (the request as the signer saw it) against the issued request', async () => {
    const request = await issue();
    const good = { ...validConsent(request), requestSha256: sha256Hex(canonicalJson(request)) };
    assert.equal((await post(`${r.url}/api/consent`, good, good.receiptId)).status, 201);
    // Shown with a longer term, but carrying the genuine token: the hash gives the edit away.
    const shown = { ...request, termMonths: 120 };
    const bad = { ...validConsent(request), requestSha256: sha256Hex(canonicalJson(shown)) };
    const res = await post(`${r.url}/api/consent`, bad, bad.receiptId);
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error, 'consent-request-invalid');
  });

  it('refuses a record for a request that was never issued, or without a token', async () => {
    const request = await issue();
    const unknown = validConsent({ ...request, id: 'never-issued' });
    const a = await post(`${r.url}/api/consent`, unknown, unknown.receiptId);
    assert.equal(a.status, 422);
    assert.match((await a.json()).message, /never issued/);
    const { requestToken: _drop, ...tokenless } = validConsent(request);
    const b = await post(`${r.url}/api/consent`, tokenless, tokenless.receiptId);
    assert.equal(b.status, 422);
    assert.equal((await b.json()).error, 'consent-request-invalid');
  });

  it('keeps issued requests across a restart', async () => {
    const request = await issue();
    await r.stop();
    r = await start({ dataDir: r.dataDir, now: () => now });
    const consent = validConsent(request);
    assert.equal((await post(`${r.url}/api/consent`, consent, consent.receiptId)).status, 201);
  });
});

describe('signing helpers and key storage', () => {
  it('covers every field but the token, whatever the key order', () => {
    const request = { id: 'r-1', b: { y: 1, x: [1, 2] }, a: 'text' };
    const signed = signConsentRequest(request, 'k');
    assert.equal(verifyConsentRequest({ a: 'text', token: signed.token, b: { x: [1, 2], y: 1 }, id: 'r-1' }, 'k'), true);
    assert.equal(verifyConsentRequest({ ...signed, a: 'text!' }, 'k'), false);
    assert.equal(verifyConsentRequest({ ...signed, b: { y: 1, x: [2, 1] } }, 'k'), false);
    assert.equal(verifyConsentRequest({ ...signed, extra: true }, 'k'), false);
  });

  it('generates one HMAC key per data dir, readable only by its owner', async () => {
    const dataDir = tempDir();
    const saved = process.env.KOE_HMAC_KEY;
    delete process.env.KOE_HMAC_KEY;
    try {
      const first = createReceiver({ dataDir });
      const request = await first.issueConsentRequest(validConsentRequestInput());
      assert.equal(statSync(join(dataDir, 'hmac.key')).mode & 0o777, 0o600);
      // A second receiver on the same dir uses the same key, so earlier links stay valid.
      const second = createReceiver({ dataDir });
      const again = await second.issueConsentRequest({ ...request, id: 'copy', token: undefined });
      const { token: _t, ...rest } = again;
      assert.equal(signConsentRequest(rest, 'wrong').token === again.token, false);
      const { readFileSync } = await import('node:fs');
      const key = readFileSync(join(dataDir, 'hmac.key'), 'utf8').trim();
      assert.equal(verifyConsentRequest(request, key), true);
      assert.equal(verifyConsentRequest(again, key), true);
    } finally {
      if (saved !== undefined) process.env.KOE_HMAC_KEY = saved;
      removeDir(dataDir);
    }
  });
});
