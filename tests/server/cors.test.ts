// CORS: allow-listed origins and the configured public origin get headers (exposing Retry-After); others get none.
// Same-origin comes from configuration, never from the Host header a client sends.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { validIntake } from '../fixtures/submissions.js';
import { engines, post, start, type Running, type Target } from './helpers.js';

const ALLOWED = 'https://crm.example.com';
const PUBLIC = 'https://koe.example.com';
const OTHER = 'https://evil.example.net';

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(`${url}/api/intake`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
  });
}

for (const engine of engines()) {
  describe(`CORS [${engine.name}]`, () => {
    let target: Target;
    let r: Running;
    before(async () => {
      target = await engine.target();
      r = await start(target, { allowedOrigins: [ALLOWED], publicOrigins: [PUBLIC] });
    });
    after(async () => {
      await r.stop();
      await target.cleanup();
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

    it('treats its configured public origin as same-origin', async () => {
      const res = await preflight(r.url, PUBLIC);
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), PUBLIC);
      const intake = validIntake();
      assert.equal((await post(`${r.url}/api/intake`, intake, intake.id, { Origin: PUBLIC })).status, 201);
    });

    it('never takes same-origin from the Host header', async () => {
      const intake = validIntake();
      // A page on evil.example.net that also sends Host: evil.example.net is still a stranger.
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${r.url}/api/intake`, {
          method: 'POST',
          headers: { Host: 'evil.example.net', Origin: OTHER, 'Content-Type': 'application/json', 'Idempotency-Key': `"${intake.id}"` },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(JSON.stringify(intake));
      });
      assert.equal(status, 403);
      assert.equal((await r.receiver.records('intake')).length, 1, 'only the public-origin post above');
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
}
