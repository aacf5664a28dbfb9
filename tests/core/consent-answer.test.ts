// What <koe-consent> takes from the receiver's 201: each member checked, never trusted as is.
import { expect } from '@open-wc/testing';
import { readAnswer } from '../../src/consent/consent-delivery.js';

describe('readAnswer (the receiver’s answer to a consent record)', () => {
  it('keeps the signed receipt, the seal, the withdrawal token and what remains granted', () => {
    const receipt = `${'a'.repeat(40)}.${'b'.repeat(6000)}.${'c'.repeat(86)}`;
    const answer = readAnswer({
      id: 'r-1',
      receivedAt: '2026-11-21T01:00:00.000Z',
      receipt,
      seal: { keyId: 'k', signature: 's', keys: '/api/seal-keys' },
      withdrawalToken: 't',
      remainingScopes: ['logo', 3],
      alreadyWithdrawn: true,
    });
    expect(answer).to.deep.equal({
      id: 'r-1',
      receivedAt: '2026-11-21T01:00:00.000Z',
      receipt,
      seal: { keyId: 'k', signature: 's', keys: '/api/seal-keys' },
      withdrawalToken: 't',
      remainingScopes: ['logo'],
      alreadyWithdrawn: true,
    });
  });

  it('drops what is not of the expected shape: a receipt that is no compact JWS, a partial seal, a non-string token', () => {
    const answer = readAnswer({ receipt: '<script>', seal: { keyId: 'k' }, withdrawalToken: { t: 1 }, alreadyWithdrawn: 'yes' });
    expect(answer.receipt).to.equal(undefined);
    expect(answer.seal).to.equal(undefined);
    expect(answer.withdrawalToken).to.equal(undefined);
    expect(answer.alreadyWithdrawn).to.equal(false);
    expect(readAnswer(null)).to.deep.include({ receipt: undefined, alreadyWithdrawn: false });
  });
});
