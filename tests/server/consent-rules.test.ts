// Each rule a consent record must keep, tried as an attacker would with a genuine request in hand: every forged record
// gets a 422 naming the rule and nothing is stored; a second answer gets 409, also across instances and at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConsentRecord } from '../../src/core/schemas.js';
import { canonicalJson, sha256Hex } from '../../src/server/index.js';
import { validConsentRequestInput } from '../fixtures/submissions.js';
import { answering, bearer, engines, post, start, type Running, type Target } from './helpers.js';

type Signed = Awaited<ReturnType<Running['receiver']['issueConsentRequest']>>;

for (const engine of engines()) {
  describe(`consent records are checked against the issued request, field by field [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    let clock = new Date('2026-11-21T00:00:00.000Z');
    before(async () => {
      target = await engine.target();
      r = await start(target, { now: () => clock });
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
    });

    const issue = (over: object = {}) => r.receiver.issueConsentRequest({ ...validConsentRequestInput(), ...over });
    const stored = async (requestId: string) => (await r.receiver.records('consent')).filter((l) => (l.record as ConsentRecord).requestId === requestId);

    /** Posts a record and expects a 422 naming `code`, with nothing stored for the request. */
    async function refused(record: ConsentRecord, code: string, path?: string): Promise<void> {
      const res = await post(`${r.url}/api/consent`, record, record.receiptId);
      const body = await res.json();
      assert.equal(res.status, 422, `${code}: ${JSON.stringify(body)}`);
      assert.equal(body.error, code);
      if (path) assert.ok(body.fields.some((f: { code: string; path: string }) => f.code === code && f.path === path), JSON.stringify(body.fields));
      assert.deepEqual(await stored(record.requestId), [], 'nothing stored');
    }

    it('accepts the genuine answer', async () => {
      const request = await issue();
      const record = answering(request);
      assert.equal((await post(`${r.url}/api/consent`, record, record.receiptId)).status, 201);
    });

    it('refuses a scope the request did not offer, one answered twice, and one left unanswered', async () => {
      const request = await issue();
      await refused(answering(request, { scopes: [...request.scopes.map((id) => ({ id, granted: true })), { id: 'video', granted: true }] }), 'scope-not-offered', 'scopes.3.id');
      await refused(answering(request, { scopes: [...request.scopes.map((id) => ({ id, granted: true })), { id: 'logo', granted: false }] }), 'scope-answered-twice', 'scopes.3.id');
      await refused(answering(request, { scopes: [{ id: 'company-name', granted: true }, { id: 'logo', granted: true }] }), 'scope-unanswered', 'scopes');
    });

    it('issues no request that could never be answered or contradicts itself: one that expires before it is sent, offers a scope twice, or sets a review window without a review', async () => {
      const key = await r.key(['issue']);
      const issued = (await r.receiver.records('consent-request')).length;
      for (const [over, path, code] of [
        [{ expiresAt: '2026-11-20T23:59:59Z' }, 'expiresAt', 'expires_before_issue'],
        [{ expiresAt: clock.toISOString() }, 'expiresAt', 'expires_before_issue'],
        [{ scopes: ['logo', 'quotes', 'logo'] }, 'scopes', 'scopes_repeated'],
        [{ reviewBeforePublication: false, reviewWindowBusinessDays: 10 }, 'reviewWindowBusinessDays', 'review_window_without_review'],
      ] as const) {
        const res = await post(`${r.url}/api/consent-requests`, { ...validConsentRequestInput(), ...over }, undefined, bearer(key));
        assert.equal(res.status, 422, JSON.stringify(over));
        const body = (await res.json()) as { fields: { path: string; code?: string; message: string }[] };
        assert.deepEqual(body.fields.map((f) => f.path), [path]);
        assert.ok(body.fields[0]!.code === code || body.fields[0]!.message === code, JSON.stringify(body.fields));
      }
      assert.equal((await r.receiver.records('consent-request')).length, issued, 'a refused request was stored');
    });

    it('refuses a term other than the request’s (999 months)', async () => {
      const request = await issue();
      await refused(answering(request, { term: { months: 999 } }), 'term-mismatch', 'term.months');
    });

    it('refuses dropping the review before publication, or changing its window', async () => {
      const request = await issue();
      const { reviewWindowBusinessDays: _w, ...noReview } = answering(request, { reviewBeforePublication: false });
      await refused(noReview, 'review-mismatch', 'reviewBeforePublication');
      await refused(answering(request, { reviewWindowBusinessDays: 30 }), 'review-window-mismatch', 'reviewWindowBusinessDays');
      // A request without review: a record must not invent a window either.
      const bare = await issue({ reviewBeforePublication: false, reviewWindowBusinessDays: undefined });
      await refused(answering(bare, { reviewWindowBusinessDays: 5 }), 'review-window-mismatch');
    });

    it('refuses a signer from another company', async () => {
      const request = await issue();
      const record = answering(request);
      await refused({ ...record, signer: { ...record.signer, company: '株式会社ほかの会社' } }, 'signer-company-mismatch', 'signer.company');
      const { company: _c, ...noCompany } = record.signer;
      await refused({ ...record, signer: noCompany }, 'signer-company-mismatch');
    });

    it('requires requestSha256 and refuses one that does not match', async () => {
      const request = await issue();
      const { requestSha256: _h, ...unhashed } = answering(request);
      await refused(unhashed, 'request-hash-missing', 'requestSha256');
      await refused(answering(request, { requestSha256: sha256Hex(canonicalJson({ ...request, termMonths: 120 })) }), 'request-hash-mismatch');
    });

    it('refuses a wrong or missing request token, and a request never issued', async () => {
      const request = await issue();
      await refused(answering(request, { requestToken: 'read-from-somewhere' }), 'request-token-mismatch', 'requestToken');
      const { requestToken: _t, ...tokenless } = answering(request);
      await refused(tokenless, 'request-token-mismatch');
      await refused(answering({ ...request, id: 'never-issued' }), 'request-not-issued', 'requestId');
    });

    it('refuses a grant that allows nothing and a decline that allows something', async () => {
      const request = await issue();
      await refused(answering(request, { scopes: request.scopes.map((id) => ({ id, granted: false })) }), 'decision-inconsistent', 'decision');
      await refused(answering(request, { decision: 'declined' }), 'decision-inconsistent');
    });

    it('refuses an answer to an expired request by the receiver’s clock, allowing five minutes of skew', async () => {
      const saved = clock;
      clock = new Date('1999-12-01T00:00:00.000Z');
      const old = await issue({ expiresAt: '2000-01-01T00:00:00.000Z' });
      clock = saved;
      await refused(answering(old), 'request-expired', 'requestId');
      const expiresAt = new Date(clock.getTime() + 60_000).toISOString();
      const [late, tooLate] = [await issue({ expiresAt }), await issue({ expiresAt })];
      try {
        // The signer's own clock says nothing: signedAt is the element's; the receiver decides by its own.
        clock = new Date(Date.parse(expiresAt) + 4 * 60_000);
        const inSkew = answering(late, { signedAt: '2000-01-01T00:00:00+09:00' });
        assert.equal((await post(`${r.url}/api/consent`, inSkew, inSkew.receiptId)).status, 201);
        clock = new Date(Date.parse(expiresAt) + 6 * 60_000);
        await refused(answering(tooLate, { signedAt: expiresAt }), 'request-expired');
      } finally {
        clock = saved;
      }
    });

    it('lists every broken rule in fields, each with its code', async () => {
      const request = await issue();
      const record = answering(request, { term: { months: 999 }, reviewBeforePublication: false, signer: { name: '他人', email: 'x@example.com' } });
      const body = await (await post(`${r.url}/api/consent`, record, record.receiptId)).json();
      assert.equal(body.error, 'term-mismatch');
      assert.deepEqual(body.fields.map((f: { code: string }) => f.code), ['term-mismatch', 'review-mismatch', 'signer-company-mismatch']);
    });
  });

  describe(`one answer per request, enforced by the database [${engine.name}]`, () => {
    let target: Target;
    let a: Running;
    let b: Running | undefined;
    before(async () => {
      target = await engine.target();
      a = await start(target);
      // PostgreSQL: a second instance on the same database; SQLite allows one receiver per data dir.
      b = engine.name === 'postgres' ? await start(target) : undefined;
    });
    after(async () => {
      await b?.stop();
      await a.stop();
      await target.cleanup();
    });
    const urls = () => [a.url, (b ?? a).url];

    it('refuses a second decision for the same request with 409, explaining how to change it', async () => {
      const request = await a.receiver.issueConsentRequest(validConsentRequestInput());
      const grant = answering(request);
      assert.equal((await post(`${a.url}/api/consent`, grant, grant.receiptId)).status, 201);
      const decline = answering(request, { decision: 'declined', scopes: request.scopes.map((id) => ({ id, granted: false })) });
      const res = await post(`${urls()[1]}/api/consent`, decline, decline.receiptId);
      assert.equal(res.status, 409);
      assert.equal(res.headers.get('retry-after'), null, 'not the in-flight 409: nothing to retry');
      const body = await res.json();
      assert.equal(body.error, 'consent-already-answered');
      assert.match(body.message, /withdrawal link/);
      assert.equal((await a.receiver.records('consent')).filter((l) => (l.record as ConsentRecord).requestId === request.id).length, 1);
    });

    it('never stores the same record twice: a new Idempotency-Key is refused, a new receipt ID is a second answer', async () => {
      const request = await a.receiver.issueConsentRequest(validConsentRequestInput());
      const grant = answering(request);
      assert.equal((await post(`${a.url}/api/consent`, grant, grant.receiptId)).status, 201);
      const otherKey = await post(`${urls()[1]}/api/consent`, grant, crypto.randomUUID());
      assert.equal(otherKey.status, 422);
      assert.equal((await otherKey.json()).error, 'idempotency-key-mismatch');
      const copy = { ...grant, receiptId: crypto.randomUUID() };
      const again = await post(`${urls()[1]}/api/consent`, copy, copy.receiptId);
      assert.equal(again.status, 409);
      const replay = await post(`${urls()[1]}/api/consent`, grant, grant.receiptId);
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal((await a.receiver.records('consent')).filter((l) => (l.record as ConsentRecord).requestId === request.id).length, 1);
    });

    it('keeps one of ten answers sent at once (to both instances on PostgreSQL)', async () => {
      const request = await a.receiver.issueConsentRequest(validConsentRequestInput());
      const answers = Array.from({ length: 10 }, (_, i) =>
        i % 2 ? answering(request) : answering(request, { decision: 'declined', scopes: request.scopes.map((id) => ({ id, granted: false })) }),
      );
      const statuses = await Promise.all(answers.map(async (record, i) => (await post(`${urls()[i % 2]}/api/consent`, record, record.receiptId)).status));
      assert.deepEqual(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses}`);
      assert.deepEqual(statuses.filter((s) => s === 409).length, 9, `statuses: ${statuses}`);
      const kept = (await a.receiver.records('consent')).filter((l) => (l.record as ConsentRecord).requestId === request.id);
      assert.equal(kept.length, 1);
      assert.equal((kept[0]!.record as ConsentRecord).receiptId, answers[statuses.indexOf(201)]!.receiptId);
    });

    it('stores one of ten creates of a request with the same explicit id, refusing the others', async () => {
      const key = await a.key(['issue']);
      const id = `same-id-${crypto.randomUUID()}`;
      const creates = await Promise.all(
        Array.from({ length: 10 }, (_, i) => post(`${urls()[i % 2]}/api/consent-requests`, { ...validConsentRequestInput(), id, termMonths: i + 1 }, i % 3 ? crypto.randomUUID() : undefined, bearer(key))),
      );
      const statuses = creates.map((res) => res.status);
      assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses}`);
      assert.equal(statuses.filter((s) => s === 409).length, 9, `statuses: ${statuses}`);
      const winner = (await creates[statuses.indexOf(201)]!.json()) as Signed;
      const requests = (await a.receiver.records('consent-request')).filter((l) => (l.record as Signed).id === id);
      assert.equal(requests.length, 1);
      assert.equal((requests[0]!.record as Signed).termMonths, winner.termMonths, 'the stored one is the one answered 201');
    });
  });
}
