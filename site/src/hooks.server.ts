import type { Handle, RequestEvent } from '@sveltejs/kit';
import { answerFromCache, pageCache } from '$lib/server/page-cache';
import { publishedVersion, servedStale } from '$lib/server/store';

/** Framing is decided by an HTTP header (a <meta> CSP cannot carry frame-ancestors). */
export const frameAncestors = (path: string): string => (path.startsWith('/embed/') ? '*' : "'none'");

/** The staff pages (and their `__data.json`): never stored by a browser or a CDN. */
export const isAdminPath = (path: string): boolean => /^(\/en)?\/admin(\/|$)/.test(path);

const pages = pageCache();

/** Public pages and embeds a GET may take from the rendered-page cache (not staff pages, not client-navigation data). */
const cacheable = (event: RequestEvent): boolean => event.request.method === 'GET' && !event.isDataRequest && !isAdminPath(event.url.pathname);

export const handle: Handle = async ({ event, resolve }) => {
  const path = event.url.pathname;
  const lang = path === '/en' || path.startsWith('/en/') || event.url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
  event.locals.lang = lang;

  const version = cacheable(event) ? await publishedVersion() : undefined;
  const key = path + event.url.search;
  const cached = version && pages.get(version, key);
  if (cached) return answerFromCache(cached, event.request.headers.get('if-none-match'), 'hit');

  const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
  response.headers.set('Content-Security-Policy', `frame-ancestors ${frameAncestors(path)}`);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  if (isAdminPath(path)) response.headers.set('Cache-Control', 'no-store');

  const isPage = response.status === 200 && response.headers.get('content-type')?.startsWith('text/html');
  if (version && isPage && !response.headers.has('set-cookie') && !servedStale(event.locals)) {
    const page = { body: await response.text(), status: response.status, headers: [...response.headers] };
    pages.set(version, key, page);
    return answerFromCache(page, null, 'miss');
  }
  return response;
};
