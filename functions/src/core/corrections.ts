/**
 * Which published figures were corrected after their first publication, and when: the
 * « corrigé le … » note of a chart. Read-only, from the history the editing use cases
 * write. Plain TypeScript: no AWS, no HTTP, no Svelte.
 */
import type { Change } from './diff';
import type { EditingRepository, VersionRecord } from './editing-repository';
import type { PublishedYear } from './schema';

/** One publication of a year that replaced an earlier publication. */
export interface Correction {
  year: number;
  /** The version this publication made. */
  version: number;
  /** When it was published (ISO 8601). */
  correctedAt: string;
  /** What it changed against the publication before it; never who did it. */
  changes: Change[];
}

const publishes = (r: VersionRecord) => r.action === 'publish' || r.action === 'seed';

/**
 * The corrections in a year's history, oldest first. A year's first publication (a seed or
 * a publish) is not a correction; every publication after it is.
 */
export function correctionsIn(history: readonly VersionRecord[]): Correction[] {
  const published = history.filter(publishes).sort((a, b) => a.version - b.version);
  return published
    .slice(1)
    .map((r) => ({ year: r.year, version: r.version, correctedAt: r.savedAt, changes: r.changes }));
}

/**
 * Only the changes to the given metric keys, as the public reads them: a change of a figure's
 * research `note` is not one (notes are never shown in public). Corrections left with none are dropped.
 */
export function touching(corrections: readonly Correction[], keys: ReadonlySet<string>): Correction[] {
  return corrections
    .map((c) => ({
      ...c,
      changes: c.changes.filter((ch) => keys.has(ch.metric) && ch.field !== 'note'),
    }))
    .filter((c) => c.changes.length > 0);
}

/** A year's published version only grows, so what was read for a version never goes stale. */
const cache = new Map<string, Promise<Correction[]>>();
const MAX_CACHED = 500;

/**
 * The corrections of the given published years, oldest first. Reads history only for years
 * whose published version is above 1 (a year published once has nothing to correct), and
 * once per year and version in this process.
 */
export async function listCorrections(
  repo: Pick<EditingRepository, 'listVersions'>,
  years: readonly Pick<PublishedYear, 'year' | 'version'>[],
): Promise<Correction[]> {
  const reads = years
    .filter((y) => y.version > 1)
    .map((y) => {
      const key = `${y.year}:${y.version}`;
      let read = cache.get(key);
      if (!read) {
        read = repo.listVersions(y.year).then(
          (history) => correctionsIn(history.filter((r) => r.version <= y.version)),
          (error: unknown) => {
            cache.delete(key);
            throw error;
          },
        );
        if (cache.size >= MAX_CACHED) cache.clear();
        cache.set(key, read);
      }
      return read;
    });
  return (await Promise.all(reads))
    .flat()
    .sort((a, b) => a.correctedAt.localeCompare(b.correctedAt) || a.year - b.year);
}

/** Forgets what was read (tests). */
export const clearCorrectionsCache = (): void => cache.clear();
