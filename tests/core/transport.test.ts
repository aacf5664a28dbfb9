import { expect } from '@open-wc/testing';
import { buildRequest, classifyResponse, send, type SendInput } from '../../src/core/transport.js';
import { describe, it } from './mocha.js';

const input = (over: Partial<SendInput> = {}): SendInput => ({
  id: '6f1c2b1e-8f7a-4c39-9d5e-0a1b2c3d4e5f',
  type: 'koe.intake.v1',
  endpoint: 'https://api.example.com/intake',
  format: 'json',
  payload: { id: '6f1c2b1e-8f7a-4c39-9d5e-0a1b2c3d4e5f', voice: { text: '声', kind: 'quote' } },
  source: 'https://crm.example.com',
  ...over,
});

const NOW = Date.parse('2026-11-21T05:03:00Z');

describe('transport: request building', () => {
  it('json: the submission is the body, with a quoted Idempotency-Key', () => {
    const { url, init } = buildRequest(input(), {}, NOW);
    const headers = init.headers as Headers;
    expect(url).to.equal('https://api.example.com/intake');
    expect(init.method).to.equal('POST');
    expect(headers.get('content-type')).to.equal('application/json');
    expect(headers.get('idempotency-key')).to.equal('"6f1c2b1e-8f7a-4c39-9d5e-0a1b2c3d4e5f"');
    expect(JSON.parse(init.body as string)).to.deep.equal(input().payload);
    expect(init.credentials).to.equal('same-origin');
    expect(init.keepalive).to.equal(true);
  });

  it('cloudevents: a structured-mode CloudEvent whose data is the submission', () => {
    const { init } = buildRequest(input({ format: 'cloudevents' }), {}, NOW);
    expect((init.headers as Headers).get('content-type')).to.equal('application/cloudevents+json');
    expect(JSON.parse(init.body as string)).to.deep.equal({
      specversion: '1.0',
      id: '6f1c2b1e-8f7a-4c39-9d5e-0a1b2c3d4e5f',
      type: 'koe.intake.v1',
      source: 'https://crm.example.com',
      time: '2026-11-21T05:03:00.000Z',
      datacontenttype: 'application/json',
      data: input().payload,
    });
  });

  it('adds host headers but never lets them replace the content type or key', () => {
    const { init } = buildRequest(input(), { Authorization: 'Bearer t0k', 'Content-Type': 'text/plain', 'Idempotency-Key': 'x' }, NOW);
    const headers = init.headers as Headers;
    expect(headers.get('authorization')).to.equal('Bearer t0k');
    expect(headers.get('content-type')).to.equal('application/json');
    expect(headers.get('idempotency-key')).to.equal('"6f1c2b1e-8f7a-4c39-9d5e-0a1b2c3d4e5f"');
  });

  it('uses keepalive only for bodies under 60 KB (measured in bytes, not UTF-16 units)', () => {
    // 21,000 Japanese characters are ~63 KB of UTF-8 but only 21,000 UTF-16 units.
    const big = input({ payload: { text: 'あ'.repeat(21_000) } });
    expect(buildRequest(big, {}, NOW).init.keepalive).to.equal(false);
    expect(buildRequest(input({ payload: { text: 'あ'.repeat(15_000) } }), {}, NOW).init.keepalive).to.equal(true);
  });

  it('leaves keepalive off when the caller says the request need not outlive the page', () => {
    expect(buildRequest(input(), {}, NOW, false).init.keepalive).to.equal(false);
  });

  it('every attempt of an item sends the same key and data; only the CloudEvent time follows the attempt’s clock', async () => {
    const seen: Array<{ key: string | null; body: Record<string, unknown> }> = [];
    const fetch: typeof globalThis.fetch = async (_url, init) => {
      seen.push({ key: new Headers(init?.headers).get('idempotency-key'), body: JSON.parse(init?.body as string) });
      return new Response(null, { status: 503 });
    };
    for (const now of [NOW, NOW + 60_000]) await send(input({ format: 'cloudevents' }), { fetch, now: () => now });
    const [first, retry] = seen;
    expect(retry!.key).to.equal(first!.key);
    expect({ ...retry!.body, time: 'any' }).to.deep.equal({ ...first!.body, time: 'any' });
    expect([first!.body.time, retry!.body.time]).to.deep.equal(['2026-11-21T05:03:00.000Z', '2026-11-21T05:04:00.000Z']);
  });
});

describe('transport: answer classes', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

  it('2xx is sent, with the parsed JSON body', async () => {
    expect(await classifyResponse(json(201, { id: 'x', receivedAt: 'now' }), NOW)).to.deep.equal({ kind: 'sent', status: 201, body: { id: 'x', receivedAt: 'now' } });
    expect(await classifyResponse(new Response(null, { status: 204 }), NOW)).to.deep.equal({ kind: 'sent', status: 204, body: undefined });
  });

  it('retryable statuses carry Retry-After in ms', async () => {
    const r = await classifyResponse(json(503, { message: 'maintenance' }, { 'Retry-After': '3' }), NOW);
    expect(r).to.deep.equal({ kind: 'retry', status: 503, message: 'maintenance', retryAfterMs: 3000 });
    const r2 = await classifyResponse(new Response('busy', { status: 429 }), NOW);
    expect(r2).to.deep.equal({ kind: 'retry', status: 429, message: 'busy' });
  });

  it('409 with Retry-After (the same key still in flight) is retried no sooner; 409 without it is refused', async () => {
    const inFlight = await classifyResponse(json(409, { message: 'in flight' }, { 'Retry-After': '2' }), NOW);
    expect(inFlight).to.deep.equal({ kind: 'retry', status: 409, message: 'in flight', retryAfterMs: 2000 });
    expect(await classifyResponse(json(409, { message: 'conflict' }), NOW)).to.deep.equal({ kind: 'rejected', status: 409, message: 'conflict' });
    const answered = await classifyResponse(json(409, { error: 'consent-already-answered', message: 'answered' }), NOW);
    expect(answered).to.deep.equal({ kind: 'rejected', status: 409, message: 'answered', code: 'consent-already-answered' });
  });

  it('keeps the receiver’s code for a refusal (its `error`), so an element can word it; a non-string code is ignored', async () => {
    const r = await classifyResponse(json(422, { error: 'term-mismatch', message: 'term', fields: [{ path: 'term.months', message: 'm', code: 'term-mismatch' }] }), NOW);
    expect(r).to.deep.equal({ kind: 'rejected', status: 422, message: 'term', code: 'term-mismatch', fields: [{ path: 'term.months', message: 'm' }] });
    expect(await classifyResponse(json(422, { error: { nested: true }, message: 'odd' }), NOW)).to.deep.equal({ kind: 'rejected', status: 422, message: 'odd' });
  });

  it('401 and 403 ask for authentication', async () => {
    expect(await classifyResponse(json(401, { message: 'token expired' }), NOW)).to.deep.equal({ kind: 'auth', status: 401, message: 'token expired' });
    expect(await classifyResponse(new Response('', { status: 403 }), NOW)).to.deep.equal({ kind: 'auth', status: 403, message: 'HTTP 403' });
  });

  it('other 4xx are rejected with the server message and fields', async () => {
    const r = await classifyResponse(json(422, { message: '入力内容を確認してください', fields: [{ path: 'voice.text', message: 'required' }] }), NOW);
    expect(r).to.deep.equal({ kind: 'rejected', status: 422, message: '入力内容を確認してください', fields: [{ path: 'voice.text', message: 'required' }] });
    const junk = await classifyResponse(json(400, { fields: [null, 'voice.text', 3, { path: 'tags' }] }), NOW);
    expect(junk).to.deep.equal({ kind: 'rejected', status: 400, message: 'HTTP 400', fields: [{ path: 'tags', message: '' }] });
    const long = await classifyResponse(new Response('x'.repeat(2000), { status: 400 }), NOW);
    expect(long.kind).to.equal('rejected');
    expect((long as { message: string }).message.length).to.equal(500);
  });

  it('a throwing headers provider is a retryable failure with a clear message, and nothing is fetched', async () => {
    let fetched = 0;
    const r = await send(input(), {
      headers: async () => {
        throw new Error('token service down');
      },
      fetch: async () => {
        fetched++;
        return new Response(null, { status: 204 });
      },
    });
    expect(fetched).to.equal(0);
    expect(r.kind).to.equal('retry');
    expect((r as { message: string }).message).to.contain('token service down');
  });

  it('a headers provider that never answers is a retryable timeout, and nothing is fetched', async () => {
    let fetched = 0;
    const r = await send(input(), {
      timeoutMs: 150,
      headers: () => new Promise<Record<string, string>>(() => undefined),
      fetch: async () => {
        fetched++;
        return new Response(null, { status: 204 });
      },
    });
    expect(fetched).to.equal(0);
    expect(r).to.deep.equal({ kind: 'retry', message: 'timeout 150 ms' });
  });
});
