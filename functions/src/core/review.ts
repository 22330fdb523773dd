/**
 * The review of a year's draft (issue #16): submit, send back with a comment, approve and
 * publish now or at a time (Europe/Paris), move or cancel a schedule, and the publication a
 * schedule runs. Four eyes: whoever made the draft's last change (`updatedBy`) may not approve
 * or publish it. Every step is an immutable history entry, written as every change is
 * (`write`: conditional on the version the caller saw), that moves the draft's review state.
 */
import * as z from 'zod/mini';
import type { Draft, Review, ReviewAction, VersionRecord } from './editing-repository';
import type { EditingRepository } from './editing-repository';
import { loadState, publishDraft, validateReason, write, type Editor, type YearState } from './editing';
import { DomainError, notFound } from './errors';
import { fromParisWallClock, toParisWallClock } from './paris-time';
import { say } from './problems';
import type { ScheduledPublication } from './review-ports';

export interface Reviewer extends Editor {
  /** In the publishers group: may approve, schedule, send back and publish. */
  publisher: boolean;
}

/** How far ahead a publication may be scheduled. */
export const MAX_SCHEDULE_DAYS = 366;
/** How early a schedule may fire and still publish (a scheduler's clock is not ours). */
export const EARLY_TOLERANCE_MS = 60_000;

export const reviewOf = (draft: Draft | undefined): Review => draft?.review ?? { status: 'drafting' };

const Comment = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

function mustPublish(who: Reviewer, what: string): void {
  if (!who.publisher)
    throw new DomainError('FORBIDDEN', `${who.id} may not ${what}: only the publishers group may`);
}

/** Four eyes: the draft's last author may not approve or publish it. */
export function fourEyes(draft: Draft, who: Editor): void {
  if (draft.updatedBy === who.id)
    throw new DomainError(
      'FOUR_EYES',
      `${who.id} made the last change to this draft: someone else must approve and publish it`,
    );
}

function draftOf(state: YearState): Draft {
  if (!state.draft) throw notFound(`${state.year} has no draft`);
  return state.draft;
}

function mustBe(state: YearState, allowed: Review['status'][], what: string): Draft {
  const draft = draftOf(state);
  const status = reviewOf(draft).status;
  if (!allowed.includes(status))
    throw new DomainError('REVIEW_STATE', `${state.year}'s draft is ${status}: it cannot be ${what}`);
  return draft;
}

/** The instant a Paris wall-clock time names, checked: later than now, at most a year ahead. */
export function publicationTime(wallClock: unknown, now: Date): Date {
  const raw = typeof wallClock === 'string' ? wallClock : JSON.stringify(wallClock ?? null);
  const at = typeof wallClock === 'string' ? fromParisWallClock(wallClock) : undefined;
  const problem = !at
    ? say('PUBLISH_AT_MALFORMED', { raw: raw.slice(0, 40) })
    : at.getTime() <= now.getTime()
      ? say('PUBLISH_AT_PAST', { now: toParisWallClock(now) })
      : at.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000
        ? say('PUBLISH_AT_TOO_FAR', { days: MAX_SCHEDULE_DAYS })
        : undefined;
  if (problem)
    throw new DomainError('VALIDATION_FAILED', problem.message, {
      problems: [{ path: 'publishAt', ...problem }],
    });
  return at!;
}

function comment(input: unknown, required: boolean): string | undefined {
  if (!required && (input === undefined || input === '')) return undefined;
  const parsed = Comment.safeParse(input ?? '');
  if (parsed.success) return parsed.data;
  const tooLong = typeof input === 'string' && input.trim().length > 2000;
  const problem = tooLong ? say('TOO_LONG', { max: 2000 }) : say('COMMENT_REQUIRED', {});
  throw new DomainError('VALIDATION_FAILED', problem.message, {
    problems: [{ path: 'comment', ...problem }],
  });
}

/** One review step: the draft's figures as they are, the new review state, who and when. */
function step(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  action: ReviewAction,
  who: Editor,
  now: Date,
  make: (state: YearState, draft: Draft) => Review,
): Promise<VersionRecord> {
  return write(
    repo,
    year,
    baseVersion,
    (state) => {
      const draft = draftOf(state);
      return {
        action,
        figures: draft.figures,
        notes: draft.notes,
        savedAt: now.toISOString(),
        savedBy: who.id,
        changes: [],
        review: make(state, draft),
      };
    },
    now,
  );
}

const stamp = (who: Editor, now: Date) => ({ by: who.id, at: now.toISOString() });

/** Any staff member submits a draft being drafted (or sent back) for review. */
export async function submitForReview(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  who: Reviewer,
  now: Date,
  input: { comment?: unknown } = {},
): Promise<VersionRecord> {
  const note = comment(input.comment, false);
  return step(repo, year, baseVersion, 'submit', who, now, (state) => {
    mustBe(state, ['drafting', 'sent-back'], 'submitted');
    return { status: 'submitted', ...stamp(who, now), ...(note ? { comment: note } : {}) };
  });
}

/** A publisher sends a submitted (or scheduled) draft back to its author, with a comment. */
export async function sendBack(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  who: Reviewer,
  now: Date,
  input: { comment?: unknown },
): Promise<VersionRecord> {
  mustPublish(who, 'send a draft back');
  const text = comment(input.comment, true)!;
  return step(repo, year, baseVersion, 'send-back', who, now, (state) => {
    mustBe(state, ['submitted', 'scheduled'], 'sent back');
    return { status: 'sent-back', ...stamp(who, now), comment: text };
  });
}

/** The checks of an approval: a publisher, not the draft's last author, a reason over a published year. */
async function approval(
  repo: EditingRepository,
  year: number,
  who: Reviewer,
  now: Date,
  reason: { given: unknown } | { asks: false },
) {
  mustPublish(who, 'approve or publish a draft');
  const state = await loadState(repo, year, now);
  fourEyes(draftOf(state), who);
  const asked = state.published && 'given' in reason;
  return { state, reason: asked ? validateReason(reason.given) : undefined };
}

/** Approve and publish now: a publisher other than the draft's last author. */
export async function approveAndPublish(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  who: Reviewer,
  now: Date,
  input: { reason?: unknown } = {},
): Promise<{ record: VersionRecord; author: string }> {
  const { state } = await approval(repo, year, who, now, { given: input.reason });
  const record = await publishDraft(repo, year, baseVersion, who, now, { reason: input.reason });
  return { record, author: state.draft!.updatedBy };
}

/** Approve for a time: the draft as it is now is published then, unless it changes meanwhile. */
export async function approveFor(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  who: Reviewer,
  now: Date,
  input: { publishAt: unknown; reason?: unknown },
): Promise<{ record: VersionRecord; schedule: ScheduledPublication; author: string; before: Review }> {
  const publishAt = publicationTime(input.publishAt, now);
  const { state, reason } = await approval(repo, year, who, now, { given: input.reason });
  let before: Review = { status: 'drafting' };
  const record = await step(repo, year, baseVersion, 'approve', who, now, (s, draft) => {
    mustBe(s, ['drafting', 'submitted', 'sent-back'], 'approved for a time (move its schedule instead)');
    before = reviewOf(draft);
    return {
      status: 'scheduled',
      ...stamp(who, now),
      publishAt: publishAt.toISOString(),
      ...(reason ? { reason } : {}),
    };
  });
  return {
    record,
    schedule: { year, version: record.version, publishAt },
    author: state.draft!.updatedBy,
    before,
  };
}

/** Move a schedule: a publisher other than the draft's last author, as for approving it. */
export async function reschedule(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  who: Reviewer,
  now: Date,
  input: { publishAt: unknown },
): Promise<{ record: VersionRecord; schedule: ScheduledPublication }> {
  const publishAt = publicationTime(input.publishAt, now);
  await approval(repo, year, who, now, { asks: false }); // the reason was given at approval
  const record = await step(repo, year, baseVersion, 'reschedule', who, now, (s, draft) => {
    mustBe(s, ['scheduled'], 'rescheduled');
    return { ...reviewOf(draft), ...stamp(who, now), publishAt: publishAt.toISOString() };
  });
  return { record, schedule: { year, version: record.version, publishAt } };
}

/** Cancel a schedule (any staff member): the draft is back to awaiting review. */
export async function unschedule(
  repo: EditingRepository,
  year: number,
  baseVersion: number,
  who: Reviewer,
  now: Date,
): Promise<VersionRecord> {
  return step(repo, year, baseVersion, 'unschedule', who, now, (s) => {
    mustBe(s, ['scheduled'], 'unscheduled');
    return { status: 'submitted', ...stamp(who, now) };
  });
}

/**
 * Undo an approval (or a move) that the scheduler did not take, by a history entry of its own:
 * the draft goes back to the review state it had before the approval (`restore`; after a move,
 * awaiting review) and says which schedule failed. A year is never shown scheduled with nothing
 * to publish it. Written on the version the failed step wrote, so a change made meanwhile wins.
 */
export async function scheduleFailed(
  repo: EditingRepository,
  failed: ScheduledPublication,
  who: Reviewer,
  now: Date,
  restore: Review = { status: 'submitted' },
): Promise<VersionRecord> {
  return step(repo, failed.year, failed.version, 'unschedule', who, now, (s) => {
    mustBe(s, ['scheduled'], 'unscheduled');
    const { dropped: _, ...kept } = restore;
    return {
      ...stamp(who, now),
      ...kept,
      dropped: { publishAt: failed.publishAt.toISOString(), approvedBy: who.id, cause: 'scheduler' },
    };
  });
}

export type ScheduledOutcome =
  | { outcome: 'published'; record: VersionRecord; author: string; approvedBy: string }
  /** The year moved since it was scheduled (changed, moved, cancelled): nothing is published. */
  | { outcome: 'stale'; head: number; draft?: Draft }
  /** Fired well before its time (a manual call): nothing is published. */
  | { outcome: 'early'; publishAt: string };

/**
 * What a schedule runs at its time: publishes exactly the version approved — only if the
 * year's history is still at the version the schedule names, and the draft still scheduled.
 */
export async function publishScheduled(
  repo: EditingRepository,
  s: { year: number; version: number },
  now: Date,
): Promise<ScheduledOutcome> {
  const state = await loadState(repo, s.year, now);
  const review = reviewOf(state.draft);
  if (state.head !== s.version || review.status !== 'scheduled' || !review.publishAt || !review.by)
    return { outcome: 'stale', head: state.head, ...(state.draft ? { draft: state.draft } : {}) };
  if (Date.parse(review.publishAt) - now.getTime() > EARLY_TOLERANCE_MS)
    return { outcome: 'early', publishAt: review.publishAt };
  const record = await publishDraft(repo, s.year, s.version, { id: review.by }, now, {
    reason: review.reason,
    scheduledFor: review.publishAt,
  });
  return { outcome: 'published', record, author: state.draft!.updatedBy, approvedBy: review.by };
}

/** The scheduled drafts due at `now`: what the local timer publishes (AWS has EventBridge). */
export async function dueSchedules(repo: EditingRepository, now: Date): Promise<ScheduledPublication[]> {
  return (await repo.listDrafts())
    .filter(
      (d) =>
        d.review?.status === 'scheduled' &&
        d.review.publishAt &&
        Date.parse(d.review.publishAt) <= now.getTime(),
    )
    .map((d) => ({ year: d.year, version: d.version, publishAt: new Date(d.review!.publishAt!) }));
}
