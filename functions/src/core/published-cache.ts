/**
 * Remembers every published year and reads them again only after a publication: each read
 * asks the store for one small item (the publication stamp) instead of every year. Plain
 * TypeScript: no AWS, no HTTP, no Svelte.
 */
import type { FiguresRepository } from './repository';
import type { PublishedYear } from './schema';

/** Moved by every publication, with the year and version it published. */
export interface PublicationStamp {
  stamp: number;
  year?: number;
  version?: number;
}

export interface StampedRepository extends FiguresRepository {
  /** The current stamp, read strongly consistent; `{ stamp: 0 }` before any publication. */
  publicationStamp(): Promise<PublicationStamp>;
}

export interface PublishedCacheOptions {
  /** Read every year again after this long whatever the stamp says (a stamp a write failed to move). @default 60000 */
  maxAgeMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/**
 * True when the years read show the publication the stamp names: an index read just after a
 * publication may not show it yet, and such a list must not be remembered under that stamp.
 */
const shows = (years: readonly PublishedYear[], s: PublicationStamp): boolean =>
  s.year === undefined || years.some((y) => y.year === s.year && y.version >= (s.version ?? 0));

export function publishedCache(
  inner: StampedRepository,
  options: PublishedCacheOptions = {},
): FiguresRepository {
  const { maxAgeMs = 60_000, now = Date.now } = options;
  let cached: { stamp: number; years: PublishedYear[]; at: number } | undefined;

  // The list is handed out frozen: every reader of this process shares it.
  async function listPublished(): Promise<PublishedYear[]> {
    const usable = cached && now() - cached.at < maxAgeMs ? cached : undefined;
    // With nothing to compare (a cold start), the stamp and the years are read together: one
    // round trip, not two. The list is remembered only if it shows the stamp's publication.
    const [stamp, listed] = await Promise.all([
      inner.publicationStamp(),
      usable ? undefined : inner.listPublished(),
    ]);
    if (usable && usable.stamp === stamp.stamp) return usable.years;
    const years = Object.freeze(listed ?? (await inner.listPublished())) as PublishedYear[];
    cached = shows(years, stamp) ? { stamp: stamp.stamp, years, at: now() } : undefined;
    return years;
  }

  return {
    listPublished,
    getPublished: (year) => inner.getPublished(year),
    createPublished: (year, by, at) => inner.createPublished(year, by, at),
  };
}

/**
 * The version of a list of published years, carried by the list itself: each year's published
 * version only grows, and a version of a year is never rewritten (its snapshot is immutable),
 * so two lists with the same versions hold the same figures. What the site's rendered pages
 * are kept under (`site/src/lib/server/page-cache.ts`).
 */
export const snapshotVersion = (years: readonly Pick<PublishedYear, 'year' | 'version'>[]): string =>
  `published:${years.map((y) => `${y.year}v${y.version}`).join(',')}`;
