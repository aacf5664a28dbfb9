// Issue 13 end to end: a customer signs on the real consent page, downloads the receipt, withdraws one use through the
// receipt's link; the downloaded receipt's JWS is verified offline with node:crypto and the published key, and
// `koe-receiver verify` checks every seal (then finds a row changed behind the receiver's back).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, assert, newContext } from './harness.mjs';
import { grant, linkFragment, openConsent, receipt, requestInput, withdrawFragment } from './consent-pages.mjs';
import { expectClean } from './tally.mjs';

/** `koe-receiver verify` from source on the world's data dir (beside the running receiver, as an operator would). */
async function verifyCommand(dataDir) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'verify'], { cwd: ROOT, env: { ...process.env, KOE_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const [code] = await once(child, 'exit');
  return { code, out };
}

/** A JWS (flattened JSON serialization, as the download is) checked with node:crypto alone; returns its payload. */
function verifiedPayload(file, keys) {
  const header = JSON.parse(Buffer.from(file.protected, 'base64url').toString());
  const key = keys.find((k) => k.kid === header.kid);
  assert(header.alg === 'EdDSA' && key, `the receipt names a published EdDSA key (kid ${header.kid})`);
  const publicKey = createPublicKey({ key: { kty: key.kty, crv: key.crv, x: key.x }, format: 'jwk' });
  const holds = verify(null, Buffer.from(`${file.protected}.${file.payload}`), publicKey, Buffer.from(file.signature, 'base64url'));
  assert(holds, 'the receipt’s signature holds');
  return JSON.parse(Buffer.from(file.payload, 'base64url').toString());
}

export async function consentEvidence(world, row) {
  const { receiver } = world;
  const { context, errors } = await newContext(world);
  const page = await context.newPage();
  try {
    const request = await receiver.issueConsentRequest(requestInput({ scopes: ['company-name', 'logo', 'quotes'] }));
    await openConsent(page, '/consent.html', linkFragment(request));
    await grant(page, ['社名', 'ロゴ', '発言の引用']);
    row.trials += 1;

    // The receipt as the customer downloads it: the receiver's JWS, verified offline.
    await page.locator('koe-consent [part=download]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('koe-consent [part=download]').click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    const keys = (await (await fetch(`${world.base}/api/seal-keys`)).json()).keys;
    const signed = verifiedPayload(file, keys);
    const [grantLine] = await receiver.records('consent');
    assert(signed.consentReceiptID === grantLine.record.receiptId && signed.version === 'KI-CR-v1.1.0', 'the signed receipt is the Kantara receipt of the stored grant');
    assert(signed.services[0].purposes.length === 3, 'three uses granted in the signed receipt');
    const tampered = { ...file, payload: Buffer.from(JSON.stringify({ ...signed, piiPrincipalId: 'someone-else@example.com' })).toString('base64url') };
    let caught = false;
    try {
      verifiedPayload(tampered, keys);
    } catch {
      caught = true;
    }
    assert(caught, 'an edited receipt no longer verifies');

    // Withdraw one use (the logo) through the receipt's link.
    await openConsent(page, '/withdraw.html', await withdrawFragment(page));
    await page.getByRole('checkbox', { name: 'ロゴ' }).check();
    await page.getByLabel('メールアドレス').fill('yamada@example.jp');
    await page.getByLabel('氏名', { exact: true }).fill('山田 太郎');
    await page.locator('koe-consent [part=submit]').click();
    await receipt(page);
    row.trials += 1;
    const lines = await receiver.records('consent');
    assert(lines.length === 2, `a grant and a withdrawal stored, got ${lines.length}`);
    const withdrawal = lines[0].record;
    assert(withdrawal.decision === 'withdrawn' && withdrawal.withdrawsReceiptId === grantLine.record.receiptId, 'the withdrawal names the grant');
    assert(JSON.stringify(withdrawal.scopes.filter((s) => !s.granted).map((s) => s.id)) === '["logo"]', 'only the logo withdrawn');
    assert(lines.every((l) => l.seal?.keyId), 'both records sealed');
    row.delivered += 2;

    // Every seal holds; then an insider edits the grant in the database, and verify names it.
    const clean = await verifyCommand(world.dataDir);
    assert(clean.code === 0 && /Checked 2 consent record/.test(clean.out), `verify on the untouched database: exit ${clean.code}\n${clean.out}`);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(world.dataDir, 'koe.sqlite'));
    try {
      db.prepare(`UPDATE records SET record = replace(record, '"months":24', '"months":120') WHERE record_id = ?`).run(grantLine.record.receiptId);
    } finally {
      db.close();
    }
    const dirty = await verifyCommand(world.dataDir);
    assert(dirty.code === 1 && dirty.out.includes(`consent record ${grantLine.record.receiptId}`), `verify after tampering: exit ${dirty.code}\n${dirty.out}`);
    expectClean(row, errors);
    return 'signed, 1 of 3 uses withdrawn via the link; JWS verified with node:crypto; verify: 2 seals hold, then 1 tampered row named (exit 1)';
  } finally {
    await context.close();
  }
}
