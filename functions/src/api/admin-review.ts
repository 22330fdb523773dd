/**
 * The review's staff routes (issue #16), registered on the admin app: submit a draft for
 * review, send it back with a comment, approve it (now, or for a Europe/Paris date and time),
 * move or cancel its schedule. Also what runs a due schedule (the Lambda handler on an
 * EventBridge Scheduler invocation, the local server's timer) and what drops a schedule when
 * the draft changes.
 */
import { body } from './admin-body';
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { CdnInvalidator, PublicationWarning } from '../core/cdn';
import type { EditingRepository, VersionRecord } from '../core/editing-repository';
import { parseYearParam } from '../core/figures';
import {
  approveAndPublish,
  approveFor,
  publishScheduled,
  reschedule,
  scheduleFailed,
  sendBack,
  submitForReview,
  unschedule,
  type Reviewer,
  type ScheduledOutcome,
} from '../core/review';
import type { Review } from '../core/editing-repository';
import { DomainError } from '../core/errors';
import type { Notifier, PublicationScheduler, ScheduledPublication } from '../core/review-ports';
import { observability } from '../adapters/observability';
import { isPublisher, type StaffIdentity } from './auth';
import { invalidatePublished } from './publication-cdn';

export interface ReviewDeps {
  repo: EditingRepository;
  cdn: CdnInvalidator;
  scheduler: PublicationScheduler;
  notifier: Notifier;
  clock: () => Date;
  /** Counts a publication (CloudWatch metrics on AWS). */
  published: () => void;
  /** Counts a publication the CDN could not be told of (alarmed on AWS). */
  cdnFailed: () => void;
}

type Env = { Variables: { editor: StaffIdentity; audit: Record<string, unknown> } };

const Base = z.strictObject({ baseVersion: z.int().check(z.gte(0)) });
const SubmitBody = z.extend(Base, { comment: z.optional(z.unknown()) });
const SendBackBody = z.extend(Base, { comment: z.unknown() });
/** `publishAt`: a Europe/Paris wall-clock time (`2027-03-01T09:30`); absent: publish now. */
const ApproveBody = z.extend(Base, { publishAt: z.optional(z.unknown()), reason: z.optional(z.unknown()) });
const RescheduleBody = z.extend(Base, { publishAt: z.unknown() });

export const reviewerOf = (identity: StaffIdentity): Reviewer => ({
  id: identity.id,
  publisher: isPublisher(identity),
});

/**
 * After a publication: the CDN forgets what it cached, the count moves, the author is told.
 * Says what did not follow (the CDN), never undoing the publication for it.
 */
async function afterPublication(
  deps: ReviewDeps,
  record: VersionRecord,
  author: string,
): Promise<PublicationWarning[]> {
  deps.published();
  const warnings = await invalidatePublished(deps.cdn, deps.cdnFailed, {
    year: record.year,
    version: record.version,
  });
  await deps.notifier.notify({
    kind: 'published',
    year: record.year,
    by: record.savedBy,
    author,
    ...(record.scheduledFor ? { scheduledFor: record.scheduledFor } : {}),
  });
  return warnings;
}

/**
 * Removes a year's schedule once a step has made it spent (a publication, a change, a send-back,
 * a cancellation). Each of those moved the year's version, so a schedule left behind would find
 * the year moved on and publish nothing: failing to remove it is logged, never a failed step.
 */
async function removeSpentSchedule(deps: Pick<ReviewDeps, 'scheduler'>, year: number): Promise<void> {
  try {
    await deps.scheduler.cancel(year);
  } catch (error) {
    observability().logger.error('spent schedule not removed', { error, year });
  }
}

/** Approve and publish now (also what `POST /years/:year/publish` does): four eyes. */
export async function publishNow(
  deps: ReviewDeps,
  year: number,
  b: { baseVersion: number; reason?: unknown },
  identity: StaffIdentity,
): Promise<{ record: VersionRecord; warnings?: PublicationWarning[] }> {
  const { record, author } = await approveAndPublish(
    deps.repo,
    year,
    b.baseVersion,
    reviewerOf(identity),
    deps.clock(),
    {
      reason: b.reason,
    },
  );
  await removeSpentSchedule(deps, year);
  const warnings = await afterPublication(deps, record, author);
  return { record, ...(warnings.length ? { warnings } : {}) };
}

/**
 * Puts in place the schedule an approval (or a move) just wrote. If the scheduler refuses or
 * cannot be reached, the step is undone by an entry of its own (`scheduleFailed`) and staff get
 * a 503 SCHEDULER_UNAVAILABLE: nothing looks scheduled that nothing will publish.
 */
async function placeSchedule(
  deps: ReviewDeps,
  schedule: ScheduledPublication,
  who: Reviewer,
  restore?: Review,
): Promise<void> {
  const { year } = schedule;
  const log = observability().logger;
  try {
    await deps.scheduler.set(schedule);
    return;
  } catch (error) {
    log.error('schedule not created: undoing the approval', { error, year, version: schedule.version });
  }
  /** The year's version once nothing shows scheduled; undefined while the approval stands. */
  let current: number | undefined;
  try {
    current = (await scheduleFailed(deps.repo, schedule, who, deps.clock(), restore)).version;
    // After a move, the schedule before it may still be there; it names a version now gone.
    await removeSpentSchedule(deps, year);
  } catch (error) {
    // A change made meanwhile moved the year on, and with it dropped the schedule: nothing to undo.
    if (error instanceof DomainError && error.code === 'VERSION_CONFLICT')
      current = error.details?.current as number | undefined;
    else
      log.error('approval not undone after the scheduler failed', { error, year, version: schedule.version });
  }
  throw new DomainError(
    'SCHEDULER_UNAVAILABLE',
    current !== undefined
      ? `The publication of ${year} could not be scheduled; it is not scheduled (the year is at version ${current}). Try again shortly.`
      : `The publication of ${year} could not be scheduled, and the approval could not be undone: cancel the schedule.`,
    current !== undefined ? { current } : {},
  );
}

/**
 * After a change to drafts (save, import, restore, discard): a scheduled draft that changed
 * has lost its schedule (the core says so on the entry); remove it and tell staff.
 */
export async function dropLapsedSchedules(deps: ReviewDeps, records: VersionRecord[]): Promise<void> {
  for (const r of records) {
    const dropped = r.review?.dropped;
    if (!dropped) continue;
    await removeSpentSchedule(deps, r.year);
    await deps.notifier.notify({
      kind: 'schedule-dropped',
      year: r.year,
      by: r.savedBy,
      approvedBy: dropped.approvedBy,
      publishAt: dropped.publishAt,
    });
  }
}

/** What a schedule runs at its time; logs and tells as a staff publication does. */
export async function runSchedule(
  deps: ReviewDeps,
  s: { year: number; version: number },
  audit: (line: Record<string, unknown>) => void,
): Promise<ScheduledOutcome> {
  const now = deps.clock();
  const outcome = await publishScheduled(deps.repo, s, now);
  audit({
    type: 'audit',
    at: now.toISOString(),
    who: outcome.outcome === 'published' ? outcome.approvedBy : null,
    action: 'SCHEDULE publish',
    year: s.year,
    versionBefore: s.version,
    ...(outcome.outcome === 'published' ? { versionAfter: outcome.record.version } : {}),
    result: outcome.outcome,
  });
  if (outcome.outcome === 'published') await afterPublication(deps, outcome.record, outcome.author);
  return outcome;
}

export function registerReviewRoutes(app: Hono<Env>, deps: ReviewDeps): void {
  const { repo, notifier, clock } = deps;

  async function step<T extends { baseVersion: number }, R extends { record: VersionRecord }>(
    c: Context<Env>,
    schema: z.ZodMiniType<T>,
    run: (year: number, b: T, who: Reviewer) => Promise<R>,
  ): Promise<Response> {
    const year = parseYearParam(c.req.param('year') ?? '');
    const b = await body(c, schema);
    c.set('audit', { year, versionBefore: b.baseVersion });
    const result = await run(year, b, reviewerOf(c.get('editor')));
    c.set('audit', {
      year,
      versionBefore: b.baseVersion,
      versionAfter: result.record.version,
      step: result.record.action,
    });
    return c.json(result);
  }

  app.post('/years/:year/submit', (c) =>
    step(c, SubmitBody, async (year, b, who) => {
      const record = await submitForReview(repo, year, b.baseVersion, who, clock(), { comment: b.comment });
      await notifier.notify({
        kind: 'submitted',
        year,
        by: who.id,
        ...(record.review?.comment ? { comment: record.review.comment } : {}),
      });
      return { record };
    }),
  );

  app.post('/years/:year/send-back', (c) =>
    step(c, SendBackBody, async (year, b, who) => {
      const before = await repo.getDraft(year);
      const record = await sendBack(repo, year, b.baseVersion, who, clock(), { comment: b.comment });
      if (before?.review?.status === 'scheduled') await removeSpentSchedule(deps, year);
      await notifier.notify({
        kind: 'sent-back',
        year,
        by: who.id,
        comment: record.review!.comment!,
        author: before?.updatedBy ?? who.id,
      });
      return { record };
    }),
  );

  app.post('/years/:year/approve', (c) =>
    step(c, ApproveBody, async (year, b, who) => {
      if (b.publishAt === undefined || b.publishAt === null || b.publishAt === '')
        return publishNow(deps, year, b, c.get('editor'));
      const { record, schedule, author, before } = await approveFor(repo, year, b.baseVersion, who, clock(), {
        publishAt: b.publishAt,
        reason: b.reason,
      });
      await placeSchedule(deps, schedule, who, before);
      await notifier.notify({
        kind: 'scheduled',
        year,
        by: who.id,
        author,
        publishAt: schedule.publishAt.toISOString(),
      });
      return { record };
    }),
  );

  app.put('/years/:year/schedule', (c) =>
    step(c, RescheduleBody, async (year, b, who) => {
      const { record, schedule } = await reschedule(repo, year, b.baseVersion, who, clock(), {
        publishAt: b.publishAt,
      });
      await placeSchedule(deps, schedule, who);
      return { record };
    }),
  );

  app.delete('/years/:year/schedule', (c) =>
    step(c, Base, async (year, b, who) => {
      const record = await unschedule(repo, year, b.baseVersion, who, clock());
      await removeSpentSchedule(deps, year);
      return { record };
    }),
  );
}
