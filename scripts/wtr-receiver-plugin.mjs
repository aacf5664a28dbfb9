// Mounts the real reference receiver in wtr's dev server, so browser tests fetch it same-origin,
// and lets tests switch its fault mode through a server command (never reachable outside tests).
//
// Each test session (one test file in one browser) gets its own receiver and data directory, because
// Chromium and Firefox run the same file at the same time: a reset or fault in one must not hit the other.
// A request is matched to its session by the `wtr-session-id` in its Referer (the test page's URL);
// the test page itself is fetched with it in the URL, so each browser's current session is known early.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interceptRequests } from './wtr-intercept.mjs';

const SESSION_PARAM = 'wtr-session-id';

/**
 * Server commands (call with `executeServerCommand(name, payload)` from '@web/test-runner-commands'):
 * - `koe-receiver-faults`  payload: a FaultPlan, or null to clear → true
 * - `koe-receiver-hits`    payload: { reset?: boolean } → Hit[] (requests seen, oldest first)
 * - `koe-receiver-records` payload: 'intake' | 'consent' | 'consent-request' or { type } → stored lines, newest first
 * - `koe-receiver-reset`   → true (wipes records, idempotency keys, faults and hits)
 * - `koe-receiver-issue-request` payload: partial consent request → the signed request
 * - `koe-receiver-key`     payload: { scopes? } → an API key (default read and issue; one per session and scope set)
 */
export function koeTestServer() {
  let mod;
  let root;
  /** The test pages' own origins: same-origin for the receiver (it never trusts the Host header). */
  let origins = [];
  const receivers = new Map();
  const keys = new Map();

  async function receiverFor(sessionId) {
    const id = sessionId ?? 'shared';
    let entry = receivers.get(id);
    if (!entry) {
      entry = (async () => {
        const dataDir = join(root, id.replace(/[^a-zA-Z0-9_-]/g, '_'));
        // Tests flood the receiver on purpose (soak, cost): no rate limit here.
        const receiver = mod.createReceiver({ dataDir, rateLimit: false, publicOrigins: () => origins });
        await receiver.ready;
        return receiver;
      })();
      receivers.set(id, entry);
    }
    return entry;
  }

  // Requests without the session in their Referer (workers, no-referrer policies) fall back to the last
  // session seen from the same browser: wtr runs one file at a time per browser (concurrency 1).
  const lastSessionByAgent = new Map();
  function sessionOf(req) {
    const agent = req.headers['user-agent'] ?? '';
    let id;
    try {
      id = new URL(req.headers.referer ?? '').searchParams.get(SESSION_PARAM) ?? undefined;
    } catch {
      id = undefined;
    }
    if (id) lastSessionByAgent.set(agent, id);
    return id ?? lastSessionByAgent.get(agent);
  }

  return {
    name: 'koe-test-receiver',

    async serverStart({ server, logger, config }) {
      origins = [...new Set([config.hostname ?? 'localhost', 'localhost', '127.0.0.1'])].map((host) => `${config.protocol ?? 'http:'}//${host}:${config.port}`);
      const { tsImport } = await import('tsx/esm/api');
      mod = await tsImport('../src/server/index.ts', import.meta.url);
      root = await mkdtemp(join(tmpdir(), 'koe-wtr-'));
      if (!server) {
        logger.warn('[koe-test-receiver] no HTTP server (middleware mode); /api is not mounted.');
        return;
      }
      interceptRequests(server, (req, res, pass) => {
        if (!(req.url ?? '').startsWith('/api/')) {
          const page = new URL(req.url ?? '/', 'http://wtr.invalid').searchParams.get(SESSION_PARAM);
          if (page) lastSessionByAgent.set(req.headers['user-agent'] ?? '', page);
          return pass();
        }
        receiverFor(sessionOf(req)).then(
          (receiver) => receiver.handle(req, res, pass),
          (error) => {
            logger.error(error);
            res.writeHead(500, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify({ error: 'internal', message: 'The test receiver failed to start.' }));
          },
        );
      });
    },

    async serverStop() {
      await Promise.all([...receivers.values()].map(async (entry) => (await entry).close()));
      receivers.clear();
      if (root) await rm(root, { recursive: true, force: true });
    },

    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('koe-receiver-')) return undefined;
      const receiver = await receiverFor(session?.id);
      switch (command) {
        case 'koe-receiver-faults':
          receiver.faults.set(payload ?? null);
          return true;
        case 'koe-receiver-hits': {
          const hits = receiver.faults.hits();
          if (payload?.reset) receiver.faults.resetHits();
          return hits;
        }
        case 'koe-receiver-records':
          return receiver.records(typeof payload === 'string' ? payload : (payload?.type ?? 'intake'));
        case 'koe-receiver-reset':
          await receiver.reset();
          return true;
        case 'koe-receiver-issue-request':
          return receiver.issueConsentRequest(payload ?? {});
        case 'koe-receiver-key': {
          const scopes = payload?.scopes ?? ['read', 'issue'];
          const id = `${session?.id} ${scopes.join(',')}`;
          if (!keys.has(id)) keys.set(id, receiver.createKey('wtr', scopes).then((k) => k.key));
          return keys.get(id);
        }
        default:
          throw new Error(`Unknown receiver command ${command}`);
      }
    },
  };
}
