import { error } from '@sveltejs/kit';
import { loadMapEmbed } from '$lib/press/server/map-embed';
import { shapeMap } from '$lib/press/server/map-model';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like every embed: no framework JavaScript. */
export const csr = false;

export const load: PageServerLoad = async ({ url, setHeaders }) => {
  const embed = await loadMapEmbed('regions', url, setHeaders);
  const shaped = shapeMap(embed.view, embed.years);
  if ('status' in shaped) error(404, { message: shaped.message, code: 'NOT_FOUND' });
  const m = shaped.model;
  if (m.kind !== 'regions') error(404, { message: 'not the regions map', code: 'NOT_FOUND' });
  const { years: _years, pageUrl: _pageUrl, ...rest } = embed;
  return {
    ...rest,
    model: m,
    metric: m.metric,
    year: m.year,
    rows: m.regions.rows,
    layout: m.regions.layout,
    page: embed.pageUrl('carte'),
  };
};
