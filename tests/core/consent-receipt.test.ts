// The Kantara Consent Receipt v1.1 export and the downloadable receipt file.
import { expect } from '@open-wc/testing';
import type { ConsentRequest } from '../../src/core/schemas.js';
import { receiptFile, toConsentReceipt } from '../../src/consent/receipt.js';
import { validConsent, validConsentRequestInput } from '../fixtures/submissions.js';

const request: ConsentRequest = {
  ...validConsentRequestInput(),
  controller: { ...validConsentRequestInput().controller, privacyPolicyUrl: 'https://example.com/privacy' },
  id: 'req-1',
  issuedAt: '2026-11-21T10:00:00+09:00',
  expiresAt: '2099-01-01T00:00:00Z',
  scopes: ['company-name', 'logo', 'press-release'],
};

describe('toConsentReceipt', () => {
  it('has the KI-CR-v1.1.0 shape', () => {
    const record = { ...validConsent(request), scopes: [{ id: 'company-name', granted: true }, { id: 'logo', granted: false }, { id: 'press-release', granted: true }] };
    const r = toConsentReceipt(record, request);
    expect(Object.keys(r)).to.have.members([
      'version', 'jurisdiction', 'consentTimestamp', 'collectionMethod', 'consentReceiptID', 'language', 'piiPrincipalId',
      'piiControllers', 'policyUrl', 'services', 'sensitive', 'spiCat',
    ]);
    expect(r.version).to.equal('KI-CR-v1.1.0');
    expect(r.jurisdiction).to.equal('JP');
    expect(r.consentTimestamp).to.equal(Date.parse('2026-11-21T10:05:00+09:00') / 1000);
    expect(Number.isInteger(r.consentTimestamp)).to.equal(true);
    expect(r.consentReceiptID).to.equal(record.receiptId);
    expect(r.language).to.equal('ja');
    expect(r.piiPrincipalId).to.equal('yamada@example.jp');
    expect(r.policyUrl).to.equal('https://example.com/privacy');
    expect(r.piiControllers).to.have.length(1);
    expect(Object.keys(r.piiControllers[0]!)).to.include.members(['piiController', 'contact', 'address', 'email', 'phone']);
    expect(r.piiControllers[0]).to.include({ piiController: '株式会社コエ 広報部', contact: '広報 田中', email: 'pr@example.com' });
    expect(r.services).to.have.length(1);
    const purposes = r.services[0]!.purposes;
    expect(purposes.map((p) => p.purpose)).to.deep.equal([
      'Case study: Company name (自社ウェブサイト, プレスリリース)',
      'Case study: Press release (自社ウェブサイト, プレスリリース)',
    ]);
    for (const p of purposes) {
      expect(Object.keys(p)).to.include.members(['purpose', 'purposeCategory', 'consentType', 'piiCategory', 'primaryPurpose', 'termination', 'thirdPartyDisclosure']);
      expect(p.consentType).to.equal('EXPLICIT');
      expect(p.termination).to.include('24 months');
    }
    expect(purposes[1]!.thirdPartyDisclosure).to.equal(true);
    expect(r.sensitive).to.equal(false);
    expect(r.spiCat).to.deep.equal([]);
    // Round-trips as JSON without loss.
    expect(JSON.parse(JSON.stringify(r))).to.deep.equal(r);
  });

  it('a declined record has no purposes; a record alone still exports', () => {
    const declined = { ...validConsent(request), decision: 'declined' as const, scopes: request.scopes.map((id) => ({ id, granted: false })) };
    expect(toConsentReceipt(declined, request).services[0]!.purposes).to.deep.equal([]);
    const alone = toConsentReceipt(validConsent(request));
    expect(alone.piiControllers[0]!.piiController).to.equal('');
    expect(alone.services[0]!.service).to.include('req-1');
  });

  it('the downloadable file holds the Kantara receipt and our record', async () => {
    const record = validConsent(request);
    const file = JSON.parse(await receiptFile(record, request).text());
    expect(file.kantaraConsentReceipt.consentReceiptID).to.equal(record.receiptId);
    expect(file.record).to.deep.equal(record);
    expect(file.request.id).to.equal('req-1');
  });
});
