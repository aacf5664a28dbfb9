import { expect } from '@open-wc/testing';
import { isRetryableStatus, parseRetryAfter } from '../../src/core/retry.js';
import { backoffDelay } from '../../src/core/backoff.js';
import { describe, it } from './mocha.js';

describe('retry policy', () => {
  it('retries exactly the transient statuses', () => {
    const retryable = [408, 425, 429, 500, 502, 503, 504];
    for (let s = 100; s < 600; s++) expect(isRetryableStatus(s), String(s)).to.equal(retryable.includes(s));
  });

  it('parses Retry-After as delta-seconds', () => {
    expect(parseRetryAfter('3', 0)).to.equal(3000);
    expect(parseRetryAfter(' 120 ', 0)).to.equal(120_000);
    expect(parseRetryAfter('0', 0)).to.equal(0);
  });

  it('parses Retry-After as an HTTP-date relative to now, never negative', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).to.equal(0);
  });

  it('ignores garbage', () => {
    for (const v of [undefined, null, '', 'soon', '-5', '1.5', '3 seconds', 'Wed, 21 Oct']) expect(parseRetryAfter(v, 0), String(v)).to.equal(undefined);
  });

  it('uses full jitter under an exponential ceiling with a cap', () => {
    const top = () => 0.999999;
    expect(backoffDelay(0, { random: top })).to.equal(999);
    expect(backoffDelay(3, { random: top })).to.equal(7999);
    expect(backoffDelay(30, { random: top })).to.equal(299_999);
    expect(backoffDelay(4, { random: () => 0.5, baseDelayMs: 100, maxDelayMs: 1000 })).to.equal(500);
    expect(backoffDelay(5, { random: () => 0 })).to.equal(0);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(2);
      expect(d).to.be.within(0, 4000);
    }
  });
});
