/**
 * The local stand-in for Cognito: signs real RS256 ID tokens with a key kept in
 * DATA_DIR/auth, publishes its JWKS, and runs a minimal OAuth 2.0 authorization-code flow
 * with PKCE (like Cognito's hosted UI), so the admin pages sign in locally as on AWS.
 * For development only: anyone who can reach it can sign in as anyone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

export const LOCAL_ISSUER = 'urn:cimade:local-issuer';
export const LOCAL_AUDIENCE = 'cimade-admin-local';
export const TOKEN_TTL_SECONDS = 3600;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** Loads the local signing key from `dir`, creating it on first use. */
export async function loadSigningKey(dir: string): Promise<SigningKey> {
  const file = join(dir, 'signing-key.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = {
      ...(await exportJWK(privateKey)),
      kid: randomBytes(8).toString('hex'),
      alg: 'RS256',
      use: 'sig',
    };
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
  return { kid: jwk.kid, privateKey: (await importJWK(jwk, 'RS256')) as CryptoKey, publicJwk };
}

export function signStaffToken(
  key: SigningKey,
  claims: { email: string; groups: string[] },
  options: { ttlSeconds?: number; issuer?: string; audience?: string } = {},
): Promise<string> {
  return new SignJWT({ email: claims.email, 'cognito:groups': claims.groups, token_use: 'id' })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setSubject(claims.email)
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(`${options.ttlSeconds ?? TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface PendingCode {
  email: string;
  groups: string[];
  challenge: string;
  redirectUri: string;
  expires: number;
}

/** The issuer's HTTP side, mounted at /auth on the local origin. */
export function createIssuerApp(key: SigningKey, origin: string): Hono {
  const app = new Hono().basePath('/auth');
  const codes = new Map<string, PendingCode>();
  const sameOrigin = (uri: string) => {
    try {
      return new URL(uri).origin === new URL(origin).origin;
    } catch {
      return false;
    }
  };

  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [key.publicJwk] }));

  app.get('/authorize', (c) => {
    const q = c.req.query();
    if (
      q.client_id !== LOCAL_AUDIENCE ||
      !q.redirect_uri ||
      !sameOrigin(q.redirect_uri) ||
      q.code_challenge_method !== 'S256' ||
      !q.code_challenge
    )
      return c.text(
        'invalid authorization request (client_id, same-origin redirect_uri and an S256 code_challenge are required)',
        400,
      );
    const hidden = ['redirect_uri', 'state', 'code_challenge']
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q[k] ?? '')}">`)
      .join('');
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    );
    return c.html(`<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Connexion (locale) — La Cimade en chiffres</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:1rem 0 .25rem}input,select,button{font:inherit;padding:.5rem;width:100%;box-sizing:border-box}button{margin-top:1.5rem;background:#8a0030;color:#fff;border:0;border-radius:4px}</style>
<h1>Connexion de l'équipe</h1>
<p>Service de connexion <strong>local</strong>, pour le développement : il remplace Amazon Cognito et signe de vrais jetons.</p>
<form method="post" action="/auth/authorize">${hidden}
<label for="email">Adresse e-mail</label><input id="email" name="email" type="email" required value="editor@example.org" autocomplete="username">
<label for="group">Groupe</label><select id="group" name="group"><option value="editors">editors (prépare et soumet à relecture)</option><option value="publishers">publishers (relit, approuve et publie)</option><option value="">aucun (lecture refusée)</option></select>
<button type="submit">Se connecter</button></form></html>`);
  });

  app.post('/authorize', async (c) => {
    const form = await c.req.parseBody();
    const redirectUri = String(form.redirect_uri ?? '');
    const email = String(form.email ?? '').trim();
    if (!sameOrigin(redirectUri) || !/^[^@\s]+@[^@\s]+$/.test(email)) return c.text('invalid sign-in', 400);
    const code = randomBytes(24).toString('base64url');
    codes.set(code, {
      email,
      groups: form.group ? [String(form.group)] : [],
      challenge: String(form.code_challenge ?? ''),
      redirectUri,
      expires: Date.now() + 60_000,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (form.state) target.searchParams.set('state', String(form.state));
    return c.redirect(target.toString(), 302);
  });

  app.post('/token', async (c) => {
    const form = await c.req.parseBody();
    const pending = codes.get(String(form.code ?? ''));
    codes.delete(String(form.code ?? ''));
    const verifier = String(form.code_verifier ?? '');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      !pending ||
      pending.expires < Date.now() ||
      pending.challenge !== challenge ||
      pending.redirectUri !== form.redirect_uri ||
      form.client_id !== LOCAL_AUDIENCE
    )
      return c.json({ error: 'invalid_grant' }, 400);
    const idToken = await signStaffToken(key, pending);
    c.header('Cache-Control', 'no-store');
    return c.json({ id_token: idToken, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS });
  });

  return app;
}
