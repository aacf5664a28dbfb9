// Append-only JSON Lines file: each append is written and fsync'd before it resolves, one at a time.
import { existsSync, openSync, closeSync, ftruncateSync, readFileSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export class JsonlFile<T> {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  /** Reads every complete line synchronously (used at start-up); drops a torn last line left by a crash. */
  loadSync(): T[] {
    if (!existsSync(this.path)) return [];
    const text = readFileSync(this.path, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end < Buffer.byteLength(text)) {
      // The torn tail was never acknowledged (we answer only after fsync), so it is safe to cut.
      const fd = openSync(this.path, 'r+');
      try {
        ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
      } finally {
        closeSync(fd);
      }
    }
    return parseLines<T>(text.slice(0, end));
  }

  /** Reads every complete line. */
  async readAll(): Promise<T[]> {
    await this.chain.catch(() => undefined);
    try {
      return parseLines<T>(await readFile(this.path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Appends one line and fsyncs it; appends to the same file are serialized. */
  append(value: T): Promise<void> {
    const line = JSON.stringify(value) + '\n';
    const run = this.chain.catch(() => undefined).then(() => this.write(line));
    this.chain = run;
    return run;
  }

  /** Waits for pending appends, then deletes the file. */
  async remove(): Promise<void> {
    const run = this.chain.catch(() => undefined).then(() => rm(this.path, { force: true }));
    this.chain = run;
    await run;
  }

  /** Resolves once every append queued so far has settled. */
  async idle(): Promise<void> {
    await this.chain.catch(() => undefined);
  }

  private async write(line: string): Promise<void> {
    const dir = dirname(this.path);
    const created = !existsSync(this.path);
    if (created) await mkdir(dir, { recursive: true });
    const file = await open(this.path, 'a', 0o600);
    try {
      await file.write(line);
      await file.sync();
    } finally {
      await file.close();
    }
    if (created) await syncDirectory(dir);
  }
}

function parseLines<T>(text: string): T[] {
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      console.warn(`[koe-receiver] skipped an unreadable line in the data store`);
    }
  }
  return out;
}

// A new file's directory entry must be fsync'd too, or the file itself can vanish after a power cut.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the data itself is already synced.
  }
}
