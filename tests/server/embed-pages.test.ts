// The iframe embed pages (/embed/*): served with a strict CSP, framed only by the allowed origins, which the page also
// carries for its postMessage target check; nothing else under /embed/ answers, and an unbuilt checkout says what to run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbedPages, type EmbedPagesOptions } from '../../src/server/embed-pages.js';
import { createReceiver } from '../../src/server/index.js';

const PAGES = join(import.meta.dirname, '../../src/embed/pages');

async function serve(options: EmbedPagesOptions): Promise<{ url: string; server: Server }> {
  const pages = createEmbedPages(options);
  const server = createServer((req, res) => {
    if (pages.matches((req.url ?? '').split('?')[0]!)) return void pages.serve(req, res);
    res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, server };
}

describe('embed pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koe-embed-test-'));
  let url = '';
  let server: Server;
  before(async () => {
    // What `npm run build` puts in dist/embed: the page sources and their scripts.
    for (const file of ['intake.html', 'consent.html', 'embed.css']) copyFileSync(join(PAGES, file), join(dir, file));
    writeFileSync(join(dir, 'intake.js'), '/* built script */');
    ({ url, server } = await serve({ dir, parentOrigins: ['https://crm.example.com', 'https://app.hubspot.com', '*', 'https://evil.example/path', 'javascript:alert(1)'] }));
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the intake page with a strict CSP that lets only the allowed origins frame it', async () => {
    const res = await fetch(`${url}/embed/intake.html#company-id=C-1`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /(^|; )script-src 'self'(;|$)/);
    assert.match(csp, /(^|; )style-src 'self'(;|$)/);
    assert.match(csp, /require-trusted-types-for 'script'; trusted-types lit-html/);
    assert.match(csp, /(^|; )frame-ancestors 'self' https:\/\/crm\.example\.com https:\/\/app\.hubspot\.com(;|$)/);
    assert.equal(res.headers.get('x-frame-options'), null, 'X-Frame-Options would forbid every parent');
    const page = await res.text();
    assert.match(page, /<meta name="koe-embed-parent-origins" content="https:\/\/crm\.example\.com https:\/\/app\.hubspot\.com" \/>/);
    assert.doesNotMatch(page, /<script>|style=/, 'inline script or style would break under the CSP');
  });

  it('never lets "*" or anything that is not an origin through, and frames for nobody when none is allowed', async () => {
    const page = await (await fetch(`${url}/embed/consent.html`)).text();
    assert.doesNotMatch(page, /\*|evil|javascript/);
    const closed = await serve({ dir });
    try {
      const res = await fetch(`${closed.url}/embed/intake.html`);
      assert.match(res.headers.get('content-security-policy')!, /frame-ancestors 'self'(;|$)/);
      assert.match(await res.text(), /content=""/);
    } finally {
      closed.server.close();
    }
  });

  it("labels the intake page's early words box in the language its form will speak (the browser's)", async () => {
    const pageFor = async (acceptLanguage?: string) => {
      const res = await fetch(`${url}/embed/intake.html`, { headers: acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage } });
      assert.equal(res.headers.get('vary'), 'Accept-Language');
      const page = await res.text();
      const lang = /<html lang="([^"]+)">/.exec(page)?.[1];
      const label = /<label for="early-words">([^<]*)<\/label>/.exec(page)?.[1];
      return `${lang} ${label}`;
    };
    assert.equal(await pageFor('ja-JP,ja;q=0.9,en-US;q=0.8'), 'ja お客様の言葉');
    assert.equal(await pageFor('en-US,en;q=0.9,ja;q=0.8'), 'en The customer’s words');
    // By q-value, not by position; languages Koe does not speak are passed over; none of ours: English, as the script decides.
    assert.equal(await pageFor('en;q=0.5, ja;q=0.8'), 'ja お客様の言葉');
    assert.equal(await pageFor('fr-FR, ja;q=0.3, en;q=0'), 'ja お客様の言葉');
    assert.equal(await pageFor('de, fr;q=0.7'), 'en The customer’s words');
    assert.equal(await pageFor('*;q=0.5, en-GB'), 'en The customer’s words');
    // Its CSP and allowed parents stay as they are.
    const english = await fetch(`${url}/embed/intake.html`, { headers: { 'Accept-Language': 'en' } });
    assert.match(english.headers.get('content-security-policy')!, /frame-ancestors 'self' https:\/\/crm\.example\.com/);
    assert.match(await english.text(), /content="https:\/\/crm\.example\.com https:\/\/app\.hubspot\.com"/);
  });

  it('serves the page scripts and styles with their types, and HEAD without a body', async () => {
    const js = await fetch(`${url}/embed/intake.js`);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await js.text(), '/* built script */');
    assert.equal((await fetch(`${url}/embed/embed.css`)).headers.get('content-type'), 'text/css; charset=utf-8');
    const head = await fetch(`${url}/embed/intake.html`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('answers anything else under /embed/ with a 4xx that names the problem', async () => {
    const missing = await fetch(`${url}/embed/..%2Fserver%2Findex.js`);
    assert.equal(missing.status, 404);
    const unknown = await fetch(`${url}/embed/admin.html`);
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /\/embed\/intake\.html and \/embed\/consent\.html/);
    const post = await fetch(`${url}/embed/intake.html`, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  it('says what to run when the pages are not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'koe-embed-none-'));
    const unbuilt = await serve({ dir: empty, parentOrigins: ['https://crm.example.com'] });
    try {
      const res = await fetch(`${unbuilt.url}/embed/intake.html`);
      assert.equal(res.status, 404);
      assert.match(await res.text(), /npm run build/);
    } finally {
      unbuilt.server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('is what the receiver answers under /embed/ (its allowed origins are the pages’ parents)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koe-embed-receiver-'));
    const receiver = createReceiver({ dataDir, allowedOrigins: ['https://crm.example.com'] });
    const routed = createServer((req, res) => receiver.handle(req, res));
    await new Promise<void>((resolve) => routed.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(routed.address() as { port: number }).port}`;
      const post = await fetch(`${base}/embed/intake.html`, { method: 'POST', body: 'x' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD, OPTIONS');
      const page = await fetch(`${base}/embed/intake.html`);
      // Built (npm run build): the page, framed by the receiver's allowed origin; not built: what to run.
      if (page.status === 200) assert.match(page.headers.get('content-security-policy')!, /frame-ancestors 'self' https:\/\/crm\.example\.com(;|$)/);
      else assert.match(await page.text(), /npm run build/);
    } finally {
      routed.close();
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
