/**
 * No two modules of the functions import each other, directly or through others (type-only
 * imports included): a cycle makes a module's exports undefined while the other loads, and
 * ties two modules that read as independent.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The modules of this tree a file imports statically (`import … from './x'`, `export … from`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm)].flatMap(
    ([, spec]) => {
      const base = resolve(dirname(file), spec!.replace(/\.js$/, ''));
      const found = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
      return found ? [found] : [];
    },
  );
}

/** Every cycle, each as the chain of files that closes it. */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) return void cycles.push([...path.slice(at), file]);
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of files) visit(file, []);
  return cycles;
}

describe('imports of the functions', () => {
  it('form no cycle', () => {
    const files = sources(ROOT);
    expect(files.length).toBeGreaterThan(20);
    const cycles = importCycles(files).map((c) => c.map((f) => relative(ROOT, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle closed by a type-only import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport const a = 1;\n");
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a.js';\nexport type B = typeof a;\n");
      writeFileSync(join(dir, 'c.ts'), "import { a } from './a';\n");
      const cycles = importCycles(sources(dir)).map((c) => c.map((f) => relative(dir, f)).join(' → '));
      expect(cycles).toEqual(['a.ts → b.ts → a.ts']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
