/**
 * The review's staff routes against both real local stores: who may take which step (role ×
 * route), four eyes (403 FOUR_EYES), the scheduler and the notifier each step drives, and a
 * schedule dropped when the draft changes after approval.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApp, reviewDeps } from '../../functions/src/api/admin-app';
import { runSchedule } from '../../functions/src/api/admin-review';
import type { SigningKey } from '../../functions/local/issuer';
import type { RunningStore } from '../../functions/local/stores';
import { toParisWallClock } from '../../functions/src/core/paris-time';
import { dueSchedules } from '../../functions/src/core/review';
import type { Notice, ScheduledPublication } from '../../functions/src/core/review-ports';
import { isSchedulePayload, schedulePayload } from '../../functions/src/core/review-ports';
import { figure } from '../support/fixtures';
import { STORE_KINDS, freshTable, startStore, type TestTable } from '../support/stores';
import { authFor, editorToken, publisherToken, testKey } from '../support/tokens';

const YEAR = 2026;
const T0 = Date.parse('2026-11-26T12:00:00Z');

describe.each(STORE_KINDS)('the review routes on %s', (kind) => {
  let store: RunningStore;
  let key: SigningKey;
  let t: TestTable;
  let tokens: Record<'editor' | 'publisher' | 'second', string>;
  let now: number;
  let notices: Notice[];
  let schedules: Map<number, ScheduledPublication>;
  let invalidations: string[][];
  let admin: ReturnType<typeof createAdminApp>;
  let deps: Parameters<typeof createAdminApp>[0];

  beforeAll(async () => {
    store = await startStore(kind);
    key = await testKey();
    tokens = {
      editor: await editorToken(key),
      publisher: await publisherToken(key),
      second: await publisherToken(key, 'second@example.org'),
    };
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    t = await freshTable(store);
    now = T0;
    notices = [];
    schedules = new Map();
    invalidations = [];
    deps = {
      repo: t.repo,
      auth: authFor(key),
      cdn: { invalidate: async (p) => void invalidations.push(p) },
      audit: () => {},
      count: () => {},
      clock: () => new Date(now),
      notifier: { notify: async (n) => void notices.push(n) },
      scheduler: {
        set: async (s) => void schedules.set(s.year, s),
        cancel: async (y) => void schedules.delete(y),
      },
    };
    admin = createAdminApp(deps);
  });

  const call = async (who: keyof typeof tokens, method: string, path: string, body?: unknown) => {
    const res = await admin.request(`/api/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read field by field
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const paris = (seconds: number) => toParisWallClock(new Date(now + seconds * 1000));
  const draft = (who: keyof typeof tokens, baseVersion: number, value: number) =>
    call(who, 'PUT', `/years/${YEAR}/draft`, { baseVersion, figures: [figure('volunteers', value)] });
  const state = async () => (await call('editor', 'GET', `/years/${YEAR}`)).body;

  it.each([
    // [who, route, body, status, code] on a draft the editor saved (version 1), then submitted (version 2)
    ['editor', 'POST', '/approve', { baseVersion: 2 }, 403, 'FORBIDDEN'],
    ['editor', 'POST', '/publish', { baseVersion: 2 }, 403, 'FORBIDDEN'],
    ['editor', 'POST', '/approve', { baseVersion: 2, publishAt: 'later' }, 400, 'VALIDATION_FAILED'],
    ['editor', 'POST', '/send-back', { baseVersion: 2, comment: 'Non' }, 403, 'FORBIDDEN'],
    ['editor', 'PUT', '/schedule', { baseVersion: 2, publishAt: '2026-12-24T10:00' }, 403, 'FORBIDDEN'],
    ['editor', 'DELETE', '/schedule', { baseVersion: 2 }, 409, 'REVIEW_STATE'],
    ['editor', 'POST', '/submit', { baseVersion: 2 }, 409, 'REVIEW_STATE'],
    ['publisher', 'POST', '/submit', { baseVersion: 1 }, 409, 'VERSION_CONFLICT'],
    ['publisher', 'POST', '/send-back', { baseVersion: 2, comment: '' }, 400, 'VALIDATION_FAILED'],
    ['publisher', 'POST', '/send-back', { baseVersion: 2, comment: 'La source manque' }, 200, undefined],
    [
      'publisher',
      'POST',
      '/approve',
      { baseVersion: 2, publishAt: '2026-11-26T12:00' },
      400,
      'VALIDATION_FAILED',
    ],
    ['publisher', 'POST', '/approve', { baseVersion: 2, publishAt: '2026-12-24T10:00' }, 200, undefined],
    ['publisher', 'POST', '/approve', { baseVersion: 2 }, 200, undefined],
    ['publisher', 'POST', '/publish', { baseVersion: 2 }, 200, undefined],
  ] as const)('%s %s %s %j → %i %s', async (who, method, route, body, status, code) => {
    expect((await draft('editor', 0, 2900)).status).toBe(200);
    expect((await call('editor', 'POST', `/years/${YEAR}/submit`, { baseVersion: 1 })).status).toBe(200);
    const res = await call(who, method, `/years/${YEAR}${route}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (code) expect(res.body.code).toBe(code);
  });

  it('four eyes: a publisher who made the last change can neither approve nor publish it (403 FOUR_EYES)', async () => {
    await draft('editor', 0, 2900);
    await draft('publisher', 1, 2950); // the publisher's own change
    for (const [route, body] of [
      ['/publish', { baseVersion: 2 }],
      ['/approve', { baseVersion: 2 }],
      ['/approve', { baseVersion: 2, publishAt: paris(60) }],
    ] as const) {
      const res = await call('publisher', 'POST', `/years/${YEAR}${route}`, body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FOUR_EYES');
    }
    expect(invalidations).toEqual([]);
    // Someone else may.
    expect((await call('second', 'POST', `/years/${YEAR}/approve`, { baseVersion: 2 })).status).toBe(200);
    expect(invalidations).toEqual([['/*']]);
    expect(notices.at(-1)).toEqual({
      kind: 'published',
      year: YEAR,
      by: 'second@example.org',
      author: 'publisher@example.org',
    });
  });

  it('tells publishers of a submission and the author of a send-back, with its comment', async () => {
    await draft('editor', 0, 2900);
    await call('editor', 'POST', `/years/${YEAR}/submit`, { baseVersion: 1, comment: 'Rapport 2026' });
    await call('publisher', 'POST', `/years/${YEAR}/send-back`, {
      baseVersion: 2,
      comment: 'La source manque',
    });
    expect(notices).toEqual([
      { kind: 'submitted', year: YEAR, by: 'editor@example.org', comment: 'Rapport 2026' },
      {
        kind: 'sent-back',
        year: YEAR,
        by: 'publisher@example.org',
        comment: 'La source manque',
        author: 'editor@example.org',
      },
    ]);
    const listed = (await call('editor', 'GET', '/years')).body.years.find(
      (y: { year: number }) => y.year === YEAR,
    );
    expect(listed.draft.review).toMatchObject({ status: 'sent-back', comment: 'La source manque' });
  });

  it('schedules, moves, runs at the time through the schedule payload, and invalidates the CDN', async () => {
    await draft('editor', 0, 2900);
    const approved = await call('publisher', 'POST', `/years/${YEAR}/approve`, {
      baseVersion: 1,
      publishAt: paris(30),
    });
    expect(approved.body.record).toMatchObject({ version: 2, action: 'approve' });
    expect(schedules.get(YEAR)).toEqual({ year: YEAR, version: 2, publishAt: new Date(now + 30_000) });
    const moved = await call('second', 'PUT', `/years/${YEAR}/schedule`, {
      baseVersion: 2,
      publishAt: paris(60),
    });
    expect(moved.status).toBe(200);
    expect(schedules.get(YEAR)).toEqual({ year: YEAR, version: 3, publishAt: new Date(now + 60_000) });
    const payload = schedulePayload(schedules.get(YEAR)!);
    expect(isSchedulePayload(payload)).toBe(true);
    expect(isSchedulePayload({ version: '2.0', routeKey: '$default', rawPath: '/' })).toBe(false);
    const lines: Record<string, unknown>[] = [];
    now += 60_000;
    const outcome = await runSchedule(reviewDeps(deps), payload, (l) => void lines.push(l));
    expect(outcome.outcome).toBe('published');
    expect((await state()).published).toMatchObject({ version: 4, publishedBy: 'second@example.org' });
    expect(invalidations).toEqual([['/*']]);
    expect(lines).toMatchObject([
      { action: 'SCHEDULE publish', year: YEAR, result: 'published', versionAfter: 4 },
    ]);
    expect(notices.at(-1)).toMatchObject({
      kind: 'published',
      author: 'editor@example.org',
      scheduledFor: new Date(now).toISOString(),
    });
  });

  it('drops the schedule when the draft changes after approval, and tells staff', async () => {
    await draft('editor', 0, 2900);
    await call('publisher', 'POST', `/years/${YEAR}/approve`, { baseVersion: 1, publishAt: paris(30) });
    const payload = schedulePayload(schedules.get(YEAR)!);
    expect((await draft('editor', 2, 3000)).status).toBe(200);
    expect(schedules.has(YEAR)).toBe(false);
    expect(notices.at(-1)).toEqual({
      kind: 'schedule-dropped',
      year: YEAR,
      by: 'editor@example.org',
      approvedBy: 'publisher@example.org',
      publishAt: new Date(now + 30_000).toISOString(),
    });
    expect((await state()).draft.review).toMatchObject({
      status: 'drafting',
      dropped: { approvedBy: 'publisher@example.org' },
    });
    now += 30_000;
    expect((await runSchedule(reviewDeps(deps), payload, () => {})).outcome).toBe('stale');
    expect((await state()).published).toBeUndefined();
  });

  it('cancels a schedule (any staff member): the draft awaits review again', async () => {
    await draft('editor', 0, 2900);
    await call('publisher', 'POST', `/years/${YEAR}/approve`, { baseVersion: 1, publishAt: paris(30) });
    expect((await call('editor', 'DELETE', `/years/${YEAR}/schedule`, { baseVersion: 2 })).status).toBe(200);
    expect(schedules.has(YEAR)).toBe(false);
    expect((await state()).draft.review).toMatchObject({ status: 'submitted', by: 'editor@example.org' });
    const { versions } = (await call('editor', 'GET', `/years/${YEAR}/history`)).body;
    expect(versions.map((v: { action: string; savedBy: string }) => [v.action, v.savedBy])).toEqual([
      ['unschedule', 'editor@example.org'],
      ['approve', 'publisher@example.org'],
      ['save', 'editor@example.org'],
    ]);
  });

  it('a CDN that cannot be told neither fails nor undoes a publication: it is counted, and said', async () => {
    const counted: string[] = [];
    deps.cdn = {
      invalidate: async () => {
        throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyInvalidationsInProgress' });
      },
    };
    deps.count = (metric) => void counted.push(metric);
    admin = createAdminApp(deps);
    await draft('editor', 0, 2900);
    const res = await call('publisher', 'POST', `/years/${YEAR}/publish`, { baseVersion: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'CDN_NOT_INVALIDATED' })]);
    expect((await state()).published).toMatchObject({ version: 2 });
    expect(counted).toEqual(['Publications', 'CdnInvalidationFailures']);
    expect(notices.at(-1)).toMatchObject({ kind: 'published', year: YEAR });
    // A scheduled publication too: it is out, and its invocation does not fail (a retry would find it spent).
    await draft('editor', 2, 3000);
    const approved = await call('publisher', 'POST', `/years/${YEAR}/approve`, {
      baseVersion: 3,
      publishAt: paris(30),
      reason: 'Chiffre corrigé par le rapport',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    now += 30_000;
    const outcome = await runSchedule(reviewDeps(deps), schedulePayload(schedules.get(YEAR)!), () => {});
    expect(outcome.outcome).toBe('published');
    expect((await state()).published).toMatchObject({ version: 5 });
    expect(counted.filter((m) => m === 'CdnInvalidationFailures')).toHaveLength(2);
  });

  describe('when EventBridge Scheduler does not take the schedule', () => {
    /** What the SDK throws once its own retries are spent (a quota, a throttle, an outage). */
    const refusal = () =>
      Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client' });
    let refusing: boolean;
    beforeEach(() => {
      refusing = true;
      deps.scheduler = {
        set: async (s) => {
          if (refusing) throw refusal();
          schedules.set(s.year, s);
        },
        cancel: async (y) => void schedules.delete(y),
      };
      admin = createAdminApp(deps);
    });
    const history = async () =>
      (await call('editor', 'GET', `/years/${YEAR}/history`)).body.versions.map(
        (v: { action: string; review?: { status: string } }) => [v.action, v.review?.status],
      );

    it('undoes the approval by an entry of its own: the draft is back as it was, and says why (503)', async () => {
      await draft('editor', 0, 2900);
      await call('editor', 'POST', `/years/${YEAR}/submit`, { baseVersion: 1, comment: 'Rapport 2026' });
      const res = await call('publisher', 'POST', `/years/${YEAR}/approve`, {
        baseVersion: 2,
        publishAt: paris(3600),
      });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'SCHEDULER_UNAVAILABLE', current: 4 });
      expect(res.body.message).toContain('it is not scheduled');
      const after = await state();
      expect(after.head).toBe(4);
      // The submission it had, with its note, and which schedule failed.
      expect(after.draft.review).toEqual({
        status: 'submitted',
        by: 'editor@example.org',
        at: new Date(T0).toISOString(),
        comment: 'Rapport 2026',
        dropped: {
          publishAt: new Date(now + 3_600_000).toISOString(),
          approvedBy: 'publisher@example.org',
          cause: 'scheduler',
        },
      });
      expect(await history()).toEqual([
        ['unschedule', 'submitted'],
        ['approve', 'scheduled'],
        ['submit', 'submitted'],
        ['save', undefined],
      ]);
      // Nothing is left to publish it, and nobody was told it is scheduled.
      expect(await dueSchedules(t.repo, new Date(now + 7_200_000))).toEqual([]);
      expect(notices.map((n) => n.kind)).toEqual(['submitted']);
      // Once the scheduler answers, the same publisher approves it again.
      refusing = false;
      const again = await call('publisher', 'POST', `/years/${YEAR}/approve`, {
        baseVersion: 4,
        publishAt: paris(3600),
      });
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(schedules.get(YEAR)).toMatchObject({ version: 5 });
      expect((await state()).draft.review).not.toHaveProperty('dropped');
    });

    it('says plainly when the approval could not be undone, and leaves a change made meanwhile alone', async () => {
      await draft('editor', 0, 2900);
      // The store fails too, just after the approval was written: the answer says to cancel.
      const append = t.repo.appendVersion.bind(t.repo);
      deps.scheduler!.set = async () => {
        t.repo.appendVersion = async () => {
          throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
        };
        throw refusal();
      };
      const stuck = await call('publisher', 'POST', `/years/${YEAR}/approve`, {
        baseVersion: 1,
        publishAt: paris(3600),
      });
      t.repo.appendVersion = append;
      expect(stuck.status).toBe(503);
      expect(stuck.body).not.toHaveProperty('current');
      expect(stuck.body.message).toContain('could not be undone: cancel the schedule');
      expect((await state()).draft.review.status).toBe('scheduled');
      expect((await call('editor', 'DELETE', `/years/${YEAR}/schedule`, { baseVersion: 2 })).status).toBe(
        200,
      );
      // An editor saves while the scheduler is failing: the save already dropped the schedule.
      deps.scheduler!.set = async () => {
        expect((await draft('editor', 4, 2950)).status).toBe(200);
        throw refusal();
      };
      const raced = await call('publisher', 'POST', `/years/${YEAR}/approve`, {
        baseVersion: 3,
        publishAt: paris(3600),
      });
      expect(raced.status).toBe(503);
      expect(raced.body).toMatchObject({ code: 'SCHEDULER_UNAVAILABLE', current: 5 });
      expect((await state()).draft.review).toMatchObject({
        status: 'drafting',
        dropped: { approvedBy: 'publisher@example.org' },
      });
      expect(await dueSchedules(t.repo, new Date(now + 7_200_000))).toEqual([]);
    });

    it('undoes a move: the draft awaits review, and the schedule before it is removed', async () => {
      await draft('editor', 0, 2900);
      refusing = false;
      await call('publisher', 'POST', `/years/${YEAR}/approve`, { baseVersion: 1, publishAt: paris(60) });
      expect(schedules.has(YEAR)).toBe(true);
      refusing = true;
      const res = await call('second', 'PUT', `/years/${YEAR}/schedule`, {
        baseVersion: 2,
        publishAt: paris(120),
      });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'SCHEDULER_UNAVAILABLE', current: 4 });
      expect(schedules.has(YEAR)).toBe(false);
      expect((await state()).draft.review).toMatchObject({
        status: 'submitted',
        by: 'second@example.org',
        dropped: { approvedBy: 'second@example.org', cause: 'scheduler' },
      });
      expect(await history()).toEqual([
        ['unschedule', 'submitted'],
        ['reschedule', 'scheduled'],
        ['approve', 'scheduled'],
        ['save', undefined],
      ]);
    });

    it('never fails a step because a spent schedule could not be removed', async () => {
      refusing = false;
      await draft('editor', 0, 2900);
      deps.scheduler!.cancel = async () => {
        throw refusal();
      };
      const approve = (baseVersion: number) =>
        call('publisher', 'POST', `/years/${YEAR}/approve`, { baseVersion, publishAt: paris(3600) });
      // Each step moves the year's version: the schedule left behind would publish nothing.
      expect((await approve(1)).status).toBe(200);
      expect((await draft('editor', 2, 2950)).status).toBe(200); // a change drops the schedule
      expect((await state()).draft.review).toMatchObject({ status: 'drafting', dropped: {} });
      expect((await approve(3)).status).toBe(200);
      const sent = await call('publisher', 'POST', `/years/${YEAR}/send-back`, {
        baseVersion: 4,
        comment: 'Non',
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      await call('editor', 'POST', `/years/${YEAR}/submit`, { baseVersion: 5 });
      expect((await approve(6)).status).toBe(200);
      expect((await call('editor', 'DELETE', `/years/${YEAR}/schedule`, { baseVersion: 7 })).status).toBe(
        200,
      );
      const res = await call('publisher', 'POST', `/years/${YEAR}/approve`, { baseVersion: 8 });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await state()).published).toMatchObject({ version: 9 });
      expect(invalidations).toEqual([['/*']]);
    });
  });
});
