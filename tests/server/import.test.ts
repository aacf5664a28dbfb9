// `koe-receiver import <dir>`: JSONL files written by earlier versions go into the database; twice changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256Hex, signConsentRequest } from '../../src/server/index.js';
import { validConsent, validConsentRequestInput, validIntake } from '../fixtures/submissions.js';
import { admin, answering, bearer, engines, get, post, start, tempDir, removeDir } from './helpers.js';
import { numbered } from '../../src/server/storage/postgres.js';
import { feedSql, listSql } from '../../src/server/storage/sql.js';
import { runCli } from './processes.js';

const OLD_KEY = 'hmac-key-of-the-jsonl-era';

/** A data dir as the JSONL receiver left it, including what its bugs left: one record under two keys, a torn tail. */
function writeLegacyDir(dir: string) {
  const line = (record: object, key: string | null, receivedAt: string) => ({ receivedAt, idempotencyKey: key, type: 'koe.intake.v1', format: 'json', bodySha256: sha256Hex(canonicalJson(record)), record });
  const intakes = [validIntake(), validIntake({ tags: ['faq', 'praise'], channel: 'email' }), validIntake()];
  const intakeLines = [
    line(intakes[0]!, intakes[0]!.id, '2026-10-01T00:00:00.000Z'),
    line(intakes[1]!, intakes[1]!.id, '2026-10-02T00:00:00.000Z'),
    line(intakes[0]!, 'the-same-record-under-another-key', '2026-10-03T00:00:00.000Z'),
    line(intakes[2]!, intakes[2]!.id, '2026-10-04T00:00:00.000Z'),
  ];
  // Lines no database can hold are skipped and counted, not the end of the import: a year past 9999, a NUL in an id.
  const unstorable = [line(validIntake(), null, '+275760-09-13T00:00:00.000Z'), line({ ...validIntake(), id: 'a\u0000b' }, null, '2026-10-05T00:00:00.000Z')];
  writeFileSync(join(dir, 'intake.jsonl'), [...intakeLines, ...unstorable].map((l) => JSON.stringify(l)).join('\n') + '\n{"receivedAt":"2026-10-0');
  const request = signConsentRequest({ ...validConsentRequestInput(), id: 'legacy-request', issuedAt: '2026-10-05T00:00:00.000Z', expiresAt: '2026-11-05T00:00:00.000Z' }, OLD_KEY);
  const requestLine = (record: object) => JSON.stringify({ receivedAt: request.issuedAt, idempotencyKey: null, type: 'koe.consent-request.v1', format: 'json', record });
  // Skipped too: an id longer than any the receiver issues (128 characters), which GET /api/consent-requests/:id refuses.
  const unreadableRequests = [requestLine({ ...request, id: 'garbled', issuedAt: 'yesterday' }), requestLine({ ...request, id: 'x'.repeat(129) })];
  writeFileSync(join(dir, 'consent-requests.jsonl'), [requestLine(request), ...unreadableRequests].join('\n') + '\n');
  const consent = validConsent(request);
  writeFileSync(
    join(dir, 'consent.jsonl'),
    JSON.stringify({ receivedAt: '2026-10-06T00:00:00.000Z', idempotencyKey: consent.receiptId, type: 'koe.consent.v1', format: 'json', clientIp: '192.0.2.1', bodySha256: sha256Hex(canonicalJson(consent)), record: consent }) + '\n',
  );
  writeFileSync(join(dir, 'hmac.key'), OLD_KEY + '\n');
  return { intakes, request, consent };
}

for (const engine of engines()) {
  describe(`koe-receiver import [${engine.name}]`, () => {
    it('loads the JSONL files once: a second run imports nothing, and the data serves as before', async () => {
      const target = await engine.target();
      const legacy = tempDir();
      try {
        const { intakes, request, consent } = writeLegacyDir(legacy);
        const first = await runCli(['import', legacy], target.env);
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, /intake\.jsonl: 3 imported, 1 already present, 3 unreadable line\(s\) skipped/);
        assert.match(first.stdout, /consent-requests\.jsonl: 1 imported, 0 already present, 2 unreadable line\(s\) skipped/);
        assert.match(first.stdout, /consent\.jsonl: 1 imported, 0 already present/);
        assert.match(first.stdout, /hmac\.key: the consent-request key now lives in the database/);
        const second = await runCli(['import', legacy], target.env);
        assert.match(second.stdout, /intake\.jsonl: 0 imported, 4 already present/);
        assert.match(second.stdout, /consent\.jsonl: 0 imported, 1 already present/);

        // No fixed hmacKey: the receiver signs with what the import brought in.
        const r = await start(target, { hmacKey: undefined });
        try {
          const key = await r.key(['read', 'issue']);
          const page = await (await get(`${r.url}/api/records?type=intake`, key)).json();
          assert.deepEqual(page.items.map((l: { record: { id: string } }) => l.record.id), [intakes[2]!.id, intakes[1]!.id, intakes[0]!.id]);
          const faq = await (await get(`${r.url}/api/records?type=intake&tag=praise`, key)).json();
          assert.deepEqual(faq.items.map((l: { record: { id: string } }) => l.record.id), [intakes[1]!.id]);
          assert.deepEqual(await (await get(`${r.url}/api/consent-requests/legacy-request`, key)).json(), request);
          // A retry of an imported submission is a replay, not a second record.
          const replay = await post(`${r.url}/api/consent`, consent, consent.receiptId);
          assert.equal(replay.headers.get('idempotent-replayed'), 'true');
          // The imported answer counts: a second answer to that request is refused (one answer per request).
          const second = answering(request);
          const refused = await post(`${r.url}/api/consent`, second, second.receiptId);
          assert.equal(refused.status, 409);
          assert.equal((await refused.json()).error, 'consent-already-answered');
          // New requests are signed with the imported key, and answered.
          const issued = await (await post(`${r.url}/api/consent-requests`, validConsentRequestInput(), undefined, bearer(key))).json();
          const answer = answering(issued);
          assert.equal((await post(`${r.url}/api/consent`, answer, answer.receiptId)).status, 201);
          const { token, ...unsigned } = issued;
          assert.equal(signConsentRequest(unsigned, OLD_KEY).token, token);
        } finally {
          await r.stop();
        }
      } finally {
        removeDir(legacy);
        await target.cleanup();
      }
    });

    it(
      'on PostgreSQL, leaves the planner the sizes: right after importing 3,000 records, a feed page and a list page each read along an index',
      { skip: engine.name !== 'postgres' },
      async () => {
        const target = await engine.target();
        const legacy = tempDir();
        try {
          const lines = Array.from({ length: 3000 }, (_, i) => {
            const record = validIntake();
            return JSON.stringify({ receivedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), idempotencyKey: record.id, format: 'json', record });
          });
          writeFileSync(join(legacy, 'intake.jsonl'), lines.join('\n') + '\n');
          const imported = await runCli(['import', legacy], target.env);
          assert.match(imported.stdout, /intake\.jsonl: 3000 imported/, imported.stderr);
          // Before its first ANALYZE the table counts as a few rows: the planner would read all 3,000 and sort them.
          for (const { sql, params } of [feedSql('postgres', { kind: 'intake', limit: 200 }), listSql({ kind: 'intake', limit: 50 })]) {
            const plan = (await admin(`EXPLAIN ${numbered(sql)}`, params, target.databaseUrl)).map((row) => row['QUERY PLAN'] as string).join('\n');
            assert.match(plan, /Index Scan/, plan);
            assert.doesNotMatch(plan, /Sort/, plan);
          }
        } finally {
          removeDir(legacy);
          await target.cleanup();
        }
      },
    );
  });
}
