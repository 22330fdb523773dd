/**
 * The local system the bench and the outage tests measure: Amazon's DynamoDB Local, seeded
 * from data/, and the site + API server (`serve.ts`) in its own process, all on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createDocumentClient, type StoreConfig } from '../../functions/src/adapters/dynamo-client';
import { DynamoFiguresRepository } from '../../functions/src/adapters/dynamo-repository';
import { ensureTable } from '../../functions/src/adapters/dynamo-table';
import { seed, type SeedReport } from '../../functions/local/seed';
import { freePort, startDynamoDbLocal } from '../../functions/local/stores';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TABLE_NAME = 'cimade-figures';

export type DynamoDbLocal = Awaited<ReturnType<typeof startDynamoDbLocal>>;

export const storeConfig = (endpoint: string): StoreConfig => ({
  tableName: TABLE_NAME,
  endpoint,
  region: 'eu-west-3',
});

/** DynamoDB Local with the table created and data/ seeded (idempotent: a second call changes nothing). */
export async function startSeededStore(
  options: { port?: number; dbPath?: string } = {},
): Promise<{ store: DynamoDbLocal; seeded: SeedReport }> {
  const store = await startDynamoDbLocal(options);
  const config = storeConfig(store.endpoint);
  await ensureTable(config);
  const seeded = await seed(new DynamoFiguresRepository(createDocumentClient(config), TABLE_NAME));
  return { store, seeded };
}

export interface RunningServer {
  origin: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `serve.ts` in a child process against the store at `endpoint`. */
export async function startServer(
  endpoint: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      TABLE_NAME,
      DYNAMODB_ENDPOINT: endpoint,
      AWS_REGION: 'eu-west-3',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('ready http://')) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          ok();
        });
        child.kill('SIGTERM');
      }),
  };
}
