/**
 * What an embargoed preview shows (issue #16): the link's token checked against its signature,
 * its expiry and its stored record (read strongly consistent, so a revocation counts at once),
 * then every published year with the link's year replaced by its current draft — the draft at
 * the time of viewing. After publication (no draft left) the link shows the published year
 * until it expires or is revoked. Never cached anywhere (hooks.server.ts, the CDN behaviour).
 */
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { createDocumentClient, storeConfigFromEnv } from '$adapters/dynamo-client';
import { DynamoEmbargoRepository } from '$adapters/dynamo-embargo';
import { embargoSecretFromEnv, resolveEmbargo } from '$core/embargo';
import { forPublic, listPublished } from '$core/figures';
import type { PublishedYear } from '$core/schema';
import { embargoText } from '$lib/embargo/text';
import type { Lang } from '$lib/format';
import { table } from './store';

let links: DynamoEmbargoRepository | undefined;
const linkStore = () => {
  if (!links) {
    const config = storeConfigFromEnv(env);
    links = new DynamoEmbargoRepository(createDocumentClient(config), config.tableName);
  }
  return links;
};

/** What every embargo answer says to browsers, CDNs and crawlers. */
export const EMBARGO_HEADERS = {
  'cache-control': 'private, no-store',
  'x-robots-tag': 'noindex, nofollow',
} as const;

export const isEmbargoPath = (path: string): boolean => path === '/embargo' || path.startsWith('/embargo/');

export interface EmbargoView {
  year: number;
  embargoUntil: string;
  /** Every published year, the link's year as its draft shows it now. */
  years: PublishedYear[];
  /** Whether the year shown is still a draft (false once published). */
  draft: boolean;
}

/** The link's year and figures, or a 404 (forged, unknown) or 410 (expired, revoked, nothing left to show). */
export async function embargoView(
  token: string,
  lang: Lang,
  platform: App.Platform | undefined,
): Promise<EmbargoView> {
  const T = embargoText(lang);
  const access = await resolveEmbargo(token, {
    links: linkStore(),
    secret: embargoSecretFromEnv(env),
    now: platform?.clock?.() ?? new Date(),
  });
  if (access.status === 'not-found') error(404, { message: T.notFound, code: 'NOT_FOUND' });
  if (access.status === 'gone') error(410, { message: T.gone, code: 'GONE' });
  const { year, embargoUntil } = access.link;
  const [published, draft] = await Promise.all([listPublished(table()), table().getDraft(year)]);
  if (!draft && !published.some((p) => p.year === year)) error(410, { message: T.gone, code: 'GONE' });
  const shown: PublishedYear[] = draft
    ? [
        ...published.filter((p) => p.year !== year),
        forPublic({
          year: draft.year,
          figures: draft.figures,
          ...(draft.notes ? { notes: draft.notes } : {}),
          version: draft.version,
          publishedAt: draft.updatedAt,
          publishedBy: '', // forPublic says « La Cimade »; who drafted stays in the admin
        }),
      ].sort((a, b) => a.year - b.year)
    : published;
  return { year, embargoUntil, years: shown, draft: draft !== undefined };
}
