// Measured in a real browser by scripts/bench.mjs: enqueue+persist latency and flushing 1,000 queued items.
import { Outbox } from '../src/core/outbox.js';
import { newId } from '../src/core/ids.js';
import { validIntake } from '../tests/fixtures/submissions.js';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const offline: typeof fetch = () => Promise.reject(new TypeError('offline (benchmark)'));

function intake() {
  return { id: newId(), type: 'koe.intake.v1' as const, endpoint: '/api/intake', format: 'json' as const, payload: validIntake() };
}

/** Time from enqueue() to the item being durably in IndexedDB (the outbox's first `change`). */
async function enqueueLatency(samples: number): Promise<number[]> {
  const outbox = new Outbox({ name: 'bench-latency', fetch: offline });
  await outbox.ready;
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const input = intake();
    const start = performance.now();
    const persisted = new Promise<void>((resolve) => outbox.addEventListener('change', () => resolve(), { once: true }));
    const done = outbox.enqueue({ ...input, payload: { ...input.payload, id: input.id } });
    await persisted;
    times.push(performance.now() - start);
    await done;
  }
  outbox.dispose();
  return times;
}

async function flushThousand(count: number): Promise<{ fillMs: number; flushMs: number; fetchMs: number; sent: number; persistent: boolean }> {
  // Fill while "offline", then a new outbox (a later page load) delivers everything to the real receiver.
  const filler = new Outbox({ name: 'bench-flush', fetch: offline, timeoutMs: 1 });
  await filler.ready;
  const fillStart = performance.now();
  for (let i = 0; i < count; i += 1) {
    const input = intake();
    await filler.enqueue({ ...input, payload: { ...input.payload, id: input.id } });
  }
  const fillMs = performance.now() - fillStart;
  filler.dispose();
  const later = () => Date.now() + 3_600_000;
  // The real fetch, timed: flushMs - fetchMs is what the outbox itself costs (IndexedDB, bookkeeping).
  let fetchMs = 0;
  const timedFetch: typeof fetch = async (url, init) => {
    const t = performance.now();
    try {
      return await fetch(url, init);
    } finally {
      fetchMs += performance.now() - t;
    }
  };
  const sender = new Outbox({ name: 'bench-flush', now: later, fetch: timedFetch });
  let sent = 0;
  sender.addEventListener('sent', () => sent++);
  await sender.ready;
  const start = performance.now();
  await sender.flush();
  while ((await sender.list()).length > 0) await sender.flush();
  const flushMs = performance.now() - start;
  const persistent = sender.persistent;
  sender.dispose();
  return { fillMs, flushMs, fetchMs, sent, persistent };
}

declare global {
  interface Window {
    runOutboxBench(options: { samples: number; count: number }): Promise<unknown>;
  }
}

window.runOutboxBench = async ({ samples, count }) => {
  const latency = (await enqueueLatency(samples)).sort((a, b) => a - b);
  const flush = await flushThousand(count);
  return {
    samples,
    p50: percentile(latency, 50),
    p95: percentile(latency, 95),
    max: latency.at(-1),
    count,
    ...flush,
    fillMsEach: flush.fillMs / count,
    sendMsEach: flush.flushMs / count,
    overheadMsEach: (flush.flushMs - flush.fetchMs) / count,
  };
};
