/**
 * Each Lambda entry (functions/src/handlers/*.ts) bundled the way the CDK NodejsFunction does
 * (esbuild, minified, node22, CommonJS for the APIs and ESM for the site), then timed cold: a fresh Node process
 * imports the bundle and serves one request.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { RUNTIME_SDK } from '../../infra/lib/runtime-sdk';
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
const EXTERNAL = ['@resvg/resvg-js', 'subset-font', ...RUNTIME_SDK];

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

export async function bundleHandlers(outDir: string): Promise<Bundle[]> {
  mkdirSync(outDir, { recursive: true });
  const dir = join(ROOT, 'functions/src/handlers');
  const entries = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'));
  const bundles: Bundle[] = [];
  for (const entry of entries.sort()) {
    const name = basename(entry, '.ts');
    // As infra/lib/house-function.ts: CommonJS, but ES modules for the SvelteKit functions.
    const esm = name === 'site-server' || name === 'press-server';
    const file = join(outDir, `${name}.${esm ? 'mjs' : 'cjs'}`);
    const result = await build({
      entryPoints: [join(dir, entry)],
      outfile: file,
      bundle: true,
      minify: true,
      format: esm ? 'esm' : 'cjs',
      platform: 'node',
      target: 'node22',
      mainFields: ['module', 'main'],
      external: EXTERNAL,
      ...(esm ? { banner: { js: "import { createRequire as __bc } from 'node:module'; const require = __bc(import.meta.url);" } } : {}),
      metafile: true,
      logLevel: 'error',
    });
    bundles.push({ name, file, bytes: statSync(file).size, top: contributors(result.metafile) });
  }
  return bundles;
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
};

export interface ColdStart {
  medianMs: number;
  importMs: number;
  status: number | string;
}

export function coldStart(bundle: Bundle, env: Record<string, string>, runs: number): ColdStart {
  const path = FIRST_REQUEST[bundle.name] ?? '/api/v1/admin/years';
  const event = JSON.stringify(httpEvent(path, { host: '127.0.0.1' }));
  const samples: { totalMs: number; importMs: number; status: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [join(ROOT, 'test/bench/cold-start.mjs'), bundle.file, event], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    samples.push(JSON.parse(out.trim().split('\n').at(-1)!));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { medianMs: median(samples.map((s) => s.totalMs)), importMs: median(samples.map((s) => s.importMs)), status: samples[0]!.status };
}
