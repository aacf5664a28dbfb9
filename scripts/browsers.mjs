// Where the test browsers live on Debian; used by the test config and the pretest check.
import { existsSync } from 'node:fs';

export const BROWSERS = {
  chromium: { paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], apt: ['chromium', 'fonts-liberation'], env: 'KOE_CHROMIUM' },
  firefox: { paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], apt: ['firefox-esr'], env: 'KOE_FIREFOX' },
};

/** Chromium as root in a sandbox with no network but loopback: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The executable for a browser, or undefined when none is installed. */
export function locateBrowser(name) {
  const spec = BROWSERS[name];
  const fromEnv = process.env[spec.env];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return spec.paths.find((p) => existsSync(p));
}

export function findBrowser(name) {
  const found = locateBrowser(name);
  if (!found) {
    throw new Error(`${name} is not installed. Run "npm run pretest" (as root it installs it with apt), or: sudo apt-get install -y ${BROWSERS[name].apt.join(' ')}`);
  }
  return found;
}
