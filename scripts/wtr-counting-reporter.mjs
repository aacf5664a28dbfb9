// Adds the plain closing counts to wtr's default output and saves them for scripts/test.mjs.
import { writeFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function countingReporter({ summaryFile = process.env.KOE_WTR_SUMMARY } = {}) {
  const base = defaultReporter();
  return {
    ...base,
    onTestRunFinished(args) {
      base.onTestRunFinished?.(args);
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of args.sessions) {
        if (session.testResults) countSuite(session.testResults, counts);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      if (summaryFile) writeFileSync(summaryFile, JSON.stringify(counts));
      else process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
    },
  };
}
