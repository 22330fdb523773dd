/**
 * Domain errors to HTTP, in one place. Answers are JSON `{ code, message }` and never
 * carry a stack trace.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorCode } from '../core/errors';
import { observability } from '../adapters/observability';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  FOUR_EYES: 403,
  REVIEW_STATE: 409,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  STORE_UNAVAILABLE: 503,
  SCHEDULER_UNAVAILABLE: 503,
};

/**
 * Failures of the store, worth a 503 and a retry rather than a 500: the DynamoDB client marks
 * them `retryable` once its own attempts are spent (network, timeout, throttling, 5xx), and a
 * reader's deadline is a `TimeoutError`.
 */
function isStoreOutage(error: unknown): boolean {
  const e = error as { name?: string; retryable?: unknown } | undefined;
  return e?.retryable === true || e?.name === 'TimeoutError';
}

export const RETRY_AFTER_SECONDS = 5;

export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof DomainError) {
    c.header('Cache-Control', 'no-store');
    return c.json({ code: error.code, message: error.message, ...error.details }, STATUS[error.code]);
  }
  c.header('Cache-Control', 'no-store');
  if (isStoreOutage(error)) {
    observability().logger.warn('figures store unavailable; answered 503', { error });
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json(
      { code: 'STORE_UNAVAILABLE', message: 'The figures store cannot be reached; try again shortly.' },
      503,
    );
  }
  // The error's own fields go along (a DynamoDB failure's service name, status and request id).
  observability().logger.error('unhandled error', { error });
  return c.json({ code: 'INTERNAL', message: 'Something went wrong on our side.' }, 500);
}
