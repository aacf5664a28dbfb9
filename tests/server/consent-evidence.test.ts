// Withdrawal as a capability, sealed records, signed receipts and `koe-receiver verify`, on every engine.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ConsentRecord } from '../../src/core/schemas.js';
import { sealedContent, withdrawalToken } from '../../src/server/index.js';
import { validConsentRequestInput } from '../fixtures/submissions.js';
import kantaraSchema from '../fixtures/kantara-consent-receipt.schema.json' with { type: 'json' };
import { admin, answering, engines, get, post, start, type Running, type Target } from './helpers.js';
import { runCli } from './processes.js';
import { numbered } from '../../src/server/storage/postgres.js';

type Signed = Awaited<ReturnType<Running['receiver']['issueConsentRequest']>>;
interface Jwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg: string;
}

/** Verifies a compact JWS with node:crypto alone, as README "Verifying a receipt" shows; returns the payload. */
function verifyCompactJws(jws: string, keys: Jwk[]): Record<string, unknown> {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString());
  assert.equal(alg, 'EdDSA');
  const jwk = keys.find((k) => k.kid === kid);
  assert.ok(jwk, `key ${kid} is published`);
  const publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  assert.equal(verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url')), true, 'signature holds');
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
}

const validateKantara = new Ajv({ strict: false }).compile(kantaraSchema);

for (const engine of engines()) {
  describe(`withdrawal is a capability, evidence is sealed [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    before(async () => {
      target = await engine.target();
      r = await start(target);
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
    });

    const issue = () => r.receiver.issueConsentRequest({ ...validConsentRequestInput(), scopes: ['company-name', 'logo', 'quotes'] });
    const send = (record: ConsentRecord) => post(`${r.url}/api/consent`, record, record.receiptId);

    /** A granted receipt and what the 201 said. */
    async function granted(request?: Signed): Promise<{ request: Signed; grant: ConsentRecord; answer: Record<string, unknown> }> {
      const req = request ?? (await issue());
      const grant = answering(req);
      const res = await send(grant);
      assert.equal(res.status, 201);
      return { request: req, grant, answer: await res.json() };
    }

    /** A withdrawal of `scopes` from `grant`, as the element builds it from the receipt's link. */
    function withdrawal(grant: ConsentRecord, scopes: string[], over: Partial<ConsentRecord> = {}, token?: string): ConsentRecord {
      const { requestSha256: _h, requestToken: _t, reviewWindowBusinessDays: _w, ...rest } = grant;
      return {
        ...rest,
        receiptId: crypto.randomUUID(),
        decision: 'withdrawn',
        withdrawsReceiptId: grant.receiptId,
        withdrawalToken: token ?? withdrawalToken(grant.receiptId, grant.requestId, 'test-key'),
        scopes: grant.scopes.filter((s) => s.granted).map((s) => ({ id: s.id, granted: !scopes.includes(s.id) })),
        ...over,
      };
    }

    async function refused(record: ConsentRecord, code: string): Promise<void> {
      const res = await send(record);
      const body = await res.json();
      assert.equal(res.status, 422, `${code}: ${JSON.stringify(body)}`);
      assert.equal(body.error, code);
      assert.equal((await r.receiver.records('consent')).some((l) => (l.record as ConsentRecord).receiptId === record.receiptId), false);
    }

    it('returns a withdrawal token bound to the granted receipt (HMAC over receiptId and requestId), none for a decline', async () => {
      const { grant, answer } = await granted();
      assert.equal(answer.withdrawalToken, withdrawalToken(grant.receiptId, grant.requestId, 'test-key'));
      const request = await issue();
      const decline = answering(request, { decision: 'declined', scopes: request.scopes.map((id) => ({ id, granted: false })) });
      const declined = await (await send(decline)).json();
      assert.equal('withdrawalToken' in declined, false);
      // The inbox (a key with the issue scope) can get it to send the customer a withdrawal link; nobody else can.
      assert.equal((await get(`${r.url}/api/withdrawal-tokens/${grant.receiptId}`)).status, 401);
      const key = await r.key(['issue']);
      assert.equal((await (await get(`${r.url}/api/withdrawal-tokens/${grant.receiptId}`, key)).json()).withdrawalToken, answer.withdrawalToken);
      assert.equal((await get(`${r.url}/api/withdrawal-tokens/${decline.receiptId}`, key)).status, 404);
    });

    it('refuses a withdrawal by another email, through another request, of an unknown receipt, or naming none', async () => {
      const { grant } = await granted();
      await refused(withdrawal(grant, ['logo'], { signer: { ...grant.signer, email: 'someone-else@example.jp' } }), 'withdrawal-signer-mismatch');
      const other = await granted();
      await refused(withdrawal(grant, ['logo'], { requestId: other.request.id }), 'withdrawal-other-request');
      await refused(withdrawal(grant, ['logo'], { withdrawsReceiptId: crypto.randomUUID() }), 'withdrawal-receipt-unknown');
      const { withdrawsReceiptId: _none, ...unnamed } = withdrawal(grant, ['logo']);
      await refused(unnamed, 'withdrawal-receipt-missing');
    });

    it('refuses a withdrawal without the receipt’s token, or with another receipt’s', async () => {
      const { grant } = await granted();
      const other = await granted();
      const { withdrawalToken: _t, ...tokenless } = withdrawal(grant, ['logo']);
      await refused(tokenless, 'withdrawal-token-invalid');
      await refused(withdrawal(grant, ['logo'], {}, other.answer.withdrawalToken as string), 'withdrawal-token-invalid');
      // The request's own token (anyone with the consent link has it) is not a withdrawal token.
      await refused(withdrawal(grant, ['logo'], {}, grant.requestToken), 'withdrawal-token-invalid');
    });

    it('refuses withdrawing a decline, scopes never granted, or nothing', async () => {
      const request = await issue();
      const decline = answering(request, { decision: 'declined', scopes: request.scopes.map((id) => ({ id, granted: false })) });
      assert.equal((await send(decline)).status, 201);
      await refused(withdrawal(decline, [], { scopes: [{ id: 'logo', granted: false }] }), 'withdrawal-not-granted');
      const { grant } = await granted();
      await refused(withdrawal(grant, ['video'], { scopes: [...withdrawal(grant, []).scopes, { id: 'video', granted: false }] }), 'withdrawal-scopes-mismatch');
      await refused(withdrawal(grant, []), 'withdrawal-nothing-withdrawn');
    });

    it('withdraws part, then the rest; withdrawing what is already withdrawn answers with the stored withdrawal', async () => {
      const { grant } = await granted();
      const logo = withdrawal(grant, ['logo']);
      const first = await send(logo);
      assert.equal(first.status, 201);
      const firstBody = await first.json();
      assert.deepEqual(firstBody.remainingScopes, ['company-name', 'quotes']);
      const stored = (await r.receiver.records('consent')).find((l) => (l.record as ConsentRecord).receiptId === logo.receiptId)!;
      assert.equal('withdrawalToken' in (stored.record as object), false, 'the capability is checked, never stored');

      const again = withdrawal(grant, ['logo']);
      const repeat = await send(again);
      assert.equal(repeat.status, 200);
      const repeatBody = await repeat.json();
      assert.equal(repeatBody.alreadyWithdrawn, true);
      assert.equal(repeatBody.id, logo.receiptId, 'the stored withdrawal’s answer');
      assert.equal(repeatBody.receipt, firstBody.receipt);

      // The rest, from the same link: logo is listed as kept, but a withdrawal never grants back.
      const rest = withdrawal(grant, ['company-name', 'quotes']);
      const last = await (await send(rest)).json();
      assert.deepEqual(last.remainingScopes, []);
      const lines = (await r.receiver.records('consent')).filter((l) => (l.record as ConsentRecord).requestId === grant.requestId);
      assert.deepEqual(lines.map((l) => (l.record as ConsentRecord).decision), ['withdrawn', 'withdrawn', 'granted']);
    });

    it('seals every stored record and signs a Kantara receipt as a JWS that node:crypto verifies with the published key', async () => {
      const { grant, answer } = await granted();
      const keys = (await (await get(`${r.url}/api/seal-keys`)).json()).keys as Jwk[];
      assert.equal(keys.length, 1);
      assert.deepEqual({ kty: keys[0]!.kty, crv: keys[0]!.crv, alg: keys[0]!.alg }, { kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
      const receipt = verifyCompactJws(answer.receipt as string, keys);
      assert.equal(receipt.consentReceiptID, grant.receiptId);
      assert.equal(validateKantara(receipt), true, JSON.stringify(validateKantara.errors));
      const tampered = (answer.receipt as string).replace(/\.([^.]+)\./, () => `.${Buffer.from(JSON.stringify({ ...receipt, piiPrincipalId: 'x' })).toString('base64url')}.`);
      assert.throws(() => verifyCompactJws(tampered, keys), /signature holds/);

      const line = (await r.receiver.records('consent')).find((l) => (l.record as ConsentRecord).receiptId === grant.receiptId)!;
      const seal = answer.seal as { keyId: string; signature: string; keys: string };
      assert.deepEqual(line.seal, { keyId: seal.keyId, signature: seal.signature });
      assert.equal(seal.keys, '/api/seal-keys');
      // The seal: Ed25519 over the canonical { receivedAt, record, type }, by the published key.
      const publicKey = createPublicKey({ key: { kty: keys[0]!.kty, crv: keys[0]!.crv, x: keys[0]!.x }, format: 'jwk' });
      const content = Buffer.from(sealedContent(line.receivedAt, line.record));
      assert.equal(verify(null, content, publicKey, Buffer.from(seal.signature, 'base64url')), true);
      assert.equal(verify(null, Buffer.from(sealedContent(line.receivedAt, { ...(line.record as object), term: { months: 120 } })), publicKey, Buffer.from(seal.signature, 'base64url')), false);
    });

    it('`koe-receiver verify` passes an untouched database and names a row changed behind its back (exit 1)', async () => {
      const { grant } = await granted();
      await send(withdrawal(grant, ['quotes']));
      const clean = await runCli(['verify'], { ...target.env, KOE_HMAC_KEY: 'test-key' });
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);
      assert.match(clean.stdout, /nothing was changed after it was written/);

      // An insider widens the grant's term straight in the database.
      await change(target, "UPDATE records SET record = replace(record, '\"months\":24', '\"months\":120') WHERE record_id = ?", [grant.receiptId]);
      const caught = await runCli(['verify'], { ...target.env, KOE_HMAC_KEY: 'test-key' });
      assert.equal(caught.code, 1, caught.stdout);
      assert.match(caught.stdout, new RegExp(`consent record ${grant.receiptId} \\(row \\d+\\): changed after it was sealed`));
      assert.match(caught.stdout, /1 problem\(s\) found/);

      // And a consent request edited after it was issued.
      await change(target, "UPDATE consent_requests SET record = replace(record, '\"termMonths\":24', '\"termMonths\":36') WHERE id = ?", [grant.requestId]);
      const both = await runCli(['verify'], { ...target.env, KOE_HMAC_KEY: 'test-key' });
      assert.equal(both.code, 1);
      assert.match(both.stdout, new RegExp(`consent request ${grant.requestId} \\(row \\d+\\): changed after it was issued`));
    });
  });

  describe(`the sealing key lives in the database or the environment [${engine.name}]`, () => {
    it('is generated once and shared by the next receiver, and KOE_SEAL_KEY adds its key beside it', async () => {
      const target = await engine.target();
      try {
        const first = await start(target);
        const firstKeys = (await (await get(`${first.url}/api/seal-keys`)).json()).keys as Jwk[];
        await first.stop();
        const second = await start(target);
        assert.deepEqual((await (await get(`${second.url}/api/seal-keys`)).json()).keys, firstKeys);
        await second.stop();
        const { generateKeyPairSync } = await import('node:crypto');
        const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
        const third = await start(target, { sealKey: pem });
        const keys = (await (await get(`${third.url}/api/seal-keys`)).json()).keys as Jwk[];
        assert.equal(keys.length, 2, 'the old key stays published, so old seals still verify');
        const request = await third.receiver.issueConsentRequest(validConsentRequestInput());
        const grant = answering(request);
        const answer = await (await post(`${third.url}/api/consent`, grant, grant.receiptId)).json();
        assert.equal(verifyCompactJws(answer.receipt, keys).consentReceiptID, grant.receiptId);
        assert.notEqual((answer.seal as { keyId: string }).keyId, firstKeys[0]!.kid);
        await third.stop();
      } finally {
        await target.cleanup();
      }
    });
  });
}

/** A change made around the receiver, straight in the database (as an insider with database access could). */
async function change(target: Target, sql: string, params: unknown[]): Promise<void> {
  if (target.databaseUrl) {
    await admin(numbered(sql), params, target.databaseUrl);
    return;
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(target.dataDir, 'koe.sqlite'));
  try {
    assert.equal(db.prepare(sql).run(...params).changes, 1);
  } finally {
    db.close();
  }
}
