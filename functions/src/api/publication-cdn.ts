/**
 * After a publication (a year's, the catalogue's): the CDN is told that everything changed. A
 * CDN that cannot be told never undoes nor fails the publication: it is logged, counted
 * (`CdnInvalidationFailures`, alarmed in infra/lib/monitoring.ts) and said in the answer.
 */
import {
  CDN_NOT_INVALIDATED,
  PUBLISHED_PATHS,
  type CdnInvalidator,
  type PublicationWarning,
} from '../core/cdn';
import { observability } from '../adapters/observability';

export async function invalidatePublished(
  cdn: CdnInvalidator,
  failed: () => void,
  what: Record<string, unknown>,
): Promise<PublicationWarning[]> {
  try {
    await cdn.invalidate(PUBLISHED_PATHS);
    return [];
  } catch (error) {
    observability().logger.error('cdn invalidation failed after a publication', { error, ...what });
    failed();
    return [CDN_NOT_INVALIDATED];
  }
}
