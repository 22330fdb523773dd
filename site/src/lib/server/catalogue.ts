/**
 * The published catalogue for the site's pages and embeds (issue #16): its version (a small item)
 * checked on each request, or every CATALOGUE_TTL_MS, the whole catalogue read again only when it
 * moved; never waited on longer than a deadline (CATALOGUE_TIMEOUT_MS, 300 ms); put
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
    ttlMs: Number(env.CATALOGUE_TTL_MS) || 0,
    timeoutMs: Number(env.CATALOGUE_TIMEOUT_MS) || 300,
    onStoreError: (error) =>
      observability().logger.warn('catalogue store failed; serving the last catalogue read', {
        error: String(error),
      }),
  });
  return reader.current();
}
