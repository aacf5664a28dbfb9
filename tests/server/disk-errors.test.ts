// A disk that fails writes, for real: the receiver runs with a file-size limit (RLIMIT_FSIZE), so SQLite's writes past
// it fail with EFBIG, which SQLite reports as SQLITE_IOERR_WRITE, as it does for a failing disk. The receiver must
// answer 503 storage-error (clients keep the submission and retry), tell the operator in one line, keep everything it
// answered 2xx, and store the refused submission once the disk works again. (PostgreSQL writes from its own server
// process, which a test cannot limit; hardening.test.ts checks its io_error through the router.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validIntake } from '../fixtures/submissions.js';
import { engines, intakePages, post } from './helpers.js';
import { lastLine, runCli, spawnReceiver } from './processes.js';

/** Every intake id the receiver can read back. */
const storedIds = async (url: string, key: string) => (await intakePages(url, key, '&limit=200')).flat();

const largestFile = (dir: string) => Math.max(...readdirSync(dir).map((name) => statSync(join(dir, name)).size));

describe('a disk that fails writes [sqlite]', () => {
  it('answers 503 storage-error, says so in one line, loses nothing it answered 2xx, and stores the retry once the disk works', async () => {
    const target = await engines()
      .find((engine) => engine.name === 'sqlite')!
      .target();
    try {
      const created = await runCli(['keys', 'create', '--name', 'ops', '--scope', 'read'], target.env);
      assert.equal(created.code, 0, created.stderr);
      const key = lastLine(created.stdout);
      // Room for a few dozen submissions past what is on disk now.
      const limited = await spawnReceiver(target.env, { fileSizeLimit: largestFile(target.dataDir!) + 200_000 });
      const accepted: string[] = [];
      let refused: { intake: ReturnType<typeof validIntake>; res: Response } | undefined;
      try {
        for (let i = 0; i < 1000 && !refused; i += 1) {
          const intake = validIntake({ voice: { text: `${i}: ${'導入後、問い合わせ対応の時間が半分になりました。'.repeat(40)}` } });
          const res = await post(`${limited.url}/api/intake`, intake, intake.id);
          if (res.status === 201) accepted.push(intake.id);
          else refused = { intake, res };
        }
        assert.ok(refused, 'a write failed within 1,000 submissions');
        assert.ok(accepted.length > 0, 'some were stored before the disk failed');
        const { res } = refused;
        assert.equal(res.status, 503);
        assert.equal(res.headers.get('retry-after'), '60');
        assert.equal(((await res.json()) as { error: string }).error, 'storage-error');
        const lines = limited
          .output()
          .split('\n')
          .filter((line) => line.includes('storage I/O error'));
        assert.equal(lines.length, 1, limited.output());
        assert.match(lines[0]!, /SQLITE_IOERR.*check its disk and file system/);
        // Reads still work, and hold every submission answered 201.
        assert.deepEqual((await storedIds(limited.url, key)).sort(), [...accepted].sort());
      } finally {
        await limited.stop();
      }

      // The disk works again: the client's retry of the refused submission is stored, once.
      const restarted = await spawnReceiver(target.env);
      try {
        const retry = await post(`${restarted.url}/api/intake`, refused.intake, refused.intake.id);
        assert.equal(retry.status, 201);
        assert.deepEqual((await storedIds(restarted.url, key)).sort(), [...accepted, refused.intake.id].sort());
      } finally {
        await restarted.stop();
      }
    } finally {
      await target.cleanup();
    }
  });
});
