import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { chartCsv, chartJson, CSV_COLUMNS, readme } from './exports';
import { chart } from './test-fixture';

const urls = {
  page: 'https://chiffres.example/benevoles#graphique',
  embed: 'https://chiffres.example/embed/benevoles',
};

describe('chart exports', () => {
  it('writes a tidy CSV with a BOM, accents intact and no cell a spreadsheet would run', () => {
    const csv = chartCsv(chart);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csvParse(csv.slice(1));
    expect(rows.columns).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      year: '2016',
      metric: 'volunteers',
      label: 'Bénévoles',
      value: '2000',
      unit: 'bénévoles',
      published_at: '2024-01-01',
    });
    expect(rows[3]).toMatchObject({ value: '150', upper: '200', qualifier: 'approx' });
    for (const r of rows) for (const c of CSV_COLUMNS) expect(r[c]).not.toMatch(/^[=+\-@]/);
    expect(rows[2]!.source_title).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('writes JSON with the metadata a newsroom needs', () => {
    const doc = JSON.parse(chartJson(chart, urls));
    expect(doc).toMatchObject({
      title: 'Bénévoles',
      lang: 'fr',
      url: urls.page,
      embed: urls.embed,
      years: [2016, 2022],
      pinnedYear: null,
      publishedAt: chart.publishedAt,
      licence: { id: 'CC-BY-4.0' },
    });
    expect(doc.citation).toContain('La Cimade en chiffres, « Bénévoles » (2016–2022)');
    expect(doc.corrections[0]).toMatchObject({
      year: 2022,
      changes: [{ metric: 'volunteers', before: 140, after: 150, label: 'Bénévoles' }],
    });
    expect(doc.series[0].rows[0]).toMatchObject({
      year: 2016,
      value: 2000,
      source: { title: 'Rapport d’activité' },
      publishedAt: '2024-01-01T00:00:00.000Z',
    });
  });

  it('cites the years the chart has figures for, not the wider axis it shares with the page', () => {
    const wide = { ...chart, span: [2009, 2024] as [number, number] };
    const doc = JSON.parse(chartJson(wide, urls));
    expect(doc.years).toEqual([2016, 2022]);
    expect(doc.citation).toContain('(2016–2022)');
    expect(doc.citation).not.toContain('2009');
  });

  it('writes a README with both citations, the files and the licence', () => {
    const en = { ...chart, view: { ...chart.view, lang: 'en' as const }, title: 'Volunteers' };
    const text = readme(
      chart,
      en,
      { fr: urls, en: { ...urls, page: 'https://chiffres.example/en/benevoles' } },
      [['a.png', 'image', 'picture']],
    );
    expect(text).toContain('FR : La Cimade en chiffres, « Bénévoles »');
    expect(text).toContain('EN: La Cimade in figures, “Volunteers”');
    expect(text).toContain('- `a.png` — image / picture');
    expect(text).toContain('Creative Commons Attribution 4.0');
    expect(text).toContain('## Corrections');
  });
});
