/**
 * The staff API's embargo links (issue #16), registered on the admin app:
 *
 * - `GET /years/{year}/embargo`: the year's links, newest first, each with its state and, while
 *   active, its address (any staff member: editors and publishers);
 * - `POST /years/{year}/embargo` `{ embargoUntil, expiresAt }` (Paris wall-clock times): a new
 *   link to the year's draft — publishers only, as it shows unpublished figures outside La Cimade;
 * - `POST /embargo/{id}/revoke`: the link answers 410 from the next view — publishers only.
 */
import type { Hono } from 'hono';
import {
  CreateEmbargoBody,
  createEmbargoLink,
  embargoState,
  revokeEmbargoLink,
  signEmbargoToken,
  type EmbargoLink,
  type EmbargoRepository,
} from '../core/embargo';
import type { EditingRepository } from '../core/editing-repository';
import { DomainError } from '../core/errors';
import { parseYearParam } from '../core/figures';
import { body, type AdminEnv } from './admin-body';
import { requirePublisher } from './auth';

export interface EmbargoDeps {
  links: EmbargoRepository;
  /** The HS256 key (`embargoSecretFromEnv`). */
  secret: Uint8Array;
}

/** Where a journalist opens the link, on the site's own origin. */
export const embargoPath = (token: string): string => `/embargo/${token}`;

export function registerEmbargoRoutes(
  app: Hono<AdminEnv>,
  { links, secret, repo, clock }: EmbargoDeps & { repo: EditingRepository; clock: () => Date },
): void {
  const shown = async (link: EmbargoLink, now: Date) => {
    const state = embargoState(link, now);
    return {
      ...link,
      state,
      ...(state === 'active' ? { path: embargoPath(await signEmbargoToken(link, secret)) } : {}),
    };
  };

  app.get('/years/:year/embargo', async (c) => {
    const year = parseYearParam(c.req.param('year'));
    const now = clock();
    // `now`: the server's clock, which checks the dates: the form's defaults are read off it.
    return c.json({
      now: now.toISOString(),
      links: await Promise.all((await links.listLinks(year)).map((l) => shown(l, now))),
    });
  });

  app.post('/years/:year/embargo', async (c) => {
    const year = parseYearParam(c.req.param('year'));
    requirePublisher(c.get('editor'), 'make an embargo link');
    const input = await body(c, CreateEmbargoBody);
    c.set('audit', { year, embargo: 'create' });
    const now = clock();
    const { link } = await createEmbargoLink(
      { links, secret, hasDraft: async (y) => (await repo.getDraft(y)) !== undefined },
      year,
      input,
      c.get('editor').id,
      now,
    );
    c.set('audit', { year, embargo: 'create', link: link.id });
    return c.json(await shown(link, now), 201);
  });

  app.post('/embargo/:id/revoke', async (c) => {
    const id = c.req.param('id');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new DomainError('BAD_REQUEST', 'not an embargo link id');
    requirePublisher(c.get('editor'), 'revoke an embargo link');
    const link = await revokeEmbargoLink(links, id, c.get('editor').id, clock());
    c.set('audit', { year: link.year, embargo: 'revoke', link: id });
    return c.json(await shown(link, clock()));
  });
}
