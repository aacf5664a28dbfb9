// pretest: find Debian's Chromium and Firefox ESR, installing them with apt when running as root.
import { execFileSync } from 'node:child_process';
import { BROWSERS, locateBrowser } from './browsers.mjs';

const wanted = (process.env.KOE_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim()).filter((b) => b in BROWSERS);
const missing = wanted.filter((name) => !locateBrowser(name));
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((name) => BROWSERS[name].apt);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let hasApt = false;
try {
  execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
  hasApt = true;
} catch {
  hasApt = false;
}

if (isRoot && hasApt) {
  console.log(`Installing test browsers with apt: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

const still = wanted.filter((name) => !locateBrowser(name));
if (still.length > 0) {
  const pkgs = still.flatMap((name) => BROWSERS[name].apt).join(' ');
  console.error(
    [
      '',
      `Koe's tests run in real browsers, and these are missing: ${still.join(', ')}.`,
      hasApt ? `Install them with:  sudo apt-get install -y ${pkgs}` : `Install ${still.join(' and ')} with your package manager.`,
      `Or point at an existing binary: ${still.map((n) => `${BROWSERS[n].env}=/path/to/${n}`).join(' ')}`,
      '',
    ].join('\n'),
  );
  process.exit(1);
}
