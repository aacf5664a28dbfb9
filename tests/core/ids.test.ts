import { expect } from '@open-wc/testing';
import { newId, uuidFromBlobUrl } from '../../src/core/ids.js';
import { describe, it } from './mocha.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('returns distinct UUID v4 strings', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newId()));
    expect(ids.size).to.equal(200);
    for (const id of ids) expect(id).to.match(V4);
  });

  it('builds distinct v4 UUIDs from blob URLs (plain-http pages have no randomUUID)', () => {
    const ids = new Set(Array.from({ length: 200 }, () => uuidFromBlobUrl()));
    expect(ids.size).to.equal(200);
    for (const id of ids) expect(id).to.match(V4);
  });

  it('falls back to a blob URL UUID when crypto.randomUUID is missing', () => {
    const original = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID');
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      expect(typeof crypto.randomUUID).to.equal('undefined');
      expect(newId()).to.match(V4);
    } finally {
      if (original) Object.defineProperty(Crypto.prototype, 'randomUUID', original);
    }
    expect(typeof crypto.randomUUID).to.equal('function');
  });
});
