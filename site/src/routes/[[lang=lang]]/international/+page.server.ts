import { listPublished } from '$core/figures';
import { countries } from '$core/reference';
import { partnerMapLayout } from '$lib/charts/partner-map-layout';
import { toLang } from '$lib/i18n';
import { worldCountries } from '$lib/server/geo';
import { pickYear, seriesFor, spanOf } from '$lib/server/shape';
import { figures } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
  const lang = toLang(params.lang);
  const years = await listPublished(figures());
  const listed = years.flatMap((y) => {
    const f = y.figures.find((fig) => fig.metric === 'partner_countries');
    return f?.countries?.length ? [{ year: y.year, countries: f.countries }] : [];
  });
  const available = listed.map((l) => l.year);
  const year = pickYear(url.searchParams.get('year'), available);
  const current = new Set(listed.find((l) => l.year === year)?.countries ?? []);
  const everListed = new Set(listed.flatMap((l) => l.countries));

  const series = [seriesFor(years, 'partner_countries', lang), seriesFor(years, 'partner_associations', lang)];
  const associations = series[1]!.rows.find((r) => r.year === year);
  const layout = partnerMapLayout(
    worldCountries(),
    countries.filter((c) => everListed.has(c.iso2)).map((c) => ({ id: c.isoNumeric, iso2: c.iso2, current: current.has(c.iso2) })),
  );
  const list = countries
    .filter((c) => everListed.has(c.iso2))
    .map((c) => ({
      iso2: c.iso2,
      name: c.name[lang],
      partners: c.partners,
      current: current.has(c.iso2),
      years: listed.filter((l) => l.countries.includes(c.iso2)).map((l) => l.year),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || a.name.localeCompare(b.name, lang));

  return {
    year,
    years: available,
    layout,
    countries: list,
    associations,
    countriesRow: series[0]!.rows.find((r) => r.year === year),
    series,
    span: spanOf(series),
    namedPartners: countries.reduce((n, c) => n + c.partners.length, 0),
  };
};
