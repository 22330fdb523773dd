/**
 * Verifies staff tokens: on AWS, Cognito ID tokens; locally, tokens from the local issuer
 * (functions/local/issuer.ts) — the same code, a different key set. jose does the crypto;
 * only RS256 is accepted, and exp, nbf, iss and aud are checked.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '../core/errors';
import type { Editor } from '../core/editing';

export const EDITORS_GROUP = 'editors';
/** Publishers may do all an editor does, and also approve, schedule and publish someone else's draft. */
export const PUBLISHERS_GROUP = 'publishers';
export const STAFF_GROUPS = [EDITORS_GROUP, PUBLISHERS_GROUP] as const;
export const ALGORITHMS = ['RS256'];

export interface AuthConfig {
  issuer: string;
  audience: string;
  jwks: JWTVerifyGetKey;
}

export interface StaffIdentity extends Editor {
  groups: string[];
}

/** From the environment: Cognito (USER_POOL_ID, USER_POOL_CLIENT_ID) or the local issuer (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL). */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  if (env.USER_POOL_ID && env.USER_POOL_CLIENT_ID) {
    const region = env.AWS_REGION ?? env.USER_POOL_ID.split('_')[0];
    const issuer = `https://cognito-idp.${region}.amazonaws.com/${env.USER_POOL_ID}`;
    return {
      issuer,
      audience: env.USER_POOL_CLIENT_ID,
      jwks: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)),
    };
  }
  if (env.AUTH_ISSUER && env.AUTH_AUDIENCE && env.AUTH_JWKS_URL)
    return {
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      jwks: createRemoteJWKSet(new URL(env.AUTH_JWKS_URL)),
    };
  throw new Error(
    'No staff sign-in configured: set USER_POOL_ID and USER_POOL_CLIENT_ID, or AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL',
  );
}

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

export function identityOf(payload: JWTPayload): StaffIdentity {
  const groups = Array.isArray(payload['cognito:groups'])
    ? (payload['cognito:groups'] as unknown[]).map(String)
    : [];
  const id = [payload.email, payload['cognito:username'], payload.sub].find(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  if (!id) throw unauthenticated('the token names nobody');
  return { id, groups };
}

/** Checks the Authorization header; answers who is asking, or throws 401 / 403 as domain errors. */
export async function authenticateEditor(
  header: string | undefined,
  config: AuthConfig,
): Promise<StaffIdentity> {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header ?? '');
  if (!match)
    throw unauthenticated(
      header ? 'the Authorization header is not a bearer token' : 'sign in first: no Authorization header',
    );
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(match[1]!, config.jwks, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp', 'iat'],
      clockTolerance: 5,
    }));
  } catch {
    throw unauthenticated('the token is invalid or has expired: sign in again');
  }
  if (payload.token_use !== undefined && payload.token_use !== 'id')
    throw unauthenticated('an ID token is expected');
  const identity = identityOf(payload);
  if (!STAFF_GROUPS.some((g) => identity.groups.includes(g)))
    throw new DomainError(
      'FORBIDDEN',
      `${identity.id} is in neither the ${EDITORS_GROUP} nor the ${PUBLISHERS_GROUP} group`,
    );
  return identity;
}

export const isPublisher = (identity: StaffIdentity): boolean => identity.groups.includes(PUBLISHERS_GROUP);

/** Throws 403 unless the identity is in the publishers group: `what` says what was refused. */
export function requirePublisher(identity: StaffIdentity, what: string): void {
  if (!isPublisher(identity))
    throw new DomainError(
      'FORBIDDEN',
      `${identity.id} may not ${what}: only the ${PUBLISHERS_GROUP} group may`,
    );
}
