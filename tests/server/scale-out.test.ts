// Scale-out on PostgreSQL: several receiver processes share one database, processes die with SIGKILL mid-run,
// and still every submission is stored exactly once, and a reader of the feed meanwhile gets each exactly once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { validIntake } from '../fixtures/submissions.js';
import { admin, engines, get, post } from './helpers.js';
import { lastLine, runCli, spawnReceiver, type ReceiverProcess } from './processes.js';

const postgres = engines().find((e) => e.name === 'postgres');
const TOTAL = 3000;
const CLIENTS = 24;

/** Posts until a 2xx, moving to the next instance after any failure (network error, 409, 429, 5xx). */
async function deliver(intake: ReturnType<typeof validIntake>, next: () => string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const res = await post(`${next()}/api/intake`, intake, intake.id);
      await res.arrayBuffer();
      if (res.ok) return attempt;
      assert.ok([409, 429, 502, 503, 504].includes(res.status), `unexpected ${res.status}`);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
    }
  }
}

async function storedIntake(url: string): Promise<{ rows: number; ids: number }> {
  const [row] = await admin<{ rows: string; ids: string }>("SELECT count(*) AS rows, count(DISTINCT record_id) AS ids FROM records WHERE kind = 'intake'", [], url);
  return { rows: Number(row!.rows), ids: Number(row!.ids) };
}

describe('three receiver processes on one PostgreSQL', { skip: !postgres && 'needs KOE_TEST_DATABASE_URL' }, () => {
  it(`store ${TOTAL.toLocaleString('en')} submissions exactly once while each process is killed (-9) and restarted once; the feed gives each once`, async () => {
    const target = await postgres!.target();
    const procs: ReceiverProcess[] = await Promise.all([0, 1, 2].map(() => spawnReceiver(target.env)));
    const readKey = lastLine((await runCli(['keys', 'create', '--name', 'feed', '--scope', 'read'], target.env)).stdout);
    try {
      let turn = 0;
      const next = () => procs[turn++ % procs.length]!.url;
      // A program copying the records elsewhere, polling the feed from any instance while they are written.
      let writing = true;
      const copied: string[] = [];
      const reader = (async () => {
        let position: string | null = null;
        let stopBy = Infinity; // 20 s after the last write was acknowledged
        while (copied.length < TOTAL && Date.now() < stopBy) {
          if (!writing && stopBy === Infinity) stopBy = Date.now() + 20_000;
          try {
            const res = await get(`${next()}/api/feed?type=intake&limit=200${position ? `&after=${position}` : ''}`, readKey);
            if (!res.ok) continue;
            const page = (await res.json()) as { items: { record: { id: string } }[]; position: string | null };
            copied.push(...page.items.map((line) => line.record.id));
            position = page.position;
            if (!page.items.length) await new Promise((resolve) => setTimeout(resolve, 10));
          } catch {
            // An instance being killed: the next poll goes to another.
          }
        }
      })();
      const sent = Array.from({ length: TOTAL }, () => validIntake());
      let acknowledged = 0;
      const killAt = [TOTAL * 0.2, TOTAL * 0.5, TOTAL * 0.8];
      const restarts: Promise<void>[] = [];
      const killer = (index: number) => async () => {
        await procs[index]!.kill9();
        procs[index] = await spawnReceiver(target.env);
      };
      let cursor = 0;
      let attempts = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (cursor < sent.length) {
            const intake = sent[cursor++]!;
            const tries = await deliver(intake, next);
            attempts += tries;
            acknowledged += 1;
            if (restarts.length < killAt.length && acknowledged >= killAt[restarts.length]!) restarts.push(killer(restarts.length)());
          }
        }),
      );
      await Promise.all(restarts);
      writing = false;
      await reader;
      assert.equal(acknowledged, TOTAL);
      assert.equal(restarts.length, 3, 'each process was killed once');
      assert.ok(attempts > TOTAL, `some attempts failed over to another instance (${attempts} for ${TOTAL})`);
      assert.deepEqual(await storedIntake(target.databaseUrl!), { rows: TOTAL, ids: TOTAL });
      const [unknown] = await admin<{ n: string }>(`SELECT count(*) AS n FROM records WHERE NOT (record_id = ANY($1))`, [sent.map((s) => s.id)], target.databaseUrl);
      assert.equal(Number(unknown!.n), 0);
      assert.equal(copied.length, TOTAL, `the feed reader copied ${copied.length} records`);
      assert.deepEqual([...copied].sort(), sent.map((s) => s.id).sort(), 'the feed reader did not get each record exactly once');
    } finally {
      await Promise.all(procs.map((p) => p.stop()));
      await target.cleanup();
    }
  });

  it('stores a submission sent to two instances at the same moment once, and answers both alike', async () => {
    const target = await postgres!.target();
    const [a, b] = await Promise.all([spawnReceiver(target.env), spawnReceiver(target.env)]);
    try {
      for (let i = 0; i < 100; i += 1) {
        const intake = validIntake();
        const answers = await Promise.all([a, b].map((p) => deliverOnce(p.url, intake)));
        assert.deepEqual(answers[0], answers[1]);
      }
      assert.deepEqual(await storedIntake(target.databaseUrl!), { rows: 100, ids: 100 });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await target.cleanup();
    }

    /** One instance's answer for the submission: its body, after retrying a 409 (the other holds the key). */
    async function deliverOnce(url: string, intake: ReturnType<typeof validIntake>): Promise<unknown> {
      for (;;) {
        const res = await post(`${url}/api/intake`, intake, intake.id);
        if (res.status === 201) return res.json();
        assert.equal(res.status, 409);
        assert.equal(res.headers.get('retry-after'), '1');
        await res.arrayBuffer();
      }
    }
  });

  it('lets another instance take a key whose holder was killed mid-request', async () => {
    const target = await postgres!.target();
    const other = await spawnReceiver(target.env);
    const held = spawn(process.execPath, ['--import', 'tsx', 'tests/server/fixtures/held-receiver.ts'], { env: { ...process.env, ...target.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      const lines = (pattern: RegExp) =>
        new Promise<RegExpExecArray>((resolve) => {
          const check = () => {
            const found = pattern.exec(out);
            if (found) resolve(found);
          };
          held.stdout!.on('data', (chunk) => ((out += chunk), check()));
          check();
        });
      const url = (await lines(/listening on (\S+)/))[1]!;
      const intake = validIntake();
      const stuck = post(`${url}/api/intake`, intake, intake.id).catch(() => 'connection lost');
      await lines(/holding a key/);
      const meanwhile = await post(`${other.url}/api/intake`, intake, intake.id);
      assert.equal(meanwhile.status, 409, 'held by the first instance');
      held.kill('SIGKILL');
      await once(held, 'exit');
      assert.equal(await stuck, 'connection lost');
      // PostgreSQL ends the dead instance's session (and its lock) as soon as its socket closes; until then a retry gets 409.
      let status = 409;
      for (let tries = 0; status === 409 && tries < 200; tries += 1) {
        const res = await post(`${other.url}/api/intake`, intake, intake.id);
        status = res.status;
        await res.arrayBuffer();
      }
      assert.equal(status, 201);
      assert.deepEqual(await storedIntake(target.databaseUrl!), { rows: 1, ids: 1 });
    } finally {
      held.kill('SIGKILL');
      await other.stop();
      await target.cleanup();
    }
  });
});
