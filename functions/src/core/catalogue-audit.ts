/**
 * The catalogue's history as lines of the audit log (`audit-entry.ts`): a save, a publication
 * and a restore each become one entry (the seed from `data/` is not a change staff made).
 */
import type { AuditEntry } from './audit-entry';
import type { CatalogueVersion } from './catalogue-repository';

export function catalogueAuditEntries(versions: readonly CatalogueVersion[]): AuditEntry[] {
  return versions.flatMap((v) =>
    v.action === 'seed'
      ? []
      : [
          {
            at: v.savedAt,
            by: v.savedBy,
            kind: `catalogue.${v.action}`,
            subject: { type: 'catalogue' as const },
            version: v.version,
            changes: v.changes,
            ...(v.restoredFrom !== undefined ? { comment: `restored from version ${v.restoredFrom}` } : {}),
          },
        ],
  );
}
