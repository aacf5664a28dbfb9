// `koe-receiver` as an operator runs it, in real processes: a second receiver on a data dir is refused with the
// first one's data untouched, kill -9 frees the dir, keys work beside a running receiver, SIGTERM answers what it is
// receiving before it exits, --help lists everything.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { ENVIRONMENT } from '../../src/server/config.js';
import { validIntake } from '../fixtures/submissions.js';
import { admin, engines, get, post, tempDir, removeDir } from './helpers.js';
import { lastLine, runCli, spawnReceiver } from './processes.js';

const ROOT = new URL('../../', import.meta.url);

describe('a second receiver on a SQLite data dir', () => {
  it('is refused, also on the same port, and everything acknowledged stays; kill -9 frees the dir', async () => {
    const [sqlite] = engines();
    const target = await sqlite!.target();
    const first = await spawnReceiver(target.env);
    try {
      const sent = Array.from({ length: 20 }, () => validIntake());
      for (const intake of sent) assert.equal((await post(`${first.url}/api/intake`, intake, intake.id)).status, 201);

      const elsewhere = await runCli([], target.env);
      assert.equal(elsewhere.code, 1);
      assert.match(elsewhere.stderr, /Another Koe receiver is already using the data dir/);
      assert.match(elsewhere.stderr, new RegExp(`pid ${first.child.pid}`));
      // Started on the first one's port it would fail with EADDRINUSE; the lock refuses it before that.
      const samePort = await runCli([], { ...target.env, PORT: new URL(first.url).port });
      assert.equal(samePort.code, 1);
      assert.match(samePort.stderr, /already using the data dir/);
      assert.doesNotMatch(samePort.stderr, /EADDRINUSE|in use/);

      // `keys create` works beside the running receiver; its key is the last line.
      const created = await runCli(['keys', 'create', '--name', 'ops', '--scope', 'read'], target.env);
      assert.equal(created.code, 0, created.stderr);
      const key = lastLine(created.stdout);
      assert.match(key, /^koe_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      const page = await (await get(`${first.url}/api/records?type=intake&limit=200`, key)).json();
      assert.deepEqual(new Set(page.items.map((l: { record: { id: string } }) => l.record.id)), new Set(sent.map((i) => i.id)));

      const listed = await runCli(['keys', 'list'], target.env);
      const id = key.split('_')[1]!;
      assert.match(listed.stdout, new RegExp(`^${id}  active  read  created .*  ops$`, 'm'));
      assert.ok(!listed.stdout.includes(key.slice(17)), 'no secret in the list');
      assert.equal((await runCli(['keys', 'revoke', id], target.env)).code, 0);
      assert.equal((await get(`${first.url}/api/records?type=intake`, key)).status, 401, 'revoked at once');
      assert.equal((await runCli(['keys', 'revoke', id], target.env)).code, 1, 'revoking twice says there is no such active key');

      await first.kill9();
      const next = await spawnReceiver(target.env);
      try {
        const again = await runCli(['keys', 'create', '--name', 'after', '--scope', 'read'], target.env);
        const after = await (await get(`${next.url}/api/records?type=intake&limit=200`, lastLine(again.stdout))).json();
        assert.equal(after.items.length, 20);
      } finally {
        await next.stop();
      }
    } finally {
      await first.stop();
      await target.cleanup();
    }
  });
});

for (const engine of engines().filter((e) => e.name === 'postgres')) {
  describe(`koe-receiver keys beside receivers on ${engine.name}`, () => {
    it('creates a key every instance accepts at once', async () => {
      const target = await engine.target();
      const [a, b] = [await spawnReceiver(target.env), await spawnReceiver(target.env)];
      try {
        const created = await runCli(['keys', 'create', '--name', 'ops', '--scope', 'read,issue'], target.env);
        const key = lastLine(created.stdout);
        assert.equal((await get(`${a.url}/api/records?type=intake`, key)).status, 200);
        assert.equal((await get(`${b.url}/api/records?type=intake`, key)).status, 200);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        await target.cleanup();
      }
    });
  });
}

for (const engine of engines()) {
  describe(`koe-receiver stopping (SIGTERM, as systemctl stop sends) [${engine.name}]`, () => {
    it('answers the requests it is still receiving, stores them, then exits 0', async () => {
      const target = await engine.target();
      const receiver = await spawnReceiver(target.env);
      try {
        const { hostname, port } = new URL(receiver.url);
        const intakes = Array.from({ length: 5 }, () => validIntake());
        const finish: (() => void)[] = [];
        // Each request sends its headers and the first 100 bytes of its body, and the rest only after SIGTERM.
        const answers = intakes.map(
          (intake) =>
            new Promise<string>((answered) => {
              const body = Buffer.from(JSON.stringify(intake));
              const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': `"${intake.id}"`, 'Content-Length': body.length };
              const req = request({ hostname, port, path: '/api/intake', method: 'POST', agent: false, headers }, (res) => {
                res.resume();
                res.on('end', () => answered(String(res.statusCode)));
              });
              req.on('error', (error: NodeJS.ErrnoException) => answered(error.code ?? error.message));
              req.write(body.subarray(0, 100));
              finish.push(() => req.end(body.subarray(100)));
            }),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        receiver.child.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 300));
        for (const send of finish) send();
        assert.deepEqual(await Promise.all(answers), intakes.map(() => '201'));
        await receiver.stop();
        assert.equal(receiver.child.exitCode, 0);
        const stored = await storedIds(target);
        for (const intake of intakes) assert.ok(stored.includes(intake.id), `${intake.id} was answered 201 but not stored`);
      } finally {
        await receiver.stop();
        await target.cleanup();
      }
    });
  });
}

/** The intake ids in the target's database, read around the receiver. */
async function storedIds(target: Awaited<ReturnType<ReturnType<typeof engines>[number]['target']>>): Promise<string[]> {
  if (target.databaseUrl) return (await admin<{ record_id: string }>("SELECT record_id FROM records WHERE kind = 'intake'", [], target.databaseUrl)).map((row) => row.record_id);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(target.dataDir, 'koe.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT record_id FROM records WHERE kind = 'intake'").pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('koe-receiver --help and secrets', () => {
  it('lists every environment variable the receiver reads', async () => {
    const help = await runCli(['--help'], {});
    assert.equal(help.code, 0);
    const read = new Set<string>();
    const dir = new URL('src/server/', ROOT);
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      for (const m of readFileSync(new URL(file, dir), 'utf8').matchAll(/\benv(?:\[['"]|\.)((?:KOE_|PORT|HOST)[A-Z_]*)/g)) read.add(m[1]!);
      for (const m of readFileSync(new URL(file, dir), 'utf8').matchAll(/integer\(env, '([A-Z_]+)'|flag\(env, '([A-Z_]+)'|origins\(env, '([A-Z_]+)'/g)) read.add((m[1] ?? m[2] ?? m[3])!);
    }
    for (const required of ['PORT', 'HOST', 'KOE_DATA_DIR', 'KOE_DATABASE_URL', 'KOE_ALLOWED_ORIGINS', 'KOE_HMAC_KEY']) read.add(required);
    for (const name of read) assert.match(help.stdout, new RegExp(`^  ${name} `, 'm'), `--help lacks ${name}`);
    for (const { name } of ENVIRONMENT) assert.ok(read.has(name), `${name} is documented but never read`);
  });

  it('never prints the HMAC key or the database password', async () => {
    const dir = tempDir();
    const hmac = 'hmac-secret-that-must-not-show';
    const started = await spawnReceiver({ KOE_DATA_DIR: dir, KOE_HMAC_KEY: hmac });
    try {
      await get(`${started.url}/api/records?type=intake`);
    } finally {
      await started.stop();
      removeDir(dir);
    }
    assert.ok(!started.output().includes(hmac));
    const bad = await runCli(['keys', 'list'], { KOE_DATABASE_URL: 'postgres://koe:db-password-must-not-show@127.0.0.1:1/none' });
    assert.notEqual(bad.code, 0);
    assert.ok(!`${bad.stdout}${bad.stderr}`.includes('db-password-must-not-show'), bad.stderr);
    // It says which database it could not use, why, and what to check.
    assert.match(bad.stderr, /^koe-receiver: PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/none cannot be used: .*ECONNREFUSED.*KOE_DATABASE_URL/m);
  });
});

describe('the installed bin', () => {
  it('says to build first when the compiled receiver is missing', () => {
    const dir = tempDir();
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(new URL('bin/koe-receiver.mjs', ROOT), join(dir, 'bin', 'koe-receiver.mjs'));
      const result = spawnSync(process.execPath, [join(dir, 'bin', 'koe-receiver.mjs'), '--help'], { encoding: 'utf8' });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /run `npm run build`/);
    } finally {
      removeDir(dir);
    }
  });

  const built = existsSync(new URL('dist/node/server/cli.js', ROOT));
  it('runs the compiled receiver with plain node (no tsx)', { skip: !built && 'dist/ not built (npm run build)' }, () => {
    const result = spawnSync(process.execPath, [new URL('bin/koe-receiver.mjs', ROOT).pathname, '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /koe-receiver keys create --name <name> --scope <scopes>/);
  });
});
