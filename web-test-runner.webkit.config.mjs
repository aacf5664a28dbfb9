// The same component/core suite in WebKit (WebKitGTK MiniBrowser) through WebKitWebDriver.
// Run it with `node scripts/test-webkit.mjs`, which starts Xvfb and the driver and sets the env below.
import { existsSync } from 'node:fs';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { sharedConfig } from './scripts/wtr-shared.mjs';

const MINIBROWSER_PATHS = [
  process.env.KOE_MINIBROWSER,
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
].filter(Boolean);

const binary = MINIBROWSER_PATHS.find((p) => existsSync(p));
if (!binary) {
  throw new Error('WebKitGTK MiniBrowser not found. Run "node scripts/test-webkit.mjs" (as root it installs it), or: sudo apt-get install -y webkit2gtk-driver xvfb');
}

const shared = sharedConfig();

export default {
  ...shared,
  // WebKitWebDriver drives one MiniBrowser window; one test file at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  // MiniBrowser under Xvfb is slower than headless Chromium; give each test more room.
  testFramework: { config: { ...shared.testFramework.config, timeout: 30_000 } },
  browsers: [
    webdriverLauncher({
      hostname: '127.0.0.1',
      port: Number(process.env.KOE_WEBDRIVER_PORT ?? 4444),
      logLevel: 'error',
      connectionRetryCount: 2,
      capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
        'wdio:enforceWebDriverClassic': true,
      },
    }),
  ],
};
