/**
 * The published catalogue for readers (site, public API, embeds, admin validation of years),
 * without a deploy or a restart: the store is asked at most once per `ttlMs` (by default on every
 * read) for the published version, a small item, and for the whole catalogue only when that
 * version moved; the catalogue is put in force in this process (`applyCatalogue`) and never
 * waited on for long. A read slower than `timeoutMs`
 * or failing answers at once with the last catalogue read (or `data/`'s, when none was), and the
 * store is left alone for `cooldownMs`; a late answer still refreshes memory. Plain TypeScript.
 */
import type { CatalogueHead } from './catalogue-repository';
import { applyCatalogue, seedCatalogue } from './reference';
import type { Catalogue } from './reference-schema';

export interface PublishedCatalogueSource {
  getPublishedCatalogue(): Promise<CatalogueHead | undefined>;
  /** The published version alone; the whole catalogue is read when absent. */
  publishedCatalogueVersion?(): Promise<number | undefined>;
}

export interface CatalogueReaderOptions {
  /**
   * How long a catalogue read is used without asking the store again. At 0 every read checks the
   * published version, so that an answer rendered after a publication (and its CDN invalidation)
   * shows it. @default 0
   */
  ttlMs?: number;
  /** Longest wait for the store. @default 300 */
  timeoutMs?: number;
  /** After a failure or a time-out, the store is not asked for this long. @default 5000 */
  cooldownMs?: number;
  onStoreError?: (error: unknown) => void;
  /** @default Date.now */
  now?: () => number;
}

export interface CatalogueRead {
  catalogue: Catalogue;
  /** The published version; 0 for `data/`'s own (a table never seeded, or never read). */
  version: number;
  /** True when the store failed or was too slow and this is an earlier read (or `data/`). */
  stale: boolean;
}

export interface CatalogueReader {
  /** The catalogue in force, refreshed from the store when due; puts it in force in this process. */
  current(): Promise<CatalogueRead>;
  /** Takes a catalogue this process has just published as the last read (no wait for the next). */
  prime(head: CatalogueHead): void;
}

export function catalogueReader(
  source: PublishedCatalogueSource,
  options: CatalogueReaderOptions = {},
): CatalogueReader {
  const { ttlMs = 0, timeoutMs = 300, cooldownMs = 5000, onStoreError, now = Date.now } = options;
  let last: { catalogue: Catalogue; version: number; at: number } | undefined;
  let skipUntil = 0;
  let flight: Promise<void> | undefined;

  const remember = (head: CatalogueHead | undefined) => {
    last = head
      ? { catalogue: head.catalogue, version: head.version, at: now() }
      : { catalogue: seedCatalogue, version: 0, at: now() };
    applyCatalogue(last.catalogue);
    skipUntil = 0;
  };
  const failed = (error: unknown) => {
    skipUntil = now() + cooldownMs;
    onStoreError?.(error);
  };
  const fallback = (): CatalogueRead => {
    const known = last ?? { catalogue: seedCatalogue, version: 0 };
    applyCatalogue(known.catalogue);
    return { catalogue: known.catalogue, version: known.version, stale: true };
  };

  async function load(): Promise<CatalogueHead | undefined> {
    const version = await source.publishedCatalogueVersion?.();
    if (last && version !== undefined && version === last.version)
      return { version, catalogue: last.catalogue, at: '', by: '' };
    return source.getPublishedCatalogue();
  }

  return {
    prime: remember,
    async current() {
      if (last && now() - last.at < ttlMs) {
        applyCatalogue(last.catalogue);
        return { catalogue: last.catalogue, version: last.version, stale: false };
      }
      if (now() < skipUntil) return fallback();
      // One flight at a time: concurrent readers share it rather than pile onto a slow store.
      flight ??= load()
        .then(remember, failed)
        .finally(() => (flight = undefined));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<'late'>(
        (resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)),
      );
      const outcome = await Promise.race([flight.then(() => 'done' as const), deadline]);
      clearTimeout(timer);
      if (outcome === 'late') {
        skipUntil = now() + cooldownMs;
        onStoreError?.(new Error(`the catalogue store did not answer within ${timeoutMs} ms`));
        return fallback();
      }
      if (!last || now() < skipUntil) return fallback();
      return { catalogue: last.catalogue, version: last.version, stale: false };
    },
  };
}
