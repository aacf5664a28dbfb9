// Component and core tests in real browsers: Debian Chromium and Firefox ESR (WebKit via test:webkit).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { koeTestServer } from './scripts/wtr-receiver-plugin.mjs';
import { findBrowser } from './scripts/browsers.mjs';

const wanted = (process.env.KOE_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim());

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findBrowser('chromium'), headless: true, args: chromiumFlags },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: findBrowser('firefox'),
        headless: true,
        extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false },
      },
    }),
  );
}

export default {
  files: process.env.KOE_TEST_FILES ? process.env.KOE_TEST_FILES.split(',') : ['tests/**/*.test.ts', '!tests/server/**', '!tests/e2e/**'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  concurrentBrowsers: 2,
  browsers,
  browserStartTimeout: 60_000,
  port: process.env.KOE_WTR_PORT ? Number(process.env.KOE_WTR_PORT) : 8000,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 15_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), koeTestServer()],
  reporters: [countingReporter()],
};
