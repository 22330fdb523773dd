import { error } from '@sveltejs/kit';
import { loadMapEmbed } from '$lib/press/server/map-embed';
import { shapeRegions } from '$lib/server/regions';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like every embed: no framework JavaScript. */
export const csr = false;

export const load: PageServerLoad = async ({ url, setHeaders }) => {
  const embed = await loadMapEmbed('regions', url, setHeaders);
  const year = embed.view.year === undefined ? null : String(embed.view.year);
  const map = shapeRegions(embed.years, embed.view.lang, { year, metric: embed.view.metric ?? null });
  if (!map.metric || map.year === undefined) error(404, { message: 'no regional figure is published yet', code: 'NOT_FOUND' });
  const asked = embed.view.metric;
  if (asked && !map.toggles.some((m) => m.id === asked)) error(404, { message: `"${asked}" is not a regional figure of ${map.year}`, code: 'NOT_FOUND' });
  if (year !== null && map.year !== embed.view.year) error(404, { message: `no regional figures published for ${year}`, code: 'NOT_FOUND' });
  const { years: _years, pageUrl: _pageUrl, ...rest } = embed;
  return { ...rest, metric: map.metric, year: map.year, rows: map.rows, layout: map.layout, page: embed.pageUrl('carte') };
};
