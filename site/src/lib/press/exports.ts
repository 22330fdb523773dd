/**
 * A chart's data as files: tidy CSV (UTF-8 BOM, formula-safe cells), JSON with its metadata,
 * and the press kit's README with the citation in French and English. Each is stamped with
 * its sources, its years and the date its figures were published. Pure.
 */
import { publishers } from './credit';
import { formatDate, LICENCE, pressText, describeChange } from './press-text';
import type { ChartModel } from './server/chart-model';
import { tableCsv, type CsvFormat, type DataTable } from './table';

export type ExportChart = Pick<
  ChartModel,
  | 'title'
  | 'summary'
  | 'description'
  | 'series'
  | 'span'
  | 'sources'
  | 'view'
  | 'publishedAt'
  | 'published'
  | 'corrections'
>;

export interface ChartUrls {
  /** The chart on its page. */
  page: string;
  embed: string;
}

export const CSV_COLUMNS = [
  'year',
  'metric',
  'label',
  'value',
  'upper',
  'qualifier',
  'unit',
  'source_title',
  'source_url',
  'published_at',
] as const;

export type TidyRow = {
  year: number;
  metric: string;
  label: string;
  value: number;
  upper?: number;
  qualifier: string;
  unit: string;
  source_title: string;
  source_url: string;
  published_at: string;
};

/** One observation per row: a year's figure for one metric, as its source gives it. */
export function tidyRows(chart: ExportChart): TidyRow[] {
  return chart.series.flatMap((s) =>
    s.rows.map((row) => ({
      year: row.year,
      metric: s.metric.id,
      label: s.metric.label,
      value: row.value,
      ...(row.upper !== undefined ? { upper: row.upper } : {}),
      qualifier: row.qualifier,
      unit: row.unit ?? s.metric.unit,
      source_title: row.source.title,
      source_url: row.source.url,
      published_at: chart.published[row.year]?.slice(0, 10) ?? '',
    })),
  );
}

/** The chart's rows as the table every data file is written from. */
export const chartTable = (chart: ExportChart): DataTable => ({
  columns: CSV_COLUMNS,
  rows: tidyRows(chart),
});

export const chartCsv = (chart: ExportChart, format: CsvFormat = 'rfc4180'): string =>
  tableCsv(chartTable(chart), format);

/** The first and last years the chart has a figure for (its axis may reach wider, to match the page's other charts). */
export function dataYears(chart: Pick<ExportChart, 'series' | 'span'>): [number, number] {
  const years = chart.series.flatMap((s) => s.rows.map((r) => r.year));
  return years.length ? [Math.min(...years), Math.max(...years)] : chart.span;
}

export function citation(chart: ExportChart, pageUrl: string): string {
  const date = chart.publishedAt ? formatDate(chart.publishedAt, chart.view.lang) : undefined;
  return pressText(chart.view.lang).citation(
    chart.title,
    dataYears(chart),
    publishers(chart.sources),
    date,
    pageUrl,
  );
}

export function chartJson(chart: ExportChart, urls: ChartUrls): string {
  const labels = new Map(chart.series.map((s) => [s.metric.id, s.metric.label]));
  return JSON.stringify(
    {
      title: chart.title,
      summary: chart.summary,
      ...(chart.description ? { description: chart.description } : {}),
      lang: chart.view.lang,
      chart: chart.view.chart,
      url: urls.page,
      embed: urls.embed,
      years: dataYears(chart),
      pinnedYear: chart.view.year ?? null,
      publishedAt: chart.publishedAt ?? null,
      corrections: chart.corrections.map((c) => ({
        year: c.year,
        correctedAt: c.correctedAt,
        ...(c.reason ? { reason: c.reason } : {}),
        changes: c.changes.map((ch) => ({ ...ch, label: labels.get(ch.metric) ?? ch.metric })),
      })),
      citation: citation(chart, urls.page),
      licence: { id: LICENCE.id, url: LICENCE.url },
      sources: chart.sources,
      series: chart.series.map((s) => ({
        metric: s.metric.id,
        label: s.metric.label,
        unit: s.metric.unit,
        description: s.metric.description,
        rows: s.rows.map((row) => ({ ...row, publishedAt: chart.published[row.year] ?? null })),
      })),
    },
    null,
    2,
  );
}

/** What a press kit's README says: each language's title, summary and citation, then the rest. */
export interface ReadmeParts {
  fr: { title: string; summary: string; citation: string };
  en: { title: string; summary: string; citation: string };
  sources: readonly { title: string; url: string; years: readonly number[] }[];
  corrections?: readonly string[];
  embed: string;
  files: readonly [string, string, string][];
}

/** The press kit's README, in both languages: what each file is, how to cite, the licence. */
export function kitReadme(p: ReadmeParts): string {
  const corrections = p.corrections ?? [];
  return [
    `# ${p.fr.title} / ${p.en.title}`,
    '',
    p.fr.summary,
    '',
    p.en.summary,
    '',
    '## Citer / How to cite',
    '',
    `FR : ${p.fr.citation}`,
    '',
    `EN: ${p.en.citation}`,
    '',
    '## Fichiers / Files',
    '',
    ...p.files.map(([name, frText, enText]) => `- \`${name}\` — ${frText} / ${enText}`),
    '',
    '## Sources',
    '',
    ...p.sources.map((s) => `- ${s.title} — ${s.url} — chiffres de / figures for ${s.years.join(', ')}`),
    '',
    ...(corrections.length ? ['## Corrections', '', ...corrections, ''] : []),
    '## Licence / Licence',
    '',
    `FR : graphiques et compilation sous licence Creative Commons Attribution 4.0 (${LICENCE.url}) : réutilisation libre en citant « La Cimade en chiffres » et le lien ci-dessus. Chaque chiffre reste celui de la source citée.`,
    '',
    `EN: charts and compilation under the Creative Commons Attribution 4.0 licence (${LICENCE.url}): free to reuse, citing “La Cimade in figures” and the link above. Each figure remains that of the source cited.`,
    '',
    `Intégrer / Embed: ${p.embed}`,
    '',
  ].join('\n');
}

export function readme(
  fr: ExportChart,
  en: ExportChart,
  urls: { fr: ChartUrls; en: ChartUrls },
  files: readonly [string, string, string][],
): string {
  const corrections = fr.corrections.flatMap((c) => {
    const label = (m: string) => fr.series.find((s) => s.metric.id === m)?.metric.label ?? m;
    return c.changes.map(
      (ch) =>
        `- ${formatDate(c.correctedAt, 'fr')} : ${describeChange(c.year, ch, label(ch.metric), 'fr')}${c.reason ? ` — ${c.reason}` : ''}`,
    );
  });
  return kitReadme({
    fr: { title: fr.title, summary: fr.summary, citation: citation(fr, urls.fr.page) },
    en: { title: en.title, summary: en.summary, citation: citation(en, urls.en.page) },
    sources: fr.sources,
    corrections,
    embed: urls.fr.embed,
    files,
  });
}
