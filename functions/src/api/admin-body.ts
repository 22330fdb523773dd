/** What every admin route module shares: the Hono context's variables and the JSON body check. */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { DomainError } from '../core/errors';
import { toProblems } from '../core/problems';
import type { StaffIdentity } from './auth';

export type AdminEnv = { Variables: { editor: StaffIdentity; audit: Record<string, unknown> } };

/** The request's JSON body, checked by `schema`: 400 when it is not JSON, every problem at once when malformed. */
export async function body<T>(c: Context, schema: z.ZodMiniType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new DomainError('BAD_REQUEST', 'the body must be JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new DomainError('VALIDATION_FAILED', 'the request is malformed', {
      problems: toProblems(parsed.error),
    });
  return parsed.data;
}
