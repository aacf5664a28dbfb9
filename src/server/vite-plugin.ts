// Mounts the reference receiver at /api in Vite's dev and preview servers (faults are never enabled here),
// and makes an API key for the demo inbox on every start (revoking the previous start's), printed as a link.
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createReceiver, type Receiver, type ReceiverOptions } from './index.js';

export const INBOX_KEY_NAME = 'npm start (demo inbox)';

export interface KoeReceiverPluginApi {
  /** The receiver, once a server has started. */
  receiver(): Receiver | undefined;
  /** A read+issue key for the inbox, made once per start. */
  inboxKey(): Promise<string>;
}

/**
 * Options not given are read from the environment as the CLI reads them: KOE_DATABASE_URL, KOE_HMAC_KEY, KOE_SEAL_KEY,
 * KOE_ALLOWED_ORIGINS. Same-origin is the server's own URLs (what Vite prints), never the Host header.
 */
export function koeReceiverPlugin(options: ReceiverOptions = {}): Plugin & { api: KoeReceiverPluginApi } {
  let receiver: Receiver | undefined;
  let origins: string[] = [];
  let key: Promise<string> | undefined;
  const env = process.env;
  const get = () =>
    (receiver ??= createReceiver({
      ...(env.KOE_DATABASE_URL ? { databaseUrl: env.KOE_DATABASE_URL } : {}),
      ...(env.KOE_HMAC_KEY ? { hmacKey: env.KOE_HMAC_KEY } : {}),
      ...(env.KOE_SEAL_KEY ? { sealKey: env.KOE_SEAL_KEY } : {}),
      allowedOrigins: (env.KOE_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
      publicOrigins: () => origins,
      ...options,
    }));
  const api: KoeReceiverPluginApi = {
    receiver: () => receiver,
    inboxKey: () => (key ??= get().createKey(INBOX_KEY_NAME, ['read', 'issue'], { replaceSameName: true }).then((k) => k.key)),
  };
  const mount = (server: ViteDevServer | PreviewServer) => {
    const r = get();
    server.middlewares.use((req, res, next) => r.handle(req, res, next));
    server.httpServer?.once('listening', () => {
      origins = originsOf(server);
      if (server.config.logLevel === 'silent') return;
      // After Vite's own banner, which it prints once listening.
      void api.inboxKey().then(
        (k) => setTimeout(() => printDemoUrls(server.resolvedUrls?.local[0], k), 100),
        (error: Error) => console.error(`[koe-receiver] ${error.message}`),
      );
    });
    server.httpServer?.once('close', () => void r.close());
  };
  return { name: 'koe-receiver', api, configureServer: mount, configurePreviewServer: mount };
}

/** Every origin the server answers on: what Vite resolved, plus localhost and 127.0.0.1 on its port. */
function originsOf(server: ViteDevServer | PreviewServer): string[] {
  const urls = [...(server.resolvedUrls?.local ?? []), ...(server.resolvedUrls?.network ?? [])];
  const address = server.httpServer?.address();
  if (address && typeof address === 'object') urls.push(`http://localhost:${address.port}`, `http://127.0.0.1:${address.port}`);
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/** What `npm start` serves, printed under Vite's own banner. */
function printDemoUrls(base: string | undefined, inboxKey: string): void {
  if (!base) return;
  const url = (path: string) => new URL(path, base).href;
  console.log('\n  Koe demo');
  console.log(`  CRM deal page (koe-intake, koe-snippet): ${url('/')}`);
  console.log(`  PR inbox (records, consent requests):   ${url('/inbox.html')}#key=${inboxKey}`);
  console.log(`    (an API key made for this start; the inbox keeps it for this browser tab only)`);
  console.log(`  Consent link page (koe-consent):         ${url('/consent.html')}  (open a link made in the inbox)`);
  console.log(`  Withdrawal page:                         ${url('/withdraw.html')}`);
  console.log(`  Receiver: POST ${url('/api/intake')}, POST ${url('/api/consent')}`);
}
