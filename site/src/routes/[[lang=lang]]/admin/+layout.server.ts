import { env } from '$env/dynamic/private';
import { toLang } from '$lib/i18n';
import type { AuthConfig } from '$lib/admin/auth';
import type { LayoutServerLoad } from './$types';

/**
 * Where staff sign in: Cognito's hosted UI on AWS, the local issuer under `npm start`. Read
 * at request time, so one build serves every stage. Public values only (no secret: PKCE).
 */
export const load: LayoutServerLoad = ({ params }) => {
  const auth: AuthConfig | null =
    env.AUTH_AUTHORIZE_URL && env.AUTH_TOKEN_URL && env.AUTH_CLIENT_ID
      ? {
          authorizeUrl: env.AUTH_AUTHORIZE_URL,
          tokenUrl: env.AUTH_TOKEN_URL,
          clientId: env.AUTH_CLIENT_ID,
          ...(env.AUTH_LOGOUT_URL ? { logoutUrl: env.AUTH_LOGOUT_URL } : {}),
        }
      : null;
  return { lang: toLang(params.lang), auth };
};
