/**
 * DynamoDB-compatible stores that run on this machine: dynalite (pure JS, in-process, the
 * embedded default) and Amazon's DynamoDB Local (a Java process, the fidelity check).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import dynalite from 'dynalite';

export interface RunningStore {
  kind: 'dynalite' | 'dynamodb-local';
  endpoint: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => ok(port));
    });
  });
}

/** Starts dynalite on loopback; with `path`, data lives on disk (LevelDB) across restarts. */
export async function startDynalite(options: { path?: string; port?: number } = {}): Promise<RunningStore> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const port = options.port ?? (await freePort());
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  return {
    kind: 'dynalite',
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Where `npm test` (and `npm run dynamodb-local:install`) unpack DynamoDB Local. */
export const DYNAMODB_LOCAL_DIR = resolve(process.env.DYNAMODB_LOCAL_DIR ?? '.dynamodb-local/emulator');

export const dynamoDbLocalAvailable = (): boolean =>
  existsSync(join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal.jar'));

/** Starts Amazon's DynamoDB Local in memory, or on disk with `dbPath`; resolves when it answers. */
export async function startDynamoDbLocal(
  options: { port?: number; dbPath?: string } = {},
): Promise<RunningStore & { process: ChildProcess }> {
  if (!dynamoDbLocalAvailable())
    throw new Error(
      `DynamoDB Local is not installed in ${DYNAMODB_LOCAL_DIR}: run \`npm run dynamodb-local:install\``,
    );
  const port = options.port ?? (await freePort());
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory'];
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal.jar'),
      ...storage,
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output}`);
    try {
      await fetch(endpoint, { method: 'POST' });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  if (Date.now() >= deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${output}`);
  return {
    kind: 'dynamodb-local',
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
