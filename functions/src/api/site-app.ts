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

export function createSiteApp(server: KitServer, clientAddress: (c: { env: unknown }) => string): Hono {
  const app = new Hono();
  app.all('*', (c) => server.respond(c.req.raw, { getClientAddress: () => clientAddress(c) }));
  return app;
}

export const stringEnv = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
