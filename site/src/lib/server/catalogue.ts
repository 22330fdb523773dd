/**
 * The published catalogue for the site's pages and embeds (issue #16): read from the table at
 * most every CATALOGUE_TTL_MS (5 s by default), never waited on longer than a deadline, and put
 * in force for `$core/reference`'s readers; a hung or failing store answers from the last read,
 * or from `data/`.
 */
import { env } from '$env/dynamic/private';
import { observability } from '$adapters/observability';
import { catalogueReader, type CatalogueRead, type CatalogueReader } from '$core/catalogue-reader';
import { table } from './store';

let reader: CatalogueReader | undefined;

export function publishedCatalogue(): Promise<CatalogueRead> {
  reader ??= catalogueReader(table().catalogueRepository(), {
    ttlMs: Number(env.CATALOGUE_TTL_MS) || 5000,
    timeoutMs: Number(env.CATALOGUE_TIMEOUT_MS) || 300,
    onStoreError: (error) =>
      observability().logger.warn('catalogue store failed; serving the last catalogue read', {
        error: String(error),
      }),
  });
  return reader.current();
}
