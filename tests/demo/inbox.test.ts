import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ConsentRecord, ConsentRequest, IntakeSubmission } from '../../src/core/schemas.js';
import { decodeConsentLink, decodeWithdrawLink } from '../../src/consent/consent-links.js';
import { base64UrlJson, consentLink, defaultFormValues, requestInput, withdrawLink } from '../../demo/consent-link.js';
import { buildItems, filterItems, requestState, startOfWeek, submissionOf, tagCountsThisWeek, type InboxItem, type StoredLine } from '../../demo/inbox-model.js';
import { hashRequest } from '../../src/consent/notice-hash.js';
import { receiver } from '../core/receiver.js';
import { beforeEach, describe, it } from '../core/mocha.js';
import { validConsent, validIntake } from '../fixtures/submissions.js';

/** A read+issue API key for this session's receiver (what the inbox is opened with). */
const apiKey = () => executeServerCommand('koe-receiver-key') as Promise<string>;

async function post<T>(path: string, body: unknown, key?: string): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await apiKey()}`, ...(key ? { 'Idempotency-Key': `"${key}"` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${path} ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** What the inbox page fetches (with its key, one page each here), joined the way it joins them. */
async function loadInbox(): Promise<InboxItem[]> {
  const headers = { Authorization: `Bearer ${await apiKey()}` };
  const get = async (url: string) => ((await (await fetch(url, { headers })).json()) as { items: unknown[] }).items;
  const [intake, requests, consents] = await Promise.all([get('/api/records?type=intake'), get('/api/consent-requests'), get('/api/records?type=consent')]);
  return buildItems(intake as StoredLine[], requests as ConsentRequest[], consents as StoredLine[]);
}

const fileIntake = (intake: IntakeSubmission) => post('/api/intake', intake, intake.id);
const issueFor = (intake: IntakeSubmission) => post<ConsentRequest>('/api/consent-requests', requestInput(intake.id, defaultFormValues(intake, 'ja')));
const answer = (record: ConsentRecord) => post('/api/consent', record, record.receiptId);

/** An answer as <koe-consent> builds it: with the hash of the request as shown. */
async function decide(request: ConsentRequest, granted: string[], decision: 'granted' | 'declined' = 'granted'): Promise<ConsentRecord> {
  return validConsent(request, { requestSha256: await hashRequest(request), decision, scopes: request.scopes.map((id) => ({ id, granted: granted.includes(id) })) });
}

/** A receipt's withdrawal token, as the inbox gets it for a withdrawal link (its key has the issue scope). */
async function withdrawalToken(receiptId: string): Promise<string> {
  const res = await fetch(`/api/withdrawal-tokens/${receiptId}`, { headers: { Authorization: `Bearer ${await apiKey()}` } });
  return ((await res.json()) as { withdrawalToken: string }).withdrawalToken;
}

/** A withdrawal from the receipt's link: keeps `keep`, withdraws the rest of what was granted. */
async function withdraw(of: ConsentRecord, keep: string[]): Promise<ConsentRecord> {
  const wasGranted = of.scopes.filter((s) => s.granted).map((s) => s.id);
  const { requestSha256: _h, ...rest } = of;
  return {
    ...rest,
    receiptId: crypto.randomUUID(),
    decision: 'withdrawn',
    withdrawsReceiptId: of.receiptId,
    withdrawalToken: await withdrawalToken(of.receiptId),
    scopes: wasGranted.map((id) => ({ id, granted: keep.includes(id) })),
    signedAt: '2026-11-22T09:00:00+09:00',
  };
}

describe('demo inbox against the reference receiver', () => {
  beforeEach(async () => {
    await receiver.reset();
  });

  it('follows an item from no request, to waiting, to partly granted, to withdrawn', async () => {
    const intake = validIntake({ customer: { companyName: '株式会社サンプル商事', contactName: '山田 花子' } });
    await fileIntake(intake);
    expect((await loadInbox())[0]!.status).to.equal('none');

    const request = await issueFor(intake);
    expect(request.intakeId).to.equal(intake.id);
    expect(request.scopes).to.have.length(9);
    expect(request.story.quotes).to.deep.equal([intake.voice.text]);
    expect(request.customer).to.include({ company: '株式会社サンプル商事', signerName: '山田 花子' });
    let [item] = await loadInbox();
    expect(item!.status).to.equal('waiting');
    expect(item!.requests[0]!.expired).to.equal(false);

    const grant = await decide(request, ['quotes', 'sales-material']);
    await answer(grant);
    [item] = await loadInbox();
    expect(item!.status).to.equal('partly-granted');
    expect(item!.requests[0]!.grantedScopes).to.deep.equal(['quotes', 'sales-material']);

    await answer(await withdraw(grant, ['quotes']));
    [item] = await loadInbox();
    expect(item!.status).to.equal('partly-withdrawn');
    await answer(await withdraw(grant, []));
    [item] = await loadInbox();
    expect(item!.status).to.equal('withdrawn');
    expect(item!.requests[0]!.grantedScopes).to.deep.equal([]);
    // The whole history, not only the latest state.
    const history = item!.requests[0]!.history;
    expect(history.map((h) => h.status)).to.deep.equal(['partly-granted', 'partly-withdrawn', 'withdrawn']);
    expect(history.map((h) => h.withdrawn)).to.deep.equal([[], ['sales-material'], ['quotes']]);
    expect(history.map((h) => h.granted)).to.deep.equal([['quotes', 'sales-material'], ['quotes'], []]);
  });

  it('tells granted, declined and a partial withdrawal apart', async () => {
    const [a, b, c] = [validIntake(), validIntake(), validIntake()];
    for (const i of [a, b, c]) await fileIntake(i);
    const [ra, rb, rc] = [await issueFor(a!), await issueFor(b!), await issueFor(c!)];
    await answer(await decide(ra, ra.scopes));
    await answer(await decide(rb, [], 'declined'));
    const grantC = await decide(rc, rc.scopes);
    await answer(grantC);
    await answer(await withdraw(grantC, ['quotes', 'logo']));

    const byId = new Map((await loadInbox()).map((i) => [i.id, i]));
    expect(byId.get(a!.id)!.status).to.equal('granted');
    expect(byId.get(b!.id)!.status).to.equal('declined');
    expect(byId.get(c!.id)!.status).to.equal('partly-withdrawn');
    expect(byId.get(c!.id)!.requests[0]!.grantedScopes).to.have.members(['quotes', 'logo']);
    expect(byId.get(c!.id)!.requests[0]!.history.map((h) => h.status)).to.deep.equal(['granted', 'partly-withdrawn']);
  });

  it('builds a consent link that koe-consent decodes to the very request the receiver signed', async () => {
    const intake = validIntake({ voice: { text: '「問い合わせ履歴が一画面で追える」😊 と好評です。', kind: 'quote' } });
    await fileIntake(intake);
    const request = await issueFor(intake);
    const link = consentLink(request, location.origin);
    expect(link.startsWith(`${location.origin}/consent.html#koe=`)).to.equal(true);
    expect(link.split('#koe=')[1]).to.match(/^[A-Za-z0-9_-]+$/);
    const decoded = decodeConsentLink(link);
    expect(decoded.ok).to.equal(true);
    expect(decoded.ok && decoded.value).to.deep.equal(request);
  });

  it('offers a withdrawal link for what is still granted, which koe-consent reads in withdraw mode', async () => {
    const intake = validIntake();
    await fileIntake(intake);
    const request = await issueFor(intake);
    const grant = await decide(request, ['company-name', 'quotes', 'logo']);
    const granted = await answer(grant);
    const [item] = await loadInbox();
    const state = item!.requests[0]!;
    expect(state.request.token, 'the list leaves the token out').to.equal(undefined);
    const token = await withdrawalToken(state.decision!.receiptId);
    expect(token, 'the token the customer got with the 201').to.equal((granted as { withdrawalToken: string }).withdrawalToken);
    const link = withdrawLink(state.request, state.decision!.receiptId, token, state.grantedScopes, location.origin);
    expect(link.startsWith(`${location.origin}/withdraw.html#koe-withdraw=`)).to.equal(true);
    const decoded = decodeWithdrawLink(link);
    expect(decoded.ok).to.equal(true);
    expect(decoded.ok && decoded.value).to.deep.include({ receiptId: grant.receiptId, requestId: request.id, withdrawalToken: token, company: intake.customer.companyName });
    expect(decoded.ok && decoded.value.scopes).to.have.members(['company-name', 'quotes', 'logo']);
  });

  it('lists items newest first, whether they came as JSON or as a CloudEvent', async () => {
    const first = validIntake({ voice: { text: '最初の声', kind: 'quote' } });
    const second = validIntake({ voice: { text: '次の声', kind: 'quote' } });
    await fileIntake(first);
    const envelope = { specversion: '1.0', id: second.id, type: 'koe.intake.v1', source: location.origin, datacontenttype: 'application/json', data: second };
    const res = await fetch('/api/intake', {
      method: 'POST',
      headers: { 'Content-Type': 'application/cloudevents+json', 'Idempotency-Key': `"${second.id}"` },
      body: JSON.stringify(envelope),
    });
    expect(res.status).to.equal(201);
    const items = await loadInbox();
    expect(items.map((i) => i.intake.voice.text)).to.deep.equal(['次の声', '最初の声']);
    expect(submissionOf<IntakeSubmission>(envelope).id).to.equal(second.id);
  });
});

describe('demo inbox model', () => {
  const line = (intake: IntakeSubmission, receivedAt: Date): StoredLine => ({ receivedAt: receivedAt.toISOString(), idempotencyKey: intake.id, type: 'koe.intake.v1', format: 'json', record: intake });

  it('marks a request nobody answered before it expired', () => {
    const request = { id: 'r1', scopes: ['quotes'], issuedAt: '2026-10-01T00:00:00Z', expiresAt: '2026-10-31T00:00:00Z' } as ConsentRequest;
    expect(requestState(request, [], Date.parse('2026-10-30T23:59:59Z')).expired).to.equal(false);
    expect(requestState(request, [], Date.parse('2026-10-31T00:00:00Z'))).to.include({ status: 'waiting', expired: true });
  });

  it('counts tags from Monday 00:00 of this week, once per item', () => {
    const saturday = new Date(2026, 10, 21, 15, 0);
    expect(startOfWeek(saturday).getTime()).to.equal(new Date(2026, 10, 16, 0, 0).getTime());
    expect(startOfWeek(new Date(2026, 10, 16, 0, 0)).getTime()).to.equal(new Date(2026, 10, 16).getTime());
    expect(startOfWeek(new Date(2026, 10, 22, 23, 59)).getTime()).to.equal(new Date(2026, 10, 16).getTime());
    const items = buildItems(
      [
        line(validIntake({ tags: ['case-study', 'praise'] }), new Date(2026, 10, 16, 0, 0)),
        line(validIntake({ tags: ['case-study', 'case-study'] }), new Date(2026, 10, 20)),
        line(validIntake({ tags: ['objection'] }), new Date(2026, 10, 15, 23, 59)),
      ],
      [],
      [],
    );
    expect(Object.fromEntries(tagCountsThisWeek(items, saturday))).to.deep.equal({ 'case-study': 2, praise: 1 });
  });

  it('filters by tag and channel together', () => {
    const now = new Date();
    const items = buildItems(
      [
        line(validIntake({ tags: ['faq'], channel: 'email' }), now),
        line(validIntake({ tags: ['faq', 'praise'], channel: 'call' }), now),
        line(validIntake({ tags: ['praise'], channel: 'email' }), now),
      ],
      [],
      [],
    );
    expect(filterItems(items, {})).to.have.length(3);
    expect(filterItems(items, { tag: 'faq' })).to.have.length(2);
    expect(filterItems(items, { tag: 'faq', channel: 'email' }).map((i) => i.intake.tags)).to.deep.equal([['faq']]);
    expect(filterItems(items, { channel: 'chat' })).to.have.length(0);
  });

  it('encodes links as base64url of the UTF-8 JSON, without padding', () => {
    const value = { t: '顧客の声 ✓', q: '>>?' };
    const encoded = base64UrlJson(value);
    expect(encoded).to.match(/^[A-Za-z0-9_-]+$/);
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(encoded.length / 4) * 4, '='));
    expect(JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))))).to.deep.equal(value);
  });
});
