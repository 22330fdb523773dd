/**
 * Loads data/ into a table: every year of data/figures.csv, validated as a whole before
 * anything is written. Idempotent: a year already there is left as it is (staff may have
 * edited it), so a second run changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseFigureRows } from '../src/core/figure-rows';
import type { FiguresRepository } from '../src/core/repository';
import type { CatalogueRepository } from '../src/core/catalogue-repository';
import { seedCatalogueIfAbsent } from '../src/core/catalogue-editing';
import { seedCatalogue } from '../src/core/reference';

export const DATA_DIR = resolve(import.meta.dirname, '../../data');
export const SEED_AUTHOR = 'seed:data/figures.csv';
export const CATALOGUE_SEED_AUTHOR = 'seed:data/';

export class SeedError extends Error {
  override name = 'SeedError';
}

export interface SeedReport {
  created: number[];
  unchanged: number[];
  /** Whether the catalogue (data/metrics.json, regions.json, countries.json) was published as version 1. */
  catalogue?: 'created' | 'unchanged';
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

/** A store that also holds the catalogue (the DynamoDB repository does). */
const withCatalogue = (repo: FiguresRepository): CatalogueRepository | undefined =>
  'catalogueRepository' in repo && typeof repo.catalogueRepository === 'function'
    ? (repo.catalogueRepository as () => CatalogueRepository)()
    : undefined;

export async function seed(repo: FiguresRepository, file?: string, now = new Date()): Promise<SeedReport> {
  const years = readSeedYears(file);
  const report: SeedReport = { created: [], unchanged: [] };
  // The catalogue first: the years' figures are read against it. Left alone once there.
  const catalogue = withCatalogue(repo);
  if (catalogue)
    report.catalogue = (await seedCatalogueIfAbsent(catalogue, seedCatalogue, CATALOGUE_SEED_AUTHOR, now))
      ? 'created'
      : 'unchanged';
  for (const year of years) {
    const created = await repo.createPublished(year, SEED_AUTHOR, now.toISOString());
    (created ? report.created : report.unchanged).push(year.year);
  }
  return report;
}

export const describeSeed = (r: SeedReport): string =>
  `seed: ${r.created.length} year(s) published${r.created.length ? ` (${r.created.join(', ')})` : ''}, ` +
  `${r.unchanged.length} already present and left unchanged${r.unchanged.length ? ` (${r.unchanged.join(', ')})` : ''}` +
  (r.catalogue
    ? `; catalogue ${r.catalogue === 'created' ? 'published from data/' : 'already present'}`
    : '');
