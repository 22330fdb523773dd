/**
 * The local stand-in for CloudFront: one origin serving the public API at /api/v1, the
 * built client assets, and the SvelteKit server for everything else, through the same
 * Hono apps the Lambda functions run.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createAdminApp, reviewDeps } from '../src/api/admin-app';
import { runSchedule } from '../src/api/admin-review';
import { dueSchedules } from '../src/core/review';
import { catalogueOf } from '../src/api/admin-catalogue';
import type { AuthConfig } from '../src/api/auth';
import type { EmbargoDeps } from '../src/api/admin-embargo';
import { createPublicApp } from '../src/api/public-app';
import type { CdnInvalidator } from '../src/core/cdn';
import type { EditingRepository } from '../src/core/editing-repository';
import { publishedCache, type StampedRepository } from '../src/core/published-cache';
import { createSiteApp, stringEnv, type KitServer } from '../src/api/site-app';
import type { PressRenderer } from '../../site/src/lib/press/server/press-work';

export const SITE_BUILD = resolve(import.meta.dirname, '../../site/build');

export async function loadKitServer(env: NodeJS.ProcessEnv): Promise<KitServer> {
  const serverEntry = join(SITE_BUILD, 'server/index.js');
  if (!existsSync(serverEntry))
    throw new Error(`The site is not built (${serverEntry} is missing): run \`npm run build\``);
  const { Server } = (await import(pathToFileURL(serverEntry).href)) as {
    Server: new (m: unknown) => KitServer;
  };
  const { manifest } = (await import(pathToFileURL(join(SITE_BUILD, 'server/manifest.js')).href)) as {
    manifest: unknown;
  };
  const server = new Server(manifest);
  const client = join(SITE_BUILD, 'client');
  await server.init({
    env: stringEnv(env),
    read: (file) => Readable.toWeb(createReadStream(join(client, file))) as ReadableStream,
  });
  return server;
}

export interface LocalDeps {
  repo: EditingRepository & StampedRepository;
  kit: KitServer;
  /** The public origin (ORIGIN): pages build their absolute links from it, never from the Host header. */
  origin: string;
  /** Draws downloads' PNGs and zips off the request thread (press-pool.ts); on it when absent. */
  press?: PressRenderer;
  /** The staff side; without it, /api/v1/admin and /auth are not served. */
  staff?: {
    auth: AuthConfig;
    cdn: CdnInvalidator;
    /** The local stand-in for Cognito's hosted UI and JWKS, at /auth. */
    issuer: Hono;
    /** The time staff writes record; the system clock by default. */
    clock?: () => Date;
    /** Embargo links (their admin routes); the site reads EMBARGO_SECRET itself. */
    embargo?: EmbargoDeps;
  };
}

export function createLocalApp(deps: LocalDeps): Hono {
  const app = new Hono();
  const api = createPublicApp({ repo: publishedCache(deps.repo), catalogue: catalogueOf(deps.repo) });
  if (deps.staff) {
    const { issuer, ...rest } = deps.staff;
    const admin = createAdminApp({ repo: deps.repo, ...rest });
    app.all('/auth/*', (c) => issuer.fetch(c.req.raw));
    app.all('/api/v1/admin/*', (c) => admin.fetch(c.req.raw));
  }
  // Delegate whole prefixes, so that an unknown API path gets the API's JSON 404.
  app.all('/api/*', (c) => api.fetch(c.req.raw));
  app.use('/_app/immutable/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root: join(SITE_BUILD, 'client') }));
  app.route(
    '/',
    createSiteApp(deps.kit, () => '127.0.0.1', {
      origin: deps.origin,
      // The pages read the time the staff routes write (CLOCK_AT locally): an embargo link
      // made on one clock expires on the same.
      platform: {
        ...(deps.press ? { press: deps.press } : {}),
        ...(deps.staff?.clock ? { clock: deps.staff.clock } : {}),
      },
    }),
  );
  return app;
}

/**
 * The local stand-in for EventBridge Scheduler: every `everyMs` (about a second), publishes
 * the scheduled drafts that are due, from the same stored review state the admin wrote.
 */
export function startScheduleTimer(
  deps: Pick<LocalDeps, 'repo'> &
    Required<Pick<NonNullable<LocalDeps['staff']>, 'cdn'>> & { clock?: () => Date },
  everyMs = 1000,
  log: (line: Record<string, unknown>) => void = (l) => console.log(`audit ${JSON.stringify(l)}`),
): { stop(): void } {
  const review = reviewDeps({
    repo: deps.repo,
    cdn: deps.cdn,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const s of await dueSchedules(deps.repo, review.clock())) await runSchedule(review, s, log);
    } catch (error) {
      console.error('scheduled publication failed; retrying at the next tick', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  return { stop: () => clearInterval(timer) };
}

export function listen(app: Hono, port: number, host = '127.0.0.1'): Promise<ServerType> {
  return new Promise((ok) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => ok(server));
  });
}
