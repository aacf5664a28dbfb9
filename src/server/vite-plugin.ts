// Mounts the reference receiver at /api in Vite's dev and preview servers (faults are never enabled here).
import type { Plugin } from 'vite';
import { createReceiver, type Receiver, type ReceiverOptions } from './index.js';

export function koeReceiverPlugin(options: ReceiverOptions = {}): Plugin {
  let receiver: Receiver | undefined;
  const get = () => (receiver ??= createReceiver(options));
  return {
    name: 'koe-receiver',
    configureServer(server) {
      const r = get();
      server.middlewares.use((req, res, next) => r.handle(req, res, next));
      server.httpServer?.once('close', () => void r.close());
      if (server.config.logLevel !== 'silent') server.httpServer?.once('listening', () => setTimeout(() => printDemoUrls(server.resolvedUrls?.local[0]), 50));
    },
    configurePreviewServer(server) {
      const r = get();
      server.middlewares.use((req, res, next) => r.handle(req, res, next));
    },
  };
}

/** What `npm start` serves, printed under Vite's own banner. */
function printDemoUrls(base: string | undefined): void {
  if (!base) return;
  const url = (path: string) => new URL(path, base).href;
  console.log('\n  Koe demo');
  console.log(`  CRM deal page (koe-intake, koe-snippet): ${url('/')}`);
  console.log(`  PR inbox (records, consent requests):   ${url('/inbox.html')}`);
  console.log(`  Consent link page (koe-consent):         ${url('/consent.html')}  (open a link made in the inbox)`);
  console.log(`  Withdrawal page:                         ${url('/withdraw.html')}`);
  console.log(`  Receiver: POST ${url('/api/intake')}, POST ${url('/api/consent')}`);
}
