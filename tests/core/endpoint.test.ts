import { expect } from '@open-wc/testing';
import { checkEndpoint } from '../../src/core/endpoint.js';
import { endpointErrorMessage } from '../../src/shared/config-problem.js';
import { common } from '../../src/i18n/common.js';
import { describe, it } from './mocha.js';

const HTTPS_PAGE = 'https://crm.example.com/accounts/42';
const HTTP_PAGE = 'http://intranet.corp/accounts/42';

describe('checkEndpoint', () => {
  it('accepts https URLs as given', () => {
    expect(checkEndpoint('https://api.example.com/koe', HTTPS_PAGE)).to.deep.equal({ ok: true, url: 'https://api.example.com/koe' });
  });

  it('resolves same-origin relative paths against the page, also on a plain-http intranet page', () => {
    expect(checkEndpoint('/api/intake', HTTPS_PAGE)).to.deep.equal({ ok: true, url: 'https://crm.example.com/api/intake' });
    expect(checkEndpoint('api/intake', HTTP_PAGE)).to.deep.equal({ ok: true, url: 'http://intranet.corp/accounts/api/intake' });
  });

  it("resolves a relative path as fetch() does: against the document's base URL (a <base href> the page sets)", () => {
    const base = Object.assign(document.createElement('base'), { href: 'https://crm.example.com/app/records/' });
    document.head.append(base);
    try {
      expect(checkEndpoint('koe/intake')).to.deep.equal({ ok: true, url: 'https://crm.example.com/app/records/koe/intake' });
    } finally {
      base.remove();
    }
  });

  it('allows http only to this machine, on any port', () => {
    for (const url of ['http://localhost:5173/api/intake', 'http://127.0.0.1/api', 'http://[::1]:8080/x']) {
      const check = checkEndpoint(url, HTTPS_PAGE);
      expect(check.ok, url).to.equal(true);
    }
  });

  it('refuses plain http to another host, naming the host', () => {
    expect(checkEndpoint('http://collector.example.com/intake', HTTPS_PAGE)).to.deep.equal({
      ok: false,
      reason: 'insecure-http',
      detail: 'collector.example.com',
    });
    // "localhost.evil.com" is not this machine.
    expect(checkEndpoint('http://localhost.evil.com/x', HTTPS_PAGE)).to.include({ ok: false, reason: 'insecure-http' });
  });

  it('refuses other schemes with the scheme as detail', () => {
    for (const [value, scheme] of [
      ['javascript:alert(1)', 'javascript:'],
      ['data:text/plain,hi', 'data:'],
      ['ftp://files.example.com/', 'ftp:'],
      ['  JavaScript:alert(1)', 'javascript:'],
    ] as const) {
      expect(checkEndpoint(value, HTTPS_PAGE), value).to.deep.equal({ ok: false, reason: 'scheme', detail: scheme });
    }
  });

  it('refuses missing, blank and unparsable values', () => {
    expect(checkEndpoint(undefined, HTTPS_PAGE)).to.include({ ok: false, reason: 'missing' });
    expect(checkEndpoint('   ', HTTPS_PAGE)).to.include({ ok: false, reason: 'missing' });
    expect(checkEndpoint('https://', HTTPS_PAGE)).to.deep.equal({ ok: false, reason: 'invalid', detail: 'https://' });
    expect(checkEndpoint('https://[::1', HTTPS_PAGE)).to.include({ ok: false, reason: 'invalid' });
  });

  it('refuses URLs with credentials without echoing the secret', () => {
    const check = checkEndpoint('https://user:s3cret@api.example.com/koe', HTTPS_PAGE);
    expect(check).to.deep.equal({ ok: false, reason: 'credentials', detail: 'api.example.com' });
    expect(endpointErrorMessage(check, common.en)).not.to.contain('s3cret');
  });

  it('defaults the base to the current page', () => {
    expect(checkEndpoint('/api/intake')).to.deep.equal({ ok: true, url: new URL('/api/intake', location.href).href });
  });

  it('turns each refusal into a message in the user language', () => {
    expect(endpointErrorMessage(checkEndpoint('', HTTPS_PAGE), common.ja)).to.equal(common.ja.endpointMissing);
    expect(endpointErrorMessage(checkEndpoint('javascript:alert(1)', HTTPS_PAGE), common.ja)).to.contain('javascript:');
    expect(endpointErrorMessage(checkEndpoint('http://evil.example/x', HTTPS_PAGE), common.en)).to.contain('evil.example');
    expect(endpointErrorMessage(checkEndpoint('https://', HTTPS_PAGE), common.en)).to.contain('https://');
    expect(endpointErrorMessage(checkEndpoint('https://ok.example', HTTPS_PAGE), common.en)).to.equal('');
  });
});
