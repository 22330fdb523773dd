/**
 * Bundles a Lambda entry the way the CDK house construct does (esbuild, ESM, minified, a
 * createRequire banner), to run it in a fresh Node process as Lambda would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '../..');

export async function bundleHandler(entry: string, options: { external?: string[] } = {}): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'bundle-'));
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [resolve(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    external: options.external ?? [],
  });
  return outfile;
}
