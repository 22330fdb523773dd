/**
 * Embargoed previews: staff make a signed, expiring link to a year's draft for journalists,
 * list the links and revoke them. The token is a JWT signed with HS256 (jose) whose `jti` is
 * the stored link's id and whose `exp` is its expiry: a forged or altered token is refused
 * before any read, an expired one without a read, and a revoked one by its record, read
 * strongly consistent, so revoking takes effect at once. Plain TypeScript: no AWS, no HTTP.
 */
import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod/mini';
import type { AuditEntry } from './audit-entry';
import { DomainError, notFound } from './errors';
import type { EmbargoLink, EmbargoRepository } from './embargo-repository';
import { isDateTimeLocal, parisWallClockToInstant } from './paris-time';
import { say, type Problem } from './problems';

export type { EmbargoLink, EmbargoRepository } from './embargo-repository';

const AUDIENCE = 'cimade-embargo';
const ALGORITHM = 'HS256';
/** A link lives at most this long: it shows unpublished figures outside La Cimade. */
export const MAX_LINK_DAYS = 60;
const DAY_MS = 86_400_000;

/** The signing key: `EMBARGO_SECRET`, at least 32 characters (Secrets Manager on AWS, a generated file locally). */
export function embargoSecretFromEnv(env: Record<string, string | undefined> = process.env): Uint8Array {
  const secret = env.EMBARGO_SECRET ?? '';
  if (secret.length < 32) throw new Error('EMBARGO_SECRET must be set, at least 32 characters');
  return new TextEncoder().encode(secret);
}

export async function signEmbargoToken(link: EmbargoLink, secret: Uint8Array): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setJti(link.id)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(Date.parse(link.createdAt) / 1000))
    .setExpirationTime(Math.floor(Date.parse(link.expiresAt) / 1000))
    .sign(secret);
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{10,200}\.[A-Za-z0-9_-]{10,400}\.[A-Za-z0-9_-]{20,100}$/;

/** What a token in a URL turns out to be. `gone`: it was real, and is no longer valid (410). */
export type EmbargoAccess =
  { status: 'ok'; link: EmbargoLink } | { status: 'gone' } | { status: 'not-found' };

/** Checks a token and its record: forged or unknown is `not-found`, expired or revoked is `gone`. */
export async function resolveEmbargo(
  token: string,
  deps: { links: EmbargoRepository; secret: Uint8Array; now: Date },
): Promise<EmbargoAccess> {
  if (!TOKEN_SHAPE.test(token)) return { status: 'not-found' };
  let id: string;
  try {
    const { payload } = await jwtVerify(token, deps.secret, {
      algorithms: [ALGORITHM],
      audience: AUDIENCE,
      requiredClaims: ['jti', 'exp'],
      currentDate: deps.now,
    });
    id = payload.jti!;
  } catch (error) {
    // jose checks the signature before the claims: an expired token was a real one.
    return error instanceof joseErrors.JWTExpired ? { status: 'gone' } : { status: 'not-found' };
  }
  const link = await deps.links.getLink(id);
  if (!link) return { status: 'not-found' };
  if (link.revokedAt || Date.parse(link.expiresAt) <= deps.now.getTime()) return { status: 'gone' };
  return { status: 'ok', link };
}

/** What staff send: Paris wall-clock times, as `<input type="datetime-local">` gives them. */
export const CreateEmbargoBody = z.strictObject({
  embargoUntil: z.string().check(z.maxLength(25)),
  expiresAt: z.string().check(z.maxLength(25)),
});
export type CreateEmbargoInput = z.infer<typeof CreateEmbargoBody>;

function problem(path: string, expected: string): Problem {
  return { path, ...say('MALFORMED', { expected }) };
}

/** Both times read on the Paris clock, every problem at once. */
export function embargoTimes(input: CreateEmbargoInput, now: Date): { embargoUntil: Date; expiresAt: Date } {
  const problems: Problem[] = [];
  const read = (path: keyof CreateEmbargoInput) => {
    if (!isDateTimeLocal(input[path])) {
      problems.push(problem(path, 'a date and time, Paris time (YYYY-MM-DDTHH:mm)'));
      return undefined;
    }
    const at = parisWallClockToInstant(input[path]);
    if (at.getTime() <= now.getTime()) problems.push(problem(path, 'a time in the future'));
    return at;
  };
  const embargoUntil = read('embargoUntil');
  const expiresAt = read('expiresAt');
  if (expiresAt && expiresAt.getTime() > now.getTime() + MAX_LINK_DAYS * DAY_MS)
    problems.push(problem('expiresAt', `at most ${MAX_LINK_DAYS} days from now`));
  if (embargoUntil && expiresAt && expiresAt < embargoUntil)
    problems.push(problem('expiresAt', 'no earlier than the end of the embargo'));
  if (problems.length || !embargoUntil || !expiresAt)
    throw new DomainError('VALIDATION_FAILED', 'the embargo link’s times are not valid', { problems });
  return { embargoUntil, expiresAt };
}

export interface CreatedEmbargo {
  link: EmbargoLink;
  token: string;
}

/** Makes a link to a year that has a draft; `by` is the verified token's identity. */
export async function createEmbargoLink(
  deps: { links: EmbargoRepository; hasDraft: (year: number) => Promise<boolean>; secret: Uint8Array },
  year: number,
  input: CreateEmbargoInput,
  by: string,
  now: Date,
): Promise<CreatedEmbargo> {
  const { embargoUntil, expiresAt } = embargoTimes(input, now);
  if (!(await deps.hasDraft(year))) throw notFound(`${year} has no draft to show under embargo`);
  const link: EmbargoLink = {
    id: randomBytes(16).toString('base64url'),
    year,
    embargoUntil: embargoUntil.toISOString(),
    expiresAt: expiresAt.toISOString(),
    createdAt: now.toISOString(),
    createdBy: by,
  };
  await deps.links.putLink(link);
  return { link, token: await signEmbargoToken(link, deps.secret) };
}

export async function revokeEmbargoLink(
  links: EmbargoRepository,
  id: string,
  by: string,
  now: Date,
): Promise<EmbargoLink> {
  const revoked = await links.revokeLink(id, by, now.toISOString());
  if (!revoked) throw notFound(`no embargo link ${id}`);
  return revoked;
}

export type EmbargoState = 'active' | 'expired' | 'revoked';

export const embargoState = (link: EmbargoLink, now: Date): EmbargoState =>
  link.revokedAt ? 'revoked' : Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'active';

/** The audit log's lines for the links: one `embargo.create` each, and one `embargo.revoke` if revoked. */
export function embargoAuditEntries(links: readonly EmbargoLink[]): AuditEntry[] {
  return links.flatMap((l) => {
    const subject = { type: 'embargo' as const, year: l.year };
    const created: AuditEntry = {
      at: l.createdAt,
      by: l.createdBy,
      kind: 'embargo.create',
      // No comment: the dates are the link's, shown with it on the year's admin page; a
      // comment is staff's own words, in the journal's language.
      subject,
    };
    return l.revokedAt
      ? [created, { at: l.revokedAt, by: l.revokedBy ?? '', kind: 'embargo.revoke', subject }]
      : [created];
  });
}
