import { describe, expect, it } from 'vitest';
import type { VersionRecord } from './editing-repository';
import { reviewAuditEntries } from './review-audit';

const rec = (
  version: number,
  action: VersionRecord['action'],
  extra: Partial<VersionRecord> = {},
): VersionRecord => ({
  year: 2026,
  version,
  action,
  figures: [],
  savedAt: `2026-11-26T12:00:0${version}Z`,
  savedBy: version % 2 ? 'editor@example.org' : 'publisher@example.org',
  changes: [],
  ...extra,
});

describe('the review steps as audit entries', () => {
  it('maps each review step, with its comment or time, and a scheduled publication; not the other entries', () => {
    expect(
      reviewAuditEntries([
        rec(1, 'save'),
        rec(2, 'submit', { review: { status: 'submitted', comment: 'Rapport' } }),
        rec(3, 'send-back', { review: { status: 'sent-back', comment: 'Source ?' } }),
        rec(4, 'approve', { review: { status: 'scheduled', publishAt: '2026-12-01T08:00:00.000Z' } }),
        rec(5, 'publish', { scheduledFor: '2026-12-01T08:00:00.000Z' }),
        rec(6, 'publish'),
      ]).map((e) => [e.kind, e.version, e.by, e.comment]),
    ).toEqual([
      ['year.submit', 2, 'publisher@example.org', 'Rapport'],
      ['year.send-back', 3, 'editor@example.org', 'Source ?'],
      ['year.approve', 4, 'publisher@example.org', 'for 2026-12-01T08:00:00.000Z'],
      ['year.publish-scheduled', 5, 'editor@example.org', 'scheduled for 2026-12-01T08:00:00.000Z'],
    ]);
  });
});
