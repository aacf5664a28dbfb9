// toConsentReceipt against the official Kantara Consent Receipt v1.1 JSON schema (draft-04, ajv-draft-04), for every
// kind of record the element sends. Imported as koe-widgets/receipt is: DOM-free (this runs in plain Node).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import type { ConsentRecord, ConsentRequest } from '../../src/core/schemas.js';
import { toConsentReceipt } from '../../src/consent/receipt.js';
import { validConsent, validConsentRequestInput } from '../fixtures/submissions.js';
import kantaraSchema from '../fixtures/kantara-consent-receipt.schema.json' with { type: 'json' };

const validate = new Ajv({ strict: false, allErrors: true }).compile(kantaraSchema);
const request: ConsentRequest = {
  ...validConsentRequestInput(),
  id: 'req-kantara',
  issuedAt: '2026-11-21T10:00:00+09:00',
  expiresAt: '2099-01-01T00:00:00Z',
  scopes: ['company-name', 'logo', 'press-release'],
};

function valid(record: ConsentRecord, withRequest = true): ReturnType<typeof toConsentReceipt> {
  const receipt = toConsentReceipt(record, withRequest ? request : undefined);
  assert.equal(validate(receipt), true, JSON.stringify(validate.errors, null, 1));
  return receipt;
}

describe('toConsentReceipt validates against KI-CR-v1.1.0 (the official JSON schema)', () => {
  it('a granted record', () => {
    const receipt = valid(validConsent(request));
    assert.equal(receipt.services[0]!.purposes.length, 3);
    assert.equal(typeof receipt.piiControllers[0]!.address, 'object');
  });

  it('a partly granted record (press release: a third-party disclosure, named)', () => {
    const record = validConsent(request, { scopes: [{ id: 'company-name', granted: true }, { id: 'logo', granted: false }, { id: 'press-release', granted: true }] });
    const receipt = valid(record);
    assert.deepEqual(receipt.services[0]!.purposes.map((p) => p.thirdPartyDisclosure), [false, true]);
  });

  it('a declined record (no purposes), also without its request', () => {
    const record = validConsent(request, { decision: 'declined', scopes: request.scopes.map((id) => ({ id, granted: false })) });
    assert.deepEqual(valid(record).services[0]!.purposes, []);
    valid(record, false);
  });

  it('a withdrawn record (what remains granted)', () => {
    const record = validConsent(request, { decision: 'withdrawn', withdrawsReceiptId: crypto.randomUUID(), scopes: [{ id: 'company-name', granted: true }, { id: 'logo', granted: false }] });
    assert.deepEqual(valid(record).services[0]!.purposes.map((p) => p.purpose.split(' (')[0]), ['Case study: Company name']);
  });

  it('the schema is the strict one: a string address (as before this fix) fails it', () => {
    const receipt = toConsentReceipt(validConsent(request), request);
    assert.equal(validate({ ...receipt, piiControllers: [{ ...receipt.piiControllers[0], address: '' }] }), false);
  });
});
