// Receiver processes for tests that need real ones: `koe-receiver` (from source, through tsx) and its commands.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', 'src/server/cli.ts'];

export interface ReceiverProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends SIGKILL and waits until it is gone. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `koe-receiver` on a free port; resolves once it listens. No rate limit unless `env` sets one.
 * `fileSizeLimit`: the largest file, in bytes, it may write (RLIMIT_FSIZE, through util-linux's prlimit): a write past
 * it fails as a failing disk's does, with EFBIG.
 */
export async function spawnReceiver(env: Record<string, string>, { fileSizeLimit }: { fileSizeLimit?: number } = {}): Promise<ReceiverProcess> {
  if (fileSizeLimit !== undefined && spawnSync('prlimit', ['--version']).error) {
    throw new Error('This test limits the receiver\'s file size with prlimit, from util-linux: sudo apt-get install -y util-linux');
  }
  const command = fileSizeLimit === undefined ? [process.execPath, ...CLI] : ['prlimit', `--fsize=${fileSizeLimit}`, process.execPath, ...CLI];
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, PORT: '0', KOE_RATE_LIMIT: 'off', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`koe-receiver exited with ${code} before listening:\n${out}`)));
  });
  const exited = once(child, 'exit');
  return {
    child,
    url,
    output: () => out,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs `koe-receiver <args>` to the end. */
export async function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

/** The key `koe-receiver keys create` printed on its last line. */
export function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1)!.trim();
}
