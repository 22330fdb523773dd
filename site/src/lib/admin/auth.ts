/**
 * Staff sign-in in the browser: OAuth 2.0 authorization code with PKCE (S256) against
 * Cognito's hosted UI on AWS, or the local issuer under `npm start` (same endpoints, same
 * form). The ID token lives in sessionStorage and travels as `Authorization: Bearer`:
 * no cookie, so no CSRF, and it is gone when the tab closes.
 */

/** Where to sign in, from the server's environment (see admin/+layout.server.ts). */
export interface AuthConfig {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  /** Cognito's `/logout`; absent locally, where signing out only forgets the token. */
  logoutUrl?: string;
}

/** The one callback path registered with the app client (infra/lib/auth.ts). */
export const CALLBACK_PATH = '/admin/auth/callback';
/** Where the hosted UI sends the browser after signing out. */
export const SIGNED_OUT_PATH = '/admin';

const TOKEN_KEY = 'cimade-admin:id-token';
const PENDING_KEY = 'cimade-admin:sign-in';

interface PendingSignIn {
  state: string;
  verifier: string;
  /** The admin page to come back to, e.g. `/en/admin/2027`. */
  returnTo: string;
}

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomString = (bytes = 32): string => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

const redirectUri = (): string => `${location.origin}${CALLBACK_PATH}`;

/** Sends the browser to the sign-in page; it comes back to the callback, then to `returnTo`. */
export async function startSignIn(config: AuthConfig, returnTo: string): Promise<void> {
  const pending: PendingSignIn = { state: randomString(16), verifier: randomString(48), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(config.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state: pending.state,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

export type SignInFailure = 'denied' | 'state' | 'exchange';

/** Swaps the code for an ID token; answers where to go next, or why it failed. */
export async function finishSignIn(
  config: AuthConfig,
  params: URLSearchParams,
): Promise<{ returnTo: string } | { failure: SignInFailure; detail?: string }> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as PendingSignIn) : undefined;
  if (params.get('error'))
    return { failure: 'denied', detail: params.get('error_description') ?? params.get('error') ?? undefined };
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) return { failure: 'state' };
  const res = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: pending.verifier,
      client_id: config.clientId,
      redirect_uri: redirectUri(),
    }),
  }).catch(() => undefined);
  const body = res?.ok ? ((await res.json()) as { id_token?: string }) : undefined;
  if (!body?.id_token) return { failure: 'exchange', detail: res ? `HTTP ${res.status}` : undefined };
  storeToken(body.id_token);
  return { returnTo: safeReturn(pending.returnTo) };
}

/** Only an admin path of this site: never an open redirect. */
function safeReturn(path: string): string {
  return /^\/(en\/)?admin(\/[\w/-]*)?(\?[\w=&%-]*)?$/.test(path) ? path : '/admin';
}

export interface TokenClaims {
  email?: string;
  sub?: string;
  exp?: number;
  'cognito:groups'?: string[];
}

/** Reads (does not verify: the API does) the claims, to know who and until when. */
export function claimsOf(token: string): TokenClaims | undefined {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as TokenClaims;
  } catch {
    return undefined;
  }
}

export function storedToken(): string | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  const exp = token ? claimsOf(token)?.exp : undefined;
  if (token && exp !== undefined && exp * 1000 > Date.now() + 5_000) return token;
  if (token) sessionStorage.removeItem(TOKEN_KEY);
  return undefined;
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Cognito's logout page, which comes back to the admin; undefined locally. */
export function logoutHref(config: AuthConfig | null): string | undefined {
  if (!config?.logoutUrl) return undefined;
  const url = new URL(config.logoutUrl);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    logout_uri: `${location.origin}${SIGNED_OUT_PATH}`,
  }).toString();
  return url.toString();
}
