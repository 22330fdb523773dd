import type { Handle, RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { cacheControlFor, PUBLIC_PAGE_CACHE } from '$lib/server/cache-control';
import { slugRedirect } from '$lib/i18n';
import { answerCsp, childResizeHash } from '$lib/server/csp';
import { answerFromCache, pageCache } from '$lib/server/page-cache';
import { publishedVersion, servedStale } from '$lib/server/store';
import { EMBARGO_HEADERS, isEmbargoPath } from '$lib/server/embargo';
import { publishedCatalogue } from '$lib/server/catalogue';

/** Framing is decided by an HTTP header (a <meta> CSP cannot carry frame-ancestors). */
export const frameAncestors = (path: string): string => (isEmbedPath(path) ? '*' : "'none'");

/** Public embeds, and embeds under embargo (`/embargo/<token>/embed/<chart>`): any site may frame them. */
const isEmbedPath = (path: string): boolean =>
  path.startsWith('/embed/') || /^\/embargo\/[^/]+\/embed\//.test(path);

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
export const preloadInHeader = ({ type }: { type: 'js' | 'css' | 'font' | 'asset' }): boolean =>
  type !== 'js';

const pages = pageCache();

/** Cognito's hosted sign-in on AWS (its token endpoint is fetched from the admin pages); locally, this origin. */
const signInOrigin = (): string | undefined => {
  try {
    return env.AUTH_TOKEN_URL ? new URL(env.AUTH_TOKEN_URL).origin : undefined;
  } catch {
    return undefined;
  }
};

/** Public pages and embeds a GET may take from the rendered-page cache (not staff pages, not client-navigation data). */
const cacheable = (event: RequestEvent): boolean =>
  event.request.method === 'GET' &&
  !event.isDataRequest &&
  !isAdminPath(event.url.pathname) &&
  !isEmbargoPath(event.url.pathname);

export const handle: Handle = async ({ event, resolve }) => {
  const path = event.url.pathname;
  const lang =
    path === '/en' || path.startsWith('/en/') || event.url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
  event.locals.lang = lang;

  // Each language has its own slugs: the other's is a permanent move, query kept.
  const moved =
    event.request.method === 'GET' || event.request.method === 'HEAD' ? slugRedirect(path) : undefined;
  if (moved)
    return new Response(null, {
      status: 308,
      headers: { location: moved + event.url.search, 'cache-control': PUBLIC_PAGE_CACHE },
    });

  // The published catalogue is put in force for this request, alongside the figures' version;
  // a page is kept only under both (never from a catalogue read from memory).
  const [catalogue, figuresVersion] = await Promise.all([
    publishedCatalogue(),
    cacheable(event) ? publishedVersion() : undefined,
  ]);
  const version =
    figuresVersion && !catalogue.stale ? `${figuresVersion}|catalogue:${catalogue.version}` : undefined;
  const key = path + event.url.search;
  const cached = version && pages.get(version, key);
  if (cached) return answerFromCache(cached, event.request.headers.get('if-none-match'), 'hit');

  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', lang),
    preload: preloadInHeader,
  });
  response.headers.set(
    'Content-Security-Policy',
    answerCsp(response.headers.get('content-security-policy'), {
      frameAncestors: frameAncestors(path),
      https: event.url.protocol === 'https:',
      ...(isAdminPath(path) ? { signInOrigin: signInOrigin() } : {}),
      ...(isEmbedPath(path) ? { scriptHashes: [childResizeHash] } : {}),
    }),
  );
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  const stale = servedStale(event.locals);
  response.headers.set(
    'Cache-Control',
    cacheControlFor({
      path,
      method: event.request.method,
      status: response.status,
      routeCacheControl: response.headers.get('cache-control'),
      stale,
      admin: isAdminPath(path),
    }),
  );
  // Embargoed previews, their errors included: never kept by a browser or a CDN, never indexed.
  if (isEmbargoPath(path))
    for (const [name, value] of Object.entries(EMBARGO_HEADERS)) response.headers.set(name, value);

  const isPage = response.status === 200 && response.headers.get('content-type')?.startsWith('text/html');
  if (version && isPage && !response.headers.has('set-cookie') && !stale) {
    const page = { body: await response.text(), status: response.status, headers: [...response.headers] };
    pages.set(version, key, page);
    return answerFromCache(page, null, 'miss');
  }
  return response;
};
