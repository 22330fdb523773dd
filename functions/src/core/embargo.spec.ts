import { describe, expect, it } from 'vitest';
import { embargoAuditEntries, embargoSecretFromEnv, embargoState, embargoTimes } from './embargo';
import type { EmbargoLink } from './embargo-repository';

const now = new Date('2026-03-01T10:00:00Z');
const codesAt = (input: { embargoUntil: string; expiresAt: string }) => {
  try {
    embargoTimes(input, now);
    return [];
  } catch (error) {
    return (error as { details: { problems: { path: string }[] } }).details.problems.map((p) => p.path);
  }
};

describe('embargo links', () => {
  it('reads both times on the Paris clock', () => {
    expect(embargoTimes({ embargoUntil: '2026-03-10T10:00', expiresAt: '2026-04-10T10:00' }, now)).toEqual({
      embargoUntil: new Date('2026-03-10T09:00:00Z'),
      expiresAt: new Date('2026-04-10T08:00:00Z'),
    });
  });

  it.each([
    ['not a date', { embargoUntil: 'tomorrow', expiresAt: '2026-03-12T10:00' }, ['embargoUntil']],
    [
      'both past',
      { embargoUntil: '2026-02-10T10:00', expiresAt: '2026-02-12T10:00' },
      ['embargoUntil', 'expiresAt'],
    ],
    [
      'expiry before the embargo',
      { embargoUntil: '2026-03-10T10:00', expiresAt: '2026-03-09T10:00' },
      ['expiresAt'],
    ],
    ['expiry too far', { embargoUntil: '2026-03-10T10:00', expiresAt: '2026-06-10T10:00' }, ['expiresAt']],
  ])('refuses %s, every problem at once', (_, input, paths) => {
    expect(codesAt(input)).toEqual(paths);
  });

  it('says a link’s state and maps it to the audit log', () => {
    const link: EmbargoLink = {
      id: 'x',
      year: 2026,
      embargoUntil: '2026-03-10T09:00:00.000Z',
      expiresAt: '2026-03-12T09:00:00.000Z',
      createdAt: '2026-03-01T10:00:00.000Z',
      createdBy: 'a@example.org',
    };
    const revoked = { ...link, revokedAt: '2026-03-02T10:00:00.000Z', revokedBy: 'b@example.org' };
    expect([
      embargoState(link, now),
      embargoState(link, new Date('2026-03-12T09:00:00Z')),
      embargoState(revoked, now),
    ]).toEqual(['active', 'expired', 'revoked']);
    expect(
      embargoAuditEntries([revoked]).map(({ kind, by, at, subject }) => ({ kind, by, at, subject })),
    ).toEqual([
      {
        kind: 'embargo.create',
        by: 'a@example.org',
        at: link.createdAt,
        subject: { type: 'embargo', year: 2026 },
      },
      {
        kind: 'embargo.revoke',
        by: 'b@example.org',
        at: revoked.revokedAt,
        subject: { type: 'embargo', year: 2026 },
      },
    ]);
  });

  it('wants a secret of 32 characters at least', () => {
    expect(() => embargoSecretFromEnv({})).toThrow(/EMBARGO_SECRET/);
    expect(() => embargoSecretFromEnv({ EMBARGO_SECRET: 'short' })).toThrow(/EMBARGO_SECRET/);
    expect(embargoSecretFromEnv({ EMBARGO_SECRET: 'x'.repeat(32) })).toHaveLength(32);
  });
});
