// Picks the engine: PostgreSQL when a postgres:// URL is given, else SQLite under the data dir.
// The drivers are optional dependencies, loaded only when used, so a front-end install of koe-widgets
// never needs them (better-sqlite3 compiles native code); a missing one gets a message saying what to do.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type * as PG from 'pg';
import type { Storage } from '../store.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';

const require = createRequire(import.meta.url);

export class MissingDriverError extends Error {
  readonly code = 'KOE_MISSING_DRIVER';
}

function load<T>(name: string, why: string): T {
  try {
    return require(name) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new MissingDriverError(`The receiver needs the "${name}" package ${why}, and it is not installed. ${INSTALL_HINT[name] ?? `Run: npm install ${name}`}`);
  }
}

const INSTALL_HINT: Record<string, string> = {
  'better-sqlite3':
    'It is an optional dependency of koe-widgets that compiles native code: run `npm install better-sqlite3@12` (needs python3, make and a C++ compiler ' +
    'when no prebuilt binary is available; with npm 11 also `npm install-scripts approve better-sqlite3`), or use PostgreSQL with KOE_DATABASE_URL=postgres://….',
  pg: 'Run: npm install pg@8',
};

const loadSqliteDriver = () => load<typeof BetterSqlite3>('better-sqlite3', 'for SQLite storage (the default)');
const loadPostgresDriver = () => load<typeof PG>('pg', 'for KOE_DATABASE_URL=postgres://…');

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export interface OpenedStorage {
  /** Resolves once migrations have run. */
  storage: Promise<Storage>;
  /** Held while serving on SQLite; undefined on PostgreSQL or for CLI commands. */
  lock?: DataDirLock;
}

/**
 * `serve: true` takes the data-dir lock first (synchronously: a refusal throws before anything is read).
 * CLI commands (keys, import) pass false: SQLite lets them write beside a running receiver.
 */
export function openStorage(options: { dataDir: string; databaseUrl?: string; serve: boolean; poolSize?: number }): OpenedStorage {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '' && !isPostgresUrl(options.databaseUrl)) {
    throw new Error(`KOE_DATABASE_URL must start with postgres:// or postgresql:// (got a URL with another scheme); leave it unset for SQLite under KOE_DATA_DIR.`);
  }
  if (isPostgresUrl(options.databaseUrl)) {
    return { storage: openPostgres(options.databaseUrl, loadPostgresDriver(), options.poolSize) };
  }
  const Driver = loadSqliteDriver();
  const lock = options.serve ? lockDataDir(options.dataDir, Driver) : undefined;
  try {
    return { storage: Promise.resolve(openSqlite(options.dataDir, Driver)), ...(lock ? { lock } : {}) };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
