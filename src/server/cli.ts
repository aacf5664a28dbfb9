// `koe-receiver` (bin/koe-receiver.mjs runs the compiled copy of this file): serve, keys, import, --help.
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { parseScopes, newApiKey } from './auth.js';
import { helpText, serveConfig, storageConfig } from './config.js';
import { createReceiver, createReceiverServer } from './index.js';
import { importJsonl } from './import-jsonl.js';
import { consentRequestKey } from './signing.js';
import type { Storage } from './store.js';
import { openStorage } from './storage/open.js';
import { formatReport, verifyEvidence } from './verify.js';

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, name: { type: 'string' }, scope: { type: 'string' } },
  });
  const [command = 'serve', sub, arg] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(helpText());
    return 0;
  }
  if (command === 'serve') return serve();
  if (command === 'keys') return withStorage((storage) => keys(storage, sub, arg, values));
  if (command === 'import') {
    if (!sub) throw new UsageError('Usage: koe-receiver import <dir> (the directory with intake.jsonl, consent.jsonl, consent-requests.jsonl).');
    return withStorage((storage) => importCommand(storage, sub));
  }
  if (command === 'verify') return withStorage((storage) => verify(storage));
  throw new UsageError(`Unknown command "${command}". Run koe-receiver --help.`);
}

/** CLI commands open the database without the data-dir lock: they may run beside a receiver. */
async function withStorage(run: (storage: Storage) => Promise<number>): Promise<number> {
  const config = storageConfig(process.env);
  const storage = await openStorage({ ...config, serve: false, poolSize: 2 }).storage;
  try {
    return await run(storage);
  } finally {
    await storage.close();
  }
}

async function keys(storage: Storage, sub: string | undefined, arg: string | undefined, values: { name?: string; scope?: string }): Promise<number> {
  if (sub === 'create') {
    if (!values.name?.trim()) throw new UsageError('Usage: koe-receiver keys create --name <name> --scope read,issue');
    const scopes = parseScopes(values.scope ?? '');
    const { key, stored } = newApiKey(values.name.trim(), scopes, new Date());
    await storage.createKey(stored);
    console.log(`Created API key ${stored.id} "${stored.name}" with scope ${scopes.join(', ')} in ${storage.location}.`);
    console.log('It is shown only now; send it as Authorization: Bearer <key>. The key:');
    console.log(key);
    return 0;
  }
  if (sub === 'list') {
    const all = await storage.listKeys();
    if (!all.length) console.log(`No API keys in ${storage.location}. Create one with: koe-receiver keys create --name <name> --scope read,issue`);
    for (const k of all) console.log(`${k.id}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.scopes.join(',')}  created ${k.createdAt}  ${k.name}`);
    return 0;
  }
  if (sub === 'revoke') {
    if (!arg) throw new UsageError('Usage: koe-receiver keys revoke <id>   (ids are listed by koe-receiver keys list)');
    if (!(await storage.revokeKey(arg, new Date().toISOString()))) {
      console.error(`No active API key with id ${arg} in ${storage.location}.`);
      return 1;
    }
    console.log(`Revoked API key ${arg}; every instance refuses it from now on.`);
    return 0;
  }
  throw new UsageError('Usage: koe-receiver keys create|list|revoke (see --help).');
}

/** Exit 0 when every seal and request token holds, 1 when anything was changed after it was written. */
async function verify(storage: Storage): Promise<number> {
  const report = await verifyEvidence(storage, await consentRequestKey(storage, process.env.KOE_HMAC_KEY?.trim() || undefined));
  process.stdout.write(formatReport(report, storage.location));
  return report.findings.length ? 1 : 0;
}

async function importCommand(storage: Storage, dir: string): Promise<number> {
  const { counts, hmacKey } = await importJsonl(storage, dir);
  if (!counts.length) console.log(`No intake.jsonl, consent.jsonl or consent-requests.jsonl in ${dir}.`);
  for (const c of counts) {
    console.log(`${c.file}: ${c.imported} imported, ${c.present} already present${c.unreadable ? `, ${c.unreadable} unreadable line(s) skipped` : ''}`);
  }
  if (hmacKey === 'imported') console.log('hmac.key: the consent-request key now lives in the database.');
  if (hmacKey === 'kept-existing') console.log('hmac.key: the database already holds another consent-request key; kept it (issued requests keep their stored tokens).');
  return 0;
}

async function serve(): Promise<number> {
  const config = serveConfig(process.env);
  let publicOrigins = config.receiver.publicOrigins as string[];
  const receiver = createReceiver({ ...config.receiver, publicOrigins: () => publicOrigins });
  await receiver.ready;
  const server = createReceiverServer(receiver, config.limits);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await receiver.close();
    throw error.code === 'EADDRINUSE' ? new UsageError(`Port ${config.port} on ${config.host} is already in use; set PORT to another one.`) : error;
  });
  const { port } = server.address() as AddressInfo;
  if (config.port === 0 && !process.env.KOE_PUBLIC_ORIGIN) publicOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  console.log(`Koe receiver listening on ${base}`);
  console.log(`  storage: ${receiver.engine} (${receiver.engine === 'sqlite' ? receiver.dataDir : 'KOE_DATABASE_URL'})`);
  console.log(`  same-origin: ${publicOrigins.join(', ')}; cross-origin: ${config.receiver.allowedOrigins?.length ? config.receiver.allowedOrigins.join(', ') : '(none)'}`);
  console.log(`  POST /api/intake, /api/consent (open to those origins)   GET /api/records, /api/feed, /api/consent-requests (key: read)   POST /api/consent-requests (key: issue)`);
  console.log(`  GET /api/seal-keys (public: the keys that verify seals and receipts)`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    void receiver.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1; // keep running
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    console.error(error instanceof UsageError || (error as { code?: string }).code?.startsWith('KOE_') ? error.message : `koe-receiver: ${error.message}`);
    process.exitCode = 1;
  },
);
