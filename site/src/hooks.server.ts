import type { Handle } from '@sveltejs/kit';

/** Framing is decided by an HTTP header (a <meta> CSP cannot carry frame-ancestors). */
export const frameAncestors = (path: string): string => (path.startsWith('/embed/') ? '*' : "'none'");

/** The staff pages (and their `__data.json`): never stored by a browser or a CDN. */
export const isAdminPath = (path: string): boolean => /^(\/en)?\/admin(\/|$)/.test(path);

export const handle: Handle = async ({ event, resolve }) => {
  const path = event.url.pathname;
  const lang = path === '/en' || path.startsWith('/en/') || event.url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
  event.locals.lang = lang;
  const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
  response.headers.set('Content-Security-Policy', `frame-ancestors ${frameAncestors(path)}`);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  if (isAdminPath(path)) response.headers.set('Cache-Control', 'no-store');
  return response;
};
