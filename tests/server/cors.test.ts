// CORS: allow-listed and same-origin callers get headers (exposing Retry-After); others get none.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validIntake } from '../fixtures/submissions.js';
import { post, removeDir, start, type Running } from './helpers.js';

const ALLOWED = 'https://crm.example.com';
const OTHER = 'https://evil.example.net';

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(`${url}/api/intake`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
  });
}

describe('CORS', () => {
  let r: Running;
  before(async () => {
    r = await start({ allowedOrigins: [ALLOWED] });
  });
  after(async () => {
    await r.stop();
    removeDir(r.dataDir);
  });

  it('answers a preflight from an allowed origin with 204 and the CORS headers', async () => {
    const res = await preflight(r.url, ALLOWED);
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(res.headers.get('vary'), 'Origin');
    assert.equal(res.headers.get('access-control-allow-methods'), 'POST, GET, OPTIONS');
    assert.equal(res.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key, Authorization');
    assert.equal(res.headers.get('access-control-expose-headers'), 'Retry-After, Idempotent-Replayed');
    assert.equal(res.headers.get('access-control-max-age'), '600');
  });

  it('refuses a preflight from another origin with 403 and no CORS headers', async () => {
    const res = await preflight(r.url, OTHER);
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('access-control-allow-methods'), null);
  });

  it('refuses a POST from another origin without storing it', async () => {
    const intake = validIntake();
    const res = await post(`${r.url}/api/intake`, intake, intake.id, { Origin: OTHER });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error, 'origin-not-allowed');
    assert.equal((await r.receiver.records('intake')).length, 0);
  });

  it('treats the page its own host serves as same-origin', async () => {
    const res = await preflight(r.url, r.url);
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), r.url);
  });

  it('exposes Retry-After on an allowed cross-origin error answer', async () => {
    r.receiver.faults.set({ kind: 'status', status: 429, times: 1, retryAfter: '7' });
    const intake = validIntake();
    const res = await post(`${r.url}/api/intake`, intake, intake.id, { Origin: ALLOWED });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
    assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });

  it('adds CORS headers to validation errors too, so the client can read the fields', async () => {
    const res = await post(`${r.url}/api/intake`, { id: 'x' }, 'k-cors-422', { Origin: ALLOWED });
    assert.equal(res.status, 422);
    assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
  });
});
