/**
 * What the review needs from the outside: a scheduler that publishes an approved draft at its
 * time (EventBridge Scheduler on AWS, a timer in the one-origin server locally) and a notifier
 * that tells staff (an SNS topic on AWS, the server's log locally).
 */

/** The one scheduled publication of a year: publish `version` (the draft as approved) at `publishAt`. */
export interface ScheduledPublication {
  year: number;
  /** The year's history head when it was scheduled: if it moved, the schedule is stale. */
  version: number;
  publishAt: Date;
}

export interface PublicationScheduler {
  /** Creates the year's schedule, or moves it. */
  set(schedule: ScheduledPublication): Promise<void>;
  /** Removes the year's schedule; nothing when there is none. */
  cancel(year: number): Promise<void>;
}

/** Who is told: every publisher, or one person (their staff id, an e-mail address on AWS). */
export type Recipient = { publishers: true } | { person: string };

export type Notice =
  | { kind: 'submitted'; year: number; by: string; comment?: string }
  | { kind: 'sent-back'; year: number; by: string; comment: string; author: string }
  | { kind: 'published'; year: number; by: string; author: string; scheduledFor?: string }
  | { kind: 'scheduled'; year: number; by: string; author: string; publishAt: string }
  | { kind: 'schedule-dropped'; year: number; by: string; approvedBy: string; publishAt: string };

export interface Notifier {
  notify(notice: Notice): Promise<void>;
}

/** The message staff receive for a notice: a subject and a text, French then English. */
export interface NoticeMessage {
  subject: string;
  text: string;
  to: Recipient[];
}

/** The schedule payload the admin function recognises when EventBridge Scheduler invokes it. */
export interface SchedulePayload {
  source: 'cimade.review';
  action: 'publish-scheduled';
  year: number;
  version: number;
}

export const schedulePayload = (s: Pick<ScheduledPublication, 'year' | 'version'>): SchedulePayload => ({
  source: 'cimade.review',
  action: 'publish-scheduled',
  year: s.year,
  version: s.version,
});

export function isSchedulePayload(event: unknown): event is SchedulePayload {
  const e = event as Partial<SchedulePayload> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.source === 'cimade.review' &&
    e.action === 'publish-scheduled' &&
    Number.isInteger(e.year) &&
    Number.isInteger(e.version)
  );
}
