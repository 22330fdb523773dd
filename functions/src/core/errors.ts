import type { Problem } from './schema';

/** Stable error codes: the API maps each to one HTTP status, in one place. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'VERSION_CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** Four eyes: the last author of a draft may not approve or publish it. */
  | 'FOUR_EYES'
  /** A review step that the draft's review state does not allow (e.g. moving a schedule that is not). */
  | 'REVIEW_STATE'
  | 'STORE_UNAVAILABLE'
  /** EventBridge Scheduler did not take a schedule: the approval was undone, try again. */
  | 'SCHEDULER_UNAVAILABLE';

/** An expected failure, carried as a value with a stable code and a message a person can read. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { problems?: Problem[]; current?: unknown },
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const badRequest = (message: string) => new DomainError('BAD_REQUEST', message);
