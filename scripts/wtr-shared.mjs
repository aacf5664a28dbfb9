// Settings both wtr configs share (Chromium+Firefox and WebKit), so the suites stay identical.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { countingReporter } from './wtr-counting-reporter.mjs';
import { koeTestServer } from './wtr-receiver-plugin.mjs';
import { koeStandaloneFiles } from './wtr-standalone-plugin.mjs';

export const testFiles = process.env.KOE_TEST_FILES
  ? process.env.KOE_TEST_FILES.split(',')
  : ['tests/**/*.test.ts', '!tests/server/**', '!tests/e2e/**'];

export const testPort = process.env.KOE_WTR_PORT ? Number(process.env.KOE_WTR_PORT) : 8000;

/** Everything but the browsers: files, port, timeouts, esbuild + receiver + standalone-file plugins, counting reporter. */
export function sharedConfig() {
  return {
    files: testFiles,
    nodeResolve: { exportConditions: ['development'] },
    concurrency: 1,
    browserStartTimeout: 60_000,
    port: testPort,
    testsFinishTimeout: 240_000,
    testFramework: { config: { timeout: 15_000 } },
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), koeTestServer(), koeStandaloneFiles()],
    reporters: [countingReporter()],
  };
}
