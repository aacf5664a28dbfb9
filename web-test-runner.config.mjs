// Component and core tests in real browsers: Debian Chromium and Firefox ESR (WebKit via test:webkit).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './scripts/browsers.mjs';
import { sharedConfig } from './scripts/wtr-shared.mjs';

const wanted = (process.env.KOE_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim());

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findBrowser('chromium'), headless: true, args: CHROMIUM_ARGS },
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
  ...sharedConfig(),
  concurrentBrowsers: 2,
  browsers,
};
