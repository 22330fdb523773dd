/**
 * A map's data as files: tidy CSV (one place per row: a region's figure, or a partner
 * country and its associations; UTF-8 BOM, formula-safe cells) and JSON with its metadata,
 * like the charts' (exports.ts). Pure.
 */
import { publishers } from './credit';
import { kitReadme, type ChartUrls } from './exports';
import { formatDate, LICENCE, pressText } from './press-text';
import type { MapModel } from './server/map-model';
import { tableCsv, type Cell, type CsvFormat, type DataTable } from './table';

export const REGION_COLUMNS = [
  'year',
  'metric',
  'label',
  'region',
  'region_name',
  'value',
  'upper',
  'qualifier',
  'unit',
  'source_title',
  'source_url',
  'published_at',
] as const;
export const PARTNER_COLUMNS = [
  'year',
  'country',
  'country_name',
  'partner_in_year',
  'associations',
  'source_title',
  'source_url',
  'published_at',
] as const;

/** The map's rows as records of its columns. */
export function mapRows(m: MapModel): Record<string, Cell>[] {
  const published = m.published[m.year]?.slice(0, 10) ?? '';
  if (m.kind === 'regions')
    return m.rows.map((row) => ({
      year: row.year,
      metric: m.metric.id,
      label: m.metric.label,
      region: row.place,
      region_name: row.name,
      value: row.figure?.value,
      upper: row.figure?.upper,
      qualifier: row.figure?.qualifier,
      unit: row.figure ? (row.figure.unit ?? m.metric.unit) : undefined,
      source_title: row.figure?.source.title,
      source_url: row.figure?.source.url,
      published_at: row.figure ? published : undefined,
    }));
  const source = m.partners.countriesRow?.source;
  return m.rows.map((row) => ({
    year: row.year,
    country: row.place,
    country_name: row.name,
    partner_in_year: row.partner ? 'yes' : 'no',
    associations: row.partners?.join('; '),
    source_title: source?.title,
    source_url: source?.url,
    published_at: published,
  }));
}

export const mapColumns = (m: MapModel): readonly string[] =>
  m.kind === 'regions' ? REGION_COLUMNS : PARTNER_COLUMNS;

/** One observation per row: a region without a published figure has no row (the JSON lists it). */
export const mapTable = (m: MapModel): DataTable => ({
  columns: mapColumns(m),
  rows: mapRows(m).filter((row) => m.kind !== 'regions' || row.value !== undefined),
});

export const mapCsv = (m: MapModel, format: CsvFormat = 'rfc4180'): string => tableCsv(mapTable(m), format);

export function mapCitation(m: MapModel, pageUrl: string): string {
  const date = m.publishedAt ? formatDate(m.publishedAt, m.view.lang) : undefined;
  return pressText(m.view.lang).citation(m.title, [m.year, m.year], publishers(m.sources), date, pageUrl);
}

export function mapJson(m: MapModel, urls: ChartUrls): string {
  return JSON.stringify(
    {
      title: m.title,
      summary: m.summary,
      ...(m.description ? { description: m.description } : {}),
      lang: m.view.lang,
      chart: m.view.chart,
      url: urls.page,
      embed: urls.embed,
      year: m.year,
      pinnedYear: m.view.year ?? null,
      publishedAt: m.publishedAt ?? null,
      citation: mapCitation(m, urls.page),
      licence: { id: LICENCE.id, url: LICENCE.url },
      sources: m.sources,
      ...(m.kind === 'regions'
        ? { metric: { id: m.metric.id, label: m.metric.label, unit: m.metric.unit } }
        : {}),
      places: mapRows(m).map((row) =>
        Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== '')),
      ),
    },
    null,
    2,
  );
}

export function mapReadme(
  fr: MapModel,
  en: MapModel,
  urls: { fr: ChartUrls; en: ChartUrls },
  files: readonly [string, string, string][],
): string {
  return kitReadme({
    fr: { title: fr.title, summary: fr.summary, citation: mapCitation(fr, urls.fr.page) },
    en: { title: en.title, summary: en.summary, citation: mapCitation(en, urls.en.page) },
    sources: fr.sources,
    embed: urls.fr.embed,
    files,
  });
}
