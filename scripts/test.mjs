// `npm test`: receiver tests in Node, then component/core tests in Chromium and Firefox;
// ends with one plain line "N passed, N failed, N skipped" summing both.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const tmp = mkdtempSync(join(tmpdir(), 'koe-test-'));
let exitCode = 0;

const serverTests = readdirSync('tests/server').filter((f) => f.endsWith('.test.ts')).map((f) => join('tests/server', f));
if (serverTests.length > 0) {
  const pg = process.env.KOE_TEST_DATABASE_URL;
  console.log(`\n— Receiver tests (Node): ${serverTests.length} files, on SQLite${pg ? ' and PostgreSQL (KOE_TEST_DATABASE_URL)' : ''}`);
  if (!pg) console.log('  PostgreSQL receiver tests skipped: set KOE_TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/db to run every receiver suite on PostgreSQL too (CI does).');
  const node = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...serverTests], { KOE_TEST_SKIP_NOTED: '1' });
  const num = (label) => Number(node.out.match(new RegExp(`^\\S*\\s*${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.passed += num('pass');
  totals.failed += num('fail') + num('cancelled');
  totals.skipped += num('skipped') + num('todo');
  if (node.code !== 0) exitCode = 1;
  if (node.code !== 0 && num('fail') === 0) totals.failed += 1;
}

console.log('\n— Browser tests (Chromium, Firefox)');
const summaryFile = join(tmp, 'wtr-summary.json');
const wtr = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { KOE_WTR_SUMMARY: summaryFile });
if (existsSync(summaryFile)) {
  const counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
} else {
  totals.failed += 1;
}
if (wtr.code !== 0) {
  exitCode = 1;
  if (totals.failed === 0) totals.failed += 1;
}
rmSync(tmp, { recursive: true, force: true });

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
