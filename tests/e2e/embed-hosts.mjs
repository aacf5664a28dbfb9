// The embed matrix's hosts: pages that load Koe the way each host does (tests/e2e/hosts/), and the built artifacts
// served from opaque URLs (/uploads/7c1e9a2b/koe-intake.js?v=3) as a CMS, kintone or a CDN would serve an uploaded file.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const HOSTS_DIR = join(import.meta.dirname, 'hosts');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.png': 'image/png' };

/** URL path (no query) → file bytes; filled by the scenarios (embed-artifacts.mjs) before a page asks. */
const uploads = new Map();

/** Serves `body` at `path` (any query string is ignored, as upload stores do). */
export function serveUpload(path, body) {
  uploads.set(path, Buffer.from(body));
}

export const typeOf = (path) => TYPES[extname(path)] ?? 'application/octet-stream';

/** Vite plugin for the e2e server: /hosts/* from tests/e2e/hosts, and the registered uploads. */
export function embedHostsPlugin() {
  return {
    name: 'koe-e2e-embed-hosts',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
        let body = uploads.get(path);
        if (!body && path.startsWith('/hosts/')) {
          const file = normalize(join(HOSTS_DIR, path.slice('/hosts/'.length)));
          if (file.startsWith(HOSTS_DIR)) body = await readFile(file).catch(() => undefined);
        }
        if (!body) return next();
        res.writeHead(200, { 'Content-Type': typeOf(path), 'Cache-Control': 'no-store' });
        res.end(body);
      });
    },
  };
}
