// `npm run test:e2e`: issue 5's end-to-end suite — real demo pages, real receiver, Debian Chromium.
// Usage: node scripts/e2e.mjs [scenario numbers or name fragments…]   e.g. `node scripts/e2e.mjs 3 soak`
import { startWorld, stopWorld } from '../tests/e2e/harness.mjs';
import { SCENARIOS } from '../tests/e2e/scenarios.mjs';
import { EMBED_ROWS, printEmbedMatrix } from '../tests/e2e/embed-matrix.mjs';
import { ensureEmbedBuild } from '../tests/e2e/embed-artifacts.mjs';

const filters = process.argv.slice(2);
const chosen = SCENARIOS.filter((s, i) => !filters.length || filters.some((f) => (/^\d+$/.test(f) ? String(i + 1) === f : s.name.toLowerCase().includes(f.toLowerCase()))));
const started = Date.now();
const rows = [];
let world;
let exitCode = 0;

// A CI timeout or Ctrl-C must not leave Chromium or the server behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: closing the browser and the server`);
    void (world ? stopWorld(world) : Promise.resolve()).finally(() => process.exit(130));
  });
}

try {
  // The embed matrix loads the built files: build them first when missing or older than their sources.
  if (chosen.some((s) => EMBED_ROWS.includes(s))) await ensureEmbedBuild();
  world = await startWorld();
  for (const scenario of chosen) {
    const number = SCENARIOS.indexOf(scenario) + 1;
    const row = { scenario: `${number}. ${scenario.name}`, trials: 0, delivered: 0, duplicates: 0, lost: 0, pageErrors: 0, ok: false, note: '' };
    rows.push(row);
    const t0 = Date.now();
    process.stdout.write(`▶ ${row.scenario} … `);
    try {
      await world.receiver.reset();
      const budget = (scenario.timeoutS ?? 90) * 1000;
      let timer;
      const overtime = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no result within ${budget / 1000} s`)), budget)));
      row.note = (await Promise.race([scenario.run(world, row), overtime]).finally(() => clearTimeout(timer))) ?? '';
      row.ok = true;
    } catch (error) {
      row.note = error instanceof Error ? error.message : String(error);
      if (process.env.KOE_E2E_DEBUG) console.error(error);
    } finally {
      world.receiver.faults.clear();
    }
    row.seconds = (Date.now() - t0) / 1000;
    console.log(`${row.ok ? 'ok' : 'FAILED'} (${row.seconds.toFixed(1)} s)${row.note ? ` — ${row.note}` : ''}`);
  }
} catch (error) {
  console.error('The e2e world could not start or crashed:', error);
  exitCode = 1;
} finally {
  if (world) await stopWorld(world);
}

printTable(rows);
printEmbedMatrix(rows);
const passed = rows.filter((r) => r.ok).length;
const failed = chosen.length - passed; // scenarios that never ran (the world did not start) count as failed
console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || exitCode || !chosen.length ? 1 : 0);

function printTable(list) {
  const head = ['scenario', 'trials', 'delivered', 'duplicates', 'lost', 'page errors', 'result', 'time'];
  const body = list.map((r) => [r.scenario, r.trials, r.delivered, r.duplicates, r.lost, r.pageErrors, r.ok ? 'pass' : 'FAIL', `${(r.seconds ?? 0).toFixed(1)} s`].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${line(head)}\n|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`);
  for (const b of body) console.log(line(b));
}
