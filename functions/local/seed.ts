/**
 * Loads data/ into a table: every year of data/figures.csv, validated as a whole before
 * anything is written. Idempotent: a year already there is left as it is (staff may have
 * edited it), so a second run changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseFigureRows } from '../src/core/figure-rows';
import type { FiguresRepository } from '../src/core/repository';

export const DATA_DIR = resolve(import.meta.dirname, '../../data');
export const SEED_AUTHOR = 'seed:data/figures.csv';

export class SeedError extends Error {
  override name = 'SeedError';
}

export interface SeedReport {
  created: number[];
  unchanged: number[];
}

export function readSeedYears(file = join(DATA_DIR, 'figures.csv')) {
  const { years, problems } = parseFigureRows(readFileSync(file, 'utf8'));
  if (problems.length) {
    const where = relative(process.cwd(), file) || file;
    const lines = problems.map((p) => `  ${where}:${p.row} column "${p.column}": ${p.message}`);
    throw new SeedError(
      `${problems.length} problem(s) in ${where}; nothing was written:\n${lines.join('\n')}`,
    );
  }
  return years;
}

export async function seed(repo: FiguresRepository, file?: string, now = new Date()): Promise<SeedReport> {
  const years = readSeedYears(file);
  const report: SeedReport = { created: [], unchanged: [] };
  for (const year of years) {
    const created = await repo.createPublished(year, SEED_AUTHOR, now.toISOString());
    (created ? report.created : report.unchanged).push(year.year);
  }
  return report;
}

export const describeSeed = (r: SeedReport): string =>
  `seed: ${r.created.length} year(s) published${r.created.length ? ` (${r.created.join(', ')})` : ''}, ` +
  `${r.unchanged.length} already present and left unchanged${r.unchanged.length ? ` (${r.unchanged.join(', ')})` : ''}`;
