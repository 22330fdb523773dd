/**
 * Every spec runs in exactly one Vitest project (vitest.config.ts), and the unit project
 * stays unit: none of its specs imports a store, the browser, the local system or the CDK.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SKIP = new Set([
  'node_modules',
  '.svelte-kit',
  'build',
  'cdk.out',
  '.data',
  '.dynamodb-local',
  '.artifacts',
  '.git',
]);

function specsOnDisk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    SKIP.has(e.name)
      ? []
      : e.isDirectory()
        ? specsOnDisk(join(dir, e.name))
        : e.name.endsWith('.spec.ts')
          ? [relative(ROOT, join(dir, e.name))]
          : [],
  );
}

/** What Vitest itself resolves: `vitest list --filesOnly --json`, one row per (project, file). */
function listed(): { file: string; project: string }[] {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'list', '--filesOnly', '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return (JSON.parse(out) as { file: string; projectName: string }[]).map((r) => ({
    file: relative(ROOT, r.file),
    project: r.projectName,
  }));
}

describe('the Vitest projects', () => {
  const rows = listed();
  const disk = ['functions', 'infra', 'site/src', 'test'].flatMap((d) => specsOnDisk(join(ROOT, d))).sort();

  it('hold every spec once', () => {
    const projectsOf = new Map<string, string[]>();
    for (const r of rows) projectsOf.set(r.file, [...(projectsOf.get(r.file) ?? []), r.project]);
    const wrong = disk
      .filter((f) => projectsOf.get(f)?.length !== 1)
      .map((f) => `${f}: ${projectsOf.get(f)?.join(', ') ?? 'no project'}`);
    expect(wrong).toEqual([]);
    expect([...projectsOf.keys()].sort()).toEqual(disk);
  });

  it('are unit, stores, browser and infra', () => {
    expect(new Set(rows.map((r) => r.project))).toEqual(new Set(['unit', 'stores', 'browser', 'infra']));
  });

  it('keep stores, Chromium, the local system and aws-cdk-lib out of unit', () => {
    const heavy =
      /from '[^']*(aws-cdk-lib|playwright-core|support\/(browser|stores|system)|local\/(stores|start|server)|infra\/lib\/[^']*)'/;
    const offenders = rows
      .filter((r) => r.project === 'unit' && heavy.test(readFileSync(join(ROOT, r.file), 'utf8')))
      .map((r) => r.file);
    expect(offenders).toEqual([]);
  });
});
