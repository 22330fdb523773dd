/**
 * The international page's data, shaped once for the page and its embed: the partner
 * countries of each year, the year shown (from the URL, else the latest), the map's layout,
 * the list of countries and their associations, and the two series side by side.
 */
import { countries } from '$core/reference';
import type { PublishedYear } from '$core/schema';
import { partnerMapLayout } from '$lib/charts/partner-map-layout';
import { typeset, type Lang } from '$lib/format';
import { t } from '$lib/i18n';
import { partnerGeometry } from './geo';
import type { MapQuery } from './regions';
import { pickYear, seriesFor, spanOf } from './shape';

export function shapeInternational(
  years: readonly PublishedYear[],
  lang: Lang,
  query: Pick<MapQuery, 'year'>,
) {
  const listed = years.flatMap((y) => {
    const f = y.figures.find((fig) => fig.metric === 'partner_countries');
    return f?.countries?.length ? [{ year: y.year, countries: f.countries }] : [];
  });
  const available = listed.map((l) => l.year);
  const year = pickYear(query.year, available);
  const current = new Set(listed.find((l) => l.year === year)?.countries ?? []);
  // Listed by a year's figures, or named with a partner association in the published catalogue.
  const everListed = new Set([
    ...listed.flatMap((l) => l.countries),
    ...countries.filter((c) => c.partners.length > 0).map((c) => c.iso2),
  ]);

  const series = [
    seriesFor(years, 'partner_countries', lang),
    seriesFor(years, 'partner_associations', lang),
  ];
  const associations = series[1]!.rows.find((r) => r.year === year);
  const layout = partnerMapLayout(
    partnerGeometry,
    countries
      .filter((c) => everListed.has(c.iso2))
      .map((c) => ({ id: c.isoNumeric, iso2: c.iso2, current: current.has(c.iso2) })),
  );
  const L = t(lang);
  const list = countries
    .filter((c) => everListed.has(c.iso2))
    .map((c) => ({
      iso2: c.iso2,
      name: typeset(c.name[lang], lang),
      /** Names for the map and its table; a partner named for another year says which. */
      partners: c.partners.map((p) => (p.year === year ? p.name : `${p.name} (${L.namedIn(p.year)})`)),
      /** Each named partner written out, with the year and the page that names it. */
      partnerDetails: c.partners.map((p) => ({
        name: p.name,
        fullName: p.fullName,
        year: p.year,
        source: { title: p.source.title, url: p.source.url },
      })),
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
    /** The years the named partners are named for. */
    namedYears: [...new Set(countries.flatMap((c) => c.partners.map((p) => p.year)))].sort((a, b) => a - b),
  };
}

export type InternationalData = ReturnType<typeof shapeInternational>;
