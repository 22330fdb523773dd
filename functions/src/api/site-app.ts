/**
 * Serves the SvelteKit server (built by site/adapter.js) through Hono, so that the same
 * request path runs under Node locally and inside Lambda.
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
}

export function createSiteApp(server: KitServer, clientAddress: (c: { env: unknown }) => string, options: SiteAppOptions = {}): Hono {
  const elsewhere = options.elsewhere ?? [];
  const app = new Hono();
  app.all('*', (c) =>
    elsewhere.some((pattern) => pattern.test(c.req.path))
      ? c.text(`${c.req.path} is not served by this function`, 404, { 'cache-control': 'no-store' })
      : server.respond(c.req.raw, { getClientAddress: () => clientAddress(c) }),
  );
  return app;
}

export const stringEnv = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
