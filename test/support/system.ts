/**
 * Starts the whole local system (`functions/local/start.ts`, as `npm start` does after the
 * build) in a child process on a free port with its own data folder, for cross-package
 * tests. The site must be built first (`npm test` builds it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../functions/local/stores';

export interface RunningSystem {
  origin: string;
  dataDir: string;
  output: () => string;
  /** Stops the process; keeps the data folder unless `clean` is set. */
  stop(options?: { clean?: boolean }): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

export async function startSystem(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningSystem> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cimade-system-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!output.includes(`${origin}/`)) {
    if (child.exitCode !== null) throw new Error(`the local system exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the local system did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    dataDir,
    output: () => output,
    stop: async ({ clean = false } = {}) => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (clean) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
