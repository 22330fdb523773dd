/** Tokens for auth tests: good ones from the local issuer's signer, and every kind of bad one. */
import { generateKeyPair, exportJWK, createLocalJWKSet, SignJWT, base64url } from 'jose';
import { randomBytes } from 'node:crypto';
import type { AuthConfig } from '../../functions/src/api/auth';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, signStaffToken, type SigningKey } from '../../functions/local/issuer';

export async function testKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(4).toString('hex');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export const authFor = (key: SigningKey): AuthConfig => ({
  issuer: LOCAL_ISSUER,
  audience: LOCAL_AUDIENCE,
  jwks: createLocalJWKSet({ keys: [key.publicJwk] }),
});

export const editorToken = (key: SigningKey, email = 'editor@example.org') =>
  signStaffToken(key, { email, groups: ['editors'] });

/** A publisher: another person than the editor, so that four eyes lets them publish the editor's drafts. */
export const publisherToken = (key: SigningKey, email = 'publisher@example.org') =>
  signStaffToken(key, { email, groups: ['publishers'] });

/** Each a way a request must be refused: [name, Authorization header, expected status]. */
export async function badAuthorizations(key: SigningKey): Promise<[string, string | undefined, number][]> {
  const other = await testKey();
  const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const claims = base64url.encode(
    JSON.stringify({
      email: 'x@example.org',
      'cognito:groups': ['editors'],
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      iat: 1,
      exp: 4102444800,
    }),
  );
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ email: 'e@example.org', 'cognito:groups': ['editors'] })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(now - 7200)
    .setExpirationTime(now - 3600)
    .sign(key.privateKey);
  const notYet = await new SignJWT({ email: 'e@example.org', 'cognito:groups': ['editors'] })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setNotBefore(now + 3600)
    .setExpirationTime(now + 7200)
    .sign(key.privateKey);
  return [
    ['no token', undefined, 401],
    ['a malformed token', 'Bearer not.a.jwt!', 401],
    ['a Basic header', 'Basic ZWRpdG9yOnB3', 401],
    [
      'a token signed with another key',
      `Bearer ${await signStaffToken(other, { email: 'e@example.org', groups: ['editors'] })}`,
      401,
    ],
    ['an expired token', `Bearer ${expired}`, 401],
    ['a token not valid yet', `Bearer ${notYet}`, 401],
    ['alg: none', `Bearer ${header}.${claims}.`, 401],
    [
      'another audience',
      `Bearer ${await signStaffToken(key, { email: 'e@example.org', groups: ['editors'] }, { audience: 'someone-else' })}`,
      401,
    ],
    [
      'another issuer',
      `Bearer ${await signStaffToken(key, { email: 'e@example.org', groups: ['editors'] }, { issuer: 'https://evil.example' })}`,
      401,
    ],
    [
      'a signed-in user outside editors',
      `Bearer ${await signStaffToken(key, { email: 'reader@example.org', groups: ['readers'] })}`,
      403,
    ],
  ];
}
