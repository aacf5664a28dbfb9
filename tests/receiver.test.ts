// The reference receiver mounted in wtr: real fetch from the browser, same-origin, with server commands.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { validConsent, validConsentRequestInput, validIntake } from './fixtures/submissions.js';
import { hashRequest } from '../src/consent/notice-hash.js';
import type { ConsentRequest } from '../src/core/schemas.js';

type Line = { idempotencyKey: string; record: { id: string }; receivedAt: string };

function post(path: string, body: unknown, key: string, type = 'application/json'): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'Content-Type': type, 'Idempotency-Key': `"${key}"` }, body: JSON.stringify(body) });
}

describe('reference receiver in the test server', () => {
  beforeEach(async () => {
    await executeServerCommand('koe-receiver-reset');
  });

  it('stores an intake once and replays the answer for the same key', async () => {
    const intake = validIntake();
    const first = await post('/api/intake', intake, intake.id);
    expect(first.status).to.equal(201);
    const firstBody = await first.json();
    expect(firstBody.id).to.equal(intake.id);

    const again = await post('/api/intake', intake, intake.id);
    expect(again.status).to.equal(201);
    expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(await again.json()).to.deep.equal(firstBody);

    const records = await executeServerCommand<Line[], unknown>('koe-receiver-records', { type: 'intake' });
    expect(records).to.have.length(1);
    expect(records![0]!.record.id).to.equal(intake.id);
    expect(records![0]!.idempotencyKey).to.equal(intake.id);
  });

  it('answers an injected 503 with a readable Retry-After, then accepts the retry', async () => {
    await executeServerCommand('koe-receiver-faults', { kind: 'status', status: 503, times: 1, retryAfter: '3' });
    const intake = validIntake();
    const refused = await post('/api/intake', intake, intake.id);
    expect(refused.status).to.equal(503);
    expect(refused.headers.get('Retry-After')).to.equal('3');
    expect((await refused.json()).error).to.be.a('string');

    const retried = await post('/api/intake', intake, intake.id);
    expect(retried.status).to.equal(201);
    const hits = await executeServerCommand<{ idempotencyKey: string; status: number }[], unknown>('koe-receiver-hits');
    expect(hits!.map((h) => h.status)).to.deep.equal([503, 201]);
    expect(hits!.every((h) => h.idempotencyKey === intake.id)).to.equal(true);
  });

  it('reaches this test session\'s receiver even when the request sends no Referer', async () => {
    const intake = validIntake();
    const res = await fetch('/api/intake', {
      method: 'POST',
      referrerPolicy: 'no-referrer',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `"${intake.id}"` },
      body: JSON.stringify(intake),
    });
    expect(res.status).to.equal(201);
    const records = await executeServerCommand<Line[], unknown>('koe-receiver-records', 'intake');
    expect(records!.map((l) => l.record.id)).to.deep.equal([intake.id]);
  });

  it('accepts a consent record only for an issued, unaltered request', async () => {
    const request = await executeServerCommand<ReturnType<typeof validConsentRequestInput> & { id: string; token: string }, unknown>(
      'koe-receiver-issue-request',
      validConsentRequestInput(),
    );
    const requestSha256 = await hashRequest(request as unknown as ConsentRequest);
    const forged = validConsent(request!, { requestSha256, requestToken: 'forged' });
    const refused = await post('/api/consent', forged, forged.receiptId);
    expect(refused.status).to.equal(422);
    expect((await refused.json()).error).to.equal('request-token-mismatch');

    const consent = validConsent(request!, { requestSha256 });
    const ok = await post('/api/consent', consent, consent.receiptId);
    expect(ok.status).to.equal(201);
  });
});
