/** A synthetic chart for the press modules' specs: never shipped, never shown as La Cimade's. */
import type { SeriesRow } from '../rows';
import type { ChartModel } from './server/chart-model';

const source = { title: 'Rapport d’activité', url: 'https://example.org/rapport' };
const row = (year: number, value: number, extra: Partial<SeriesRow> = {}): SeriesRow => ({
  year,
  value,
  qualifier: 'exact',
  source,
  ...extra,
});

export const rows: SeriesRow[] = [
  row(2016, 2000),
  row(2018, 2000, { qualifier: 'more_than' }),
  row(2020, 2500, {
    qualifier: 'about',
    source: { title: '=HYPERLINK("http://evil")', url: 'https://example.org/x' },
  }),
  row(2022, 150, { upper: 200, qualifier: 'approx' }),
];

export const chart: Omit<ChartModel, 'ref'> = {
  view: { chart: 'benevoles', lang: 'fr', metric: 'volunteers' },
  kind: 'bars',
  title: 'Bénévoles',
  summary: 'De 2016 à 2022, le nombre de bénévoles est passé de 2 000 à 150 à 200.',
  description: 'Bénévoles engagés à La Cimade.',
  series: [
    {
      metric: {
        id: 'volunteers',
        kind: 'count',
        label: 'Bénévoles',
        unit: 'bénévoles',
        description: 'Bénévoles engagés.',
      },
      rows,
    },
  ],
  span: [2016, 2022],
  sources: [
    { ...source, years: [2016, 2018, 2022] },
    { title: '=HYPERLINK("http://evil")', url: 'https://example.org/x', years: [2020] },
  ],
  table: { columns: [], rows: [] },
  legend: { rows, gaps: true, selected: false },
  keys: ['volunteers'],
  publishedAt: '2025-03-03T10:00:00.000Z',
  published: {
    2016: '2024-01-01T00:00:00.000Z',
    2018: '2024-01-01T00:00:00.000Z',
    2020: '2024-01-01T00:00:00.000Z',
    2022: '2025-03-03T10:00:00.000Z',
  },
  corrections: [
    {
      year: 2022,
      version: 2,
      correctedAt: '2025-03-03T10:00:00.000Z',
      changes: [{ metric: 'volunteers', field: 'value', before: 140, after: 150 }],
    },
  ],
};

/** The palette keys the pictures read (PressPicture.svelte and the charts' print mode). */
export const colours: Record<string, string> = Object.fromEntries(
  [
    'card',
    'fg',
    'muted',
    'grid',
    'accent',
    'accent-strong',
    'accent-soft',
    'accent-soft-strong',
    'gap-fill',
    'gap-stroke',
    'border-strong',
  ].map((k, i) => [k, `#${String(i).padStart(6, '0')}`]),
);
