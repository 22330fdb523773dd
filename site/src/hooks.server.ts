import type { Handle } from '@sveltejs/kit';

/** Framing is decided by an HTTP header (a <meta> CSP cannot carry frame-ancestors). */
export const frameAncestors = (path: string): string => (path.startsWith('/embed/') ? '*' : "'none'");

/** The staff pages (and their `__data.json`): never stored by a browser or a CDN. */
export const isAdminPath = (path: string): boolean => /^(\/en)?\/admin(\/|$)/.test(path);

/**
 * SvelteKit names a page's scripts in a `Link: …; rel="modulepreload"` header, which a browser
 * fetches at high priority as soon as the headers arrive: on a phone's slow connection a dozen
 * scripts or more then share the first round trips with the HTML, though the page paints without
 * them (its charts are SVG in the HTML; scripts add tooltips and keys). At low priority the
 * document and its styles go first; the scripts still load in parallel, with no waterfall.
 */
export const scriptsAfterDocument = (link: string): string =>
  link.replace(/rel="modulepreload"(?!; fetchpriority=)/g, 'rel="modulepreload"; fetchpriority=low');

export const handle: Handle = async ({ event, resolve }) => {
  const path = event.url.pathname;
  const lang = path === '/en' || path.startsWith('/en/') || event.url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
  event.locals.lang = lang;
  const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
  const link = response.headers.get('Link');
  if (link) response.headers.set('Link', scriptsAfterDocument(link));
  response.headers.set('Content-Security-Policy', `frame-ancestors ${frameAncestors(path)}`);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  if (isAdminPath(path)) response.headers.set('Cache-Control', 'no-store');
  return response;
};
