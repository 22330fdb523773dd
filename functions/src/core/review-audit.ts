/**
 * A year's review steps as audit entries (audit-entry.ts): `year.submit`, `year.send-back`,
 * `year.approve` (scheduled, with its time), `year.reschedule`, `year.unschedule`, and a
 * scheduled publication as `year.publish-scheduled`. The lead's audit log merges these with the
 * other sources; other history entries (save, publish, …) are not the review's to map.
 */
import type { AuditEntry } from './audit-entry';
import { REVIEW_ACTIONS, type VersionRecord } from './editing-repository';

export function reviewAuditEntries(records: readonly VersionRecord[]): AuditEntry[] {
  return records.flatMap((r): AuditEntry[] => {
    const subject = { type: 'year' as const, year: r.year };
    const base = { at: r.savedAt, by: r.savedBy, subject, version: r.version };
    if (r.action === 'publish' && r.scheduledFor)
      return [{ ...base, kind: 'year.publish-scheduled', comment: `scheduled for ${r.scheduledFor}` }];
    if (!REVIEW_ACTIONS.includes(r.action as never)) return [];
    const comment =
      r.review?.comment ??
      (r.review?.status === 'scheduled' && r.review.publishAt ? `for ${r.review.publishAt}` : undefined);
    return [{ ...base, kind: `year.${r.action}`, ...(comment ? { comment } : {}) }];
  });
}
