import type { Handle } from '@sveltejs/kit';

/** Framing is decided by an HTTP header (a <meta> CSP cannot carry frame-ancestors). */
export const frameAncestors = (path: string): string => (path.startsWith('/embed/') ? '*' : "'none'");

/** The staff pages (and their `__data.json`): never stored by a browser or a CDN. */
export const isAdminPath = (path: string): boolean => /^(\/en)?\/admin(\/|$)/.test(path);

/**
 * What SvelteKit may name in a page's `Link` preload header: not its scripts. A browser fetches
 * what the header names as soon as the headers arrive, so on a phone's slow connection a dozen
 * scripts (60 KB) shared the first round trips with the HTML (12 KB), though the page reads and
 * paints without them: its charts are SVG in the HTML, scripts only add tooltips and keys. The
 * page's own bootstrap, at the end of the HTML, loads them instead: the entry, then what it
 * imports, then the page's modules, each step in parallel; immutable, they are cached a year.
 */
export const preloadInHeader = ({ type }: { type: 'js' | 'css' | 'font' | 'asset' }): boolean => type !== 'js';

export const handle: Handle = async ({ event, resolve }) => {
  const path = event.url.pathname;
  const lang = path === '/en' || path.startsWith('/en/') || event.url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
  event.locals.lang = lang;
  const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang), preload: preloadInHeader });
  response.headers.set('Content-Security-Policy', `frame-ancestors ${frameAncestors(path)}`);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  if (isAdminPath(path)) response.headers.set('Cache-Control', 'no-store');
  return response;
};
