// One receiver per SQLite data dir. The lock is an exclusive SQLite lock on a separate file (receiver.lock),
// i.e. an fcntl(2) record lock on POSIX and LockFileEx on Windows: the kernel drops it when the process exits
// in any way, kill -9 included, so there is never a stale lock to clean up, and taking it reads nothing else
// in the directory. A pid/port note beside it only makes the refusal message helpful; nothing trusts it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

export class DataDirLockedError extends Error {
  readonly code = 'KOE_DATA_DIR_LOCKED';
}

export interface DataDirLock {
  /** Records who holds the lock (pid, and the address once listening) for a second receiver's message. */
  note(details: Record<string, unknown>): void;
  release(): void;
}

export function lockDataDir(dataDir: string, Database: typeof BetterSqlite3): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'receiver.lock');
  const noteFile = join(dataDir, 'receiver.lock.json');
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // An open exclusive transaction holds the lock for as long as this connection lives.
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new DataDirLockedError(
      `Another Koe receiver is already using the data dir ${dataDir}${holder(noteFile)}. ` +
        'Only one receiver may use a SQLite data dir; nothing was read or changed. Stop the other one, ' +
        'or give this one its own KOE_DATA_DIR (or share a PostgreSQL database with KOE_DATABASE_URL).',
    );
  }
  const note = (details: Record<string, unknown>) => writeFileSync(noteFile, JSON.stringify({ pid: process.pid, ...details }) + '\n');
  note({ since: new Date().toISOString() });
  return {
    note,
    release() {
      if (!db.open) return;
      rmSync(noteFile, { force: true });
      db.close();
    },
  };
}

function holder(noteFile: string): string {
  try {
    const { pid, address } = JSON.parse(readFileSync(noteFile, 'utf8')) as { pid?: number; address?: string };
    return ` (pid ${pid ?? '?'}${address ? `, ${address}` : ''})`;
  } catch {
    return '';
  }
}
