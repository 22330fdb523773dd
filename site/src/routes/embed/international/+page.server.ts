import { error } from '@sveltejs/kit';
import { loadMapEmbed } from '$lib/press/server/map-embed';
import { shapeInternational } from '$lib/server/international';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like every embed: no framework JavaScript. */
export const csr = false;

export const load: PageServerLoad = async ({ url, setHeaders }) => {
  const embed = await loadMapEmbed('international', url, setHeaders);
  if (embed.view.metric) error(404, { message: 'this chart has no metric to choose', code: 'NOT_FOUND' });
  const year = embed.view.year === undefined ? null : String(embed.view.year);
  const map = shapeInternational(embed.years, embed.view.lang, { year });
  if (map.year === undefined) error(404, { message: 'no partner country is published yet', code: 'NOT_FOUND' });
  if (year !== null && map.year !== embed.view.year) error(404, { message: `no partner countries published for ${year}`, code: 'NOT_FOUND' });
  const { years: _years, pageUrl: _pageUrl, ...rest } = embed;
  return {
    ...rest,
    year: map.year,
    layout: map.layout,
    countries: map.countries,
    countriesRow: map.countriesRow,
    associations: map.associations,
    page: embed.pageUrl('carte'),
  };
};
