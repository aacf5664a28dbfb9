#!/usr/bin/env node
// `npx koe-receiver`: runs the compiled receiver (dist/node/server/cli.js) with plain Node — no TypeScript
// loader, no dev dependencies. A checkout that has not been built yet gets told how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/node/server/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(
    'koe-receiver: the compiled receiver is missing (' + fileURLToPath(cli) + ').\n' +
      'In a clone of the repository, run `npm run build` first (or `npm run receiver` to run it from source).',
  );
  process.exit(1);
}
await import(cli.href);
