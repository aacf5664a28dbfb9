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
    },
    configurePreviewServer(server) {
      const r = get();
      server.middlewares.use((req, res, next) => r.handle(req, res, next));
    },
  };
}
