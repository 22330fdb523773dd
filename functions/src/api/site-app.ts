/**
 * Serves the SvelteKit server (built by site/adapter.js): through Hono locally, and through
 * `site-lambda.ts` in Lambda, with the same routing rule.
 */
import { Hono } from 'hono';

/** The part of SvelteKit's `Server` this needs (its full type lives in the build). */
export interface KitServer {
  init(options: { env: Record<string, string>; read?: (file: string) => ReadableStream }): Promise<void>;
  respond(request: Request, options: { getClientAddress(): string; platform?: unknown }): Promise<Response>;
}

export interface SiteAppOptions {
  /**
   * Paths whose routes another function serves (the manifest's `elsewhere`): answered 404 here
   * rather than taken by a lower-priority route of this manifest.
   * @default none
   */
  readonly elsewhere?: readonly RegExp[];
  /**
   * The site's public origin. Pages build absolute links (embed code, oEmbed, canonical and
   * social-card URLs, downloads) from the request's URL: on Lambda it is the API Gateway's
   * host, locally it comes from the Host header, which anyone can forge — and a page rendered
   * for a forged Host would then be cached for everyone. So the URL is rebuilt on this origin.
   * @default the request's own URL (tests only)
   */
  readonly origin?: string;
  /**
   * SvelteKit's `event.platform`: locally, the press pool that draws downloads off the request
   * thread (functions/local/press-pool.ts) and the system's clock (CLOCK_AT); on Lambda nothing.
   * @default none
   */
  readonly platform?: unknown;
}

/** The request, addressed to `origin` whatever host it was sent to. */
export async function atOrigin(request: Request, origin: string | undefined): Promise<Request> {
  if (!origin) return request;
  const url = new URL(request.url);
  const target = new URL(url.pathname + url.search, origin);
  if (target.href === url.href) return request;
  const body =
    request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  const headers = new Headers(request.headers);
  headers.set('host', target.host);
  return new Request(target, { method: request.method, headers, body });
}

/** A request to the SvelteKit server, or a 404 for a path another function serves. */
export function kitResponder(server: KitServer, options: SiteAppOptions = {}) {
  const elsewhere = options.elsewhere ?? [];
  return async (request: Request, clientAddress: () => string): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (elsewhere.some((pattern) => pattern.test(path)))
      return new Response(`${path} is not served by this function`, {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=UTF-8', 'cache-control': 'no-store' },
      });
    return server.respond(await atOrigin(request, options.origin), {
      getClientAddress: clientAddress,
      ...(options.platform !== undefined ? { platform: options.platform } : {}),
    });
  };
}

export function createSiteApp(
  server: KitServer,
  clientAddress: (c: { env: unknown }) => string,
  options: SiteAppOptions = {},
): Hono {
  const respond = kitResponder(server, options);
  const app = new Hono();
  app.all('*', (c) => respond(c.req.raw, () => clientAddress(c)));
  return app;
}

export const stringEnv = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
