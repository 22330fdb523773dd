/**
 * Which published figures were corrected after their first publication, when and why: the
 * « corrigé le … » notes of the pages, embeds, API and exports. A published year keeps its
 * corrections (`PublishedYear.corrections`, written by `publishDraft`); a year corrected
 * before it kept them has them read from its history. Plain TypeScript: no AWS, no HTTP,
 * no Svelte.
 */
import type { Change } from './diff';
import type { EditingRepository, VersionRecord } from './editing-repository';
import type { PublishedYear, StoredCorrection } from './schema';

/** One publication of a year that replaced an earlier publication. */
export interface Correction {
  year: number;
  /** The version this publication made. */
  version: number;
  /** When it was published (ISO 8601). */
  correctedAt: string;
  /** Why, in staff's words (absent on corrections made before reasons were asked). */
  reason?: string;
  /** What it changed against the publication before it; never who did it. */
  changes: Change[];
}

/** The fields of a figure the public never reads (`note` is staff's research note). */
const INTERNAL_FIELDS = new Set(['note']);

/** The changes a reader may see: none to an internal field. */
export const publicChanges = (changes: readonly Change[]): Change[] =>
  changes.filter((c) => !INTERNAL_FIELDS.has(c.field));

/** Corrections as a published year keeps them (the year is the year's own). */
export const storedFrom = (corrections: readonly Correction[]): StoredCorrection[] =>
  corrections.map(({ version, correctedAt, reason, changes }) => ({
    version,
    correctedAt,
    ...(reason !== undefined ? { reason } : {}),
    changes: publicChanges(changes),
  }));

/** A published year's kept corrections, each naming its year. */
export const keptCorrections = (y: Pick<PublishedYear, 'year' | 'corrections'>): Correction[] =>
  (y.corrections ?? []).map((c) => ({ year: y.year, ...c, changes: publicChanges(c.changes) }));

/** The latest correction of a year that touched the metric, if any. */
export function lastCorrectionOf(
  y: Pick<PublishedYear, 'year' | 'corrections'>,
  metric: string,
): Correction | undefined {
  return touching(keptCorrections(y), new Set([metric])).at(-1);
}

const publishes = (r: VersionRecord) => r.action === 'publish' || r.action === 'seed';

/**
 * The corrections in a year's history, oldest first. A year's first publication (a seed or
 * a publish) is not a correction; every publication after it is.
 */
export function correctionsIn(history: readonly VersionRecord[]): Correction[] {
  const published = history.filter(publishes).sort((a, b) => a.version - b.version);
  return published.slice(1).map((r) => ({
    year: r.year,
    version: r.version,
    correctedAt: r.savedAt,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    changes: publicChanges(r.changes),
  }));
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
 * The corrections of the given published years, oldest first. A year that keeps its
 * corrections gives them; history is read only for the others whose published version is
 * above 1 (a year published once has nothing to correct), once per year and version in
 * this process.
 */
export async function listCorrections(
  repo: Pick<EditingRepository, 'listVersions'>,
  years: readonly Pick<PublishedYear, 'year' | 'version' | 'corrections'>[],
): Promise<Correction[]> {
  const kept = years.filter((y) => y.corrections !== undefined).map(keptCorrections);
  const reads = years
    .filter((y) => y.corrections === undefined && y.version > 1)
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
  return [...kept, ...(await Promise.all(reads))]
    .flat()
    .sort((a, b) => a.correctedAt.localeCompare(b.correctedAt) || a.year - b.year);
}

/** Forgets what was read (tests). */
export const clearCorrectionsCache = (): void => cache.clear();
