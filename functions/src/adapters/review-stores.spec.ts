/**
 * The review's state machine (core/review.ts) on both real local stores: every step is an
 * immutable history entry with who and when, written conditionally; four eyes; a schedule
 * publishes exactly the approved version, and a change after approval drops it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { figure } from '../../../test/support/fixtures';
import { STORE_KINDS, freshTable, startStore } from '../../../test/support/stores';
import type { RunningStore } from '../../local/stores';
import { discardDraft, loadState, saveDraft } from '../core/editing';
import type { EditingRepository } from '../core/editing-repository';
import { DomainError } from '../core/errors';
import { toParisWallClock } from '../core/paris-time';
import {
  approveAndPublish,
  approveFor,
  dueSchedules,
  publishScheduled,
  reschedule,
  reviewOf,
  sendBack,
  submitForReview,
  unschedule,
  type Reviewer,
} from '../core/review';

const ED: Reviewer = { id: 'editor@example.org', publisher: false };
const PUB: Reviewer = { id: 'publisher@example.org', publisher: true };
const PUB2: Reviewer = { id: 'second@example.org', publisher: true };
const T0 = new Date('2026-11-26T12:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
/** The Paris wall-clock time `seconds` after T0, as staff type it. */
const paris = (seconds: number) => toParisWallClock(at(seconds));
const YEAR = 2026;

async function refused(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe.each(STORE_KINDS)('the review on %s', (kind) => {
  let store: RunningStore;
  let repo: EditingRepository;
  beforeAll(async () => {
    store = await startStore(kind);
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    repo = (await freshTable(store)).repo;
    // An editor drafts the year: version 1.
    await saveDraft(repo, { year: YEAR, figures: [figure('volunteers', 2900)] }, 0, ED, { now: T0 });
  });

  const state = async () => loadState(repo, YEAR, at(0));

  it('walks submit → send back → save → submit → approve now, each step in the history with who and when', async () => {
    const s1 = await submitForReview(repo, YEAR, 1, ED, at(1), { comment: 'Chiffres du rapport' });
    expect(s1).toMatchObject({ version: 2, action: 'submit', savedBy: ED.id, savedAt: at(1).toISOString() });
    expect(reviewOf((await state()).draft)).toMatchObject({
      status: 'submitted',
      by: ED.id,
      comment: 'Chiffres du rapport',
    });
    // The author stays the last one who changed the figures.
    expect((await state()).draft?.updatedBy).toBe(ED.id);

    expect((await refused(sendBack(repo, YEAR, 2, PUB, at(2), { comment: '  ' }))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await refused(sendBack(repo, YEAR, 2, ED, at(2), { comment: 'non' }))).code).toBe('FORBIDDEN');
    await sendBack(repo, YEAR, 2, PUB, at(2), { comment: 'La source manque' });
    expect(reviewOf((await state()).draft)).toMatchObject({
      status: 'sent-back',
      by: PUB.id,
      comment: 'La source manque',
    });

    // Saving again puts the draft back to being drafted.
    await saveDraft(repo, { year: YEAR, figures: [figure('volunteers', 2950)] }, 3, ED, { now: at(3) });
    expect(reviewOf((await state()).draft).status).toBe('drafting');
    await submitForReview(repo, YEAR, 4, ED, at(4));
    const { record, author } = await approveAndPublish(repo, YEAR, 5, PUB, at(5));
    expect(record).toMatchObject({ version: 6, action: 'publish', savedBy: PUB.id });
    expect(author).toBe(ED.id);
    expect((await repo.getPublished(YEAR))?.figures[0]?.value).toBe(2950);
    expect((await repo.listVersions(YEAR)).map((v) => [v.version, v.action, v.savedBy])).toEqual([
      [6, 'publish', PUB.id],
      [5, 'submit', ED.id],
      [4, 'save', ED.id],
      [3, 'send-back', PUB.id],
      [2, 'submit', ED.id],
      [1, 'save', ED.id],
    ]);
  });

  it('four eyes: the last author may not approve or publish, even as a publisher; an editor never may', async () => {
    await saveDraft(repo, { year: YEAR, figures: [figure('volunteers', 3000)] }, 1, PUB, { now: at(1) });
    await submitForReview(repo, YEAR, 2, PUB, at(2));
    expect((await refused(approveAndPublish(repo, YEAR, 3, PUB, at(3)))).code).toBe('FOUR_EYES');
    expect((await refused(approveFor(repo, YEAR, 3, PUB, at(3), { publishAt: paris(60) }))).code).toBe(
      'FOUR_EYES',
    );
    expect((await refused(approveAndPublish(repo, YEAR, 3, ED, at(3)))).code).toBe('FORBIDDEN');
    expect(await repo.getPublished(YEAR)).toBeUndefined();
    expect((await approveAndPublish(repo, YEAR, 3, PUB2, at(3))).record.savedBy).toBe(PUB2.id);
  });

  it('a stale step is a version conflict, and writes nothing', async () => {
    await submitForReview(repo, YEAR, 1, ED, at(1));
    expect((await refused(submitForReview(repo, YEAR, 1, ED, at(2)))).code).toBe('VERSION_CONFLICT');
    expect((await refused(submitForReview(repo, YEAR, 2, ED, at(2)))).code).toBe('REVIEW_STATE');
    expect((await repo.listVersions(YEAR)).length).toBe(2);
  });

  it('schedules for a Paris time, publishes exactly the approved version at that time, and tells who approved', async () => {
    expect((await refused(approveFor(repo, YEAR, 1, PUB, at(10), { publishAt: paris(5) }))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (await refused(approveFor(repo, YEAR, 1, PUB, at(0), { publishAt: '2026-13-01T10:00' }))).details
        ?.problems?.[0]?.code,
    ).toBe('PUBLISH_AT_MALFORMED');
    const { record, schedule } = await approveFor(repo, YEAR, 1, PUB, at(0), { publishAt: paris(15) });
    expect(record).toMatchObject({ version: 2, action: 'approve', savedBy: PUB.id });
    expect(schedule).toEqual({ year: YEAR, version: 2, publishAt: at(15) });
    expect(reviewOf((await state()).draft)).toMatchObject({
      status: 'scheduled',
      publishAt: at(15).toISOString(),
      by: PUB.id,
    });
    expect(await dueSchedules(repo, at(14))).toEqual([]);
    expect(await dueSchedules(repo, at(15))).toEqual([schedule]);
    expect(await publishScheduled(repo, schedule, at(-100))).toMatchObject({ outcome: 'early' });
    const done = await publishScheduled(repo, schedule, at(15));
    expect(done).toMatchObject({ outcome: 'published', author: ED.id, approvedBy: PUB.id });
    expect((await repo.getPublished(YEAR))?.figures[0]?.value).toBe(2900);
    expect(await repo.latestVersion(YEAR)).toMatchObject({
      version: 3,
      action: 'publish',
      savedBy: PUB.id,
      scheduledFor: at(15).toISOString(),
    });
    // Run twice (a scheduler retry): nothing more happens.
    expect(await publishScheduled(repo, schedule, at(16))).toMatchObject({ outcome: 'stale' });
    expect(await dueSchedules(repo, at(20))).toEqual([]);
  });

  it('a change after approval drops the schedule: the entry says which, and the old schedule publishes nothing', async () => {
    const { schedule } = await approveFor(repo, YEAR, 1, PUB, at(0), { publishAt: paris(30) });
    const saved = await saveDraft(repo, { year: YEAR, figures: [figure('volunteers', 1)] }, 2, ED, {
      now: at(1),
    });
    expect(saved.record.review).toEqual({
      status: 'drafting',
      dropped: { publishAt: at(30).toISOString(), approvedBy: PUB.id },
    });
    expect(reviewOf((await state()).draft)).toMatchObject({
      status: 'drafting',
      dropped: { approvedBy: PUB.id },
    });
    expect(await publishScheduled(repo, schedule, at(30))).toMatchObject({ outcome: 'stale', head: 3 });
    expect(await repo.getPublished(YEAR)).toBeUndefined();
  });

  it('moves and cancels a schedule; a discard drops it too', async () => {
    const first = await approveFor(repo, YEAR, 1, PUB, at(0), { publishAt: paris(30) });
    expect((await refused(reschedule(repo, YEAR, 2, ED, at(1), { publishAt: paris(60) }))).code).toBe(
      'FORBIDDEN',
    );
    const moved = await reschedule(repo, YEAR, 2, PUB2, at(1), { publishAt: paris(60) });
    expect(moved.record).toMatchObject({ version: 3, action: 'reschedule', savedBy: PUB2.id });
    expect(await publishScheduled(repo, first.schedule, at(30))).toMatchObject({ outcome: 'stale' });
    await unschedule(repo, YEAR, 3, ED, at(2));
    expect(reviewOf((await state()).draft)).toMatchObject({ status: 'submitted', by: ED.id });
    expect(await publishScheduled(repo, moved.schedule, at(60))).toMatchObject({ outcome: 'stale' });
    expect((await refused(unschedule(repo, YEAR, 4, ED, at(3)))).code).toBe('REVIEW_STATE');
    await approveFor(repo, YEAR, 4, PUB, at(3), { publishAt: paris(90) });
    const discarded = await discardDraft(repo, YEAR, 5, ED, at(4));
    expect(discarded.review?.dropped).toEqual({ publishAt: at(90).toISOString(), approvedBy: PUB.id });
    expect(await dueSchedules(repo, at(100))).toEqual([]);
  });

  it('over a published year the approval asks for the correction’s reason, and the schedule keeps it', async () => {
    await approveAndPublish(repo, YEAR, 1, PUB, at(0));
    await saveDraft(repo, { year: YEAR, figures: [figure('volunteers', 3100)] }, 2, ED, { now: at(1) });
    expect((await refused(approveFor(repo, YEAR, 3, PUB, at(2), { publishAt: paris(30) }))).code).toBe(
      'VALIDATION_FAILED',
    );
    const { schedule } = await approveFor(repo, YEAR, 3, PUB, at(2), {
      publishAt: paris(30),
      reason: 'Rapport définitif',
    });
    await publishScheduled(repo, schedule, at(30));
    const published = await repo.getPublished(YEAR);
    expect(published?.figures[0]?.value).toBe(3100);
    expect(published?.corrections?.at(-1)?.reason).toBe('Rapport définitif');
  });
});
