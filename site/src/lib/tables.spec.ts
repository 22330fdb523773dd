import { describe, expect, it } from 'vitest';
import type { SeriesRow } from './rows';
import { multiplesTable, seriesTable, tableHtml } from './tables';

const row = (
  year: number,
  value: number,
  qualifier: SeriesRow['qualifier'] = 'exact',
  quote?: string,
): SeriesRow => ({
  year,
  value,
  qualifier,
  source: { title: `S${year}`, url: `https://example.org/${year}`, ...(quote ? { quote } : {}) },
});
const text = (c: unknown) =>
  (typeof c === 'string' ? c : (c as { text: string }).text).replace(/[\u00a0\u202f]/g, ' ');

describe('seriesTable', () => {
  it('has a row for every year of the span, saying which are unknown, with the qualifier and its source by number', () => {
    const table = seriesTable(
      [
        row(2016, 100000, 'exact', 'plus de 100 000'),
        row(2018, 100000, 'more_than'),
        {
          ...row(2019, 5, 'exact', 'cinq'),
          source: { title: 'S2016', url: 'https://example.org/2016', quote: 'cinq' },
        },
      ],
      [2016, 2019],
      'personnes',
      'fr',
    );
    expect(table.columns).toEqual(['Année', 'Chiffre']);
    expect(table.rows.map((r) => r.map(text))).toEqual([
      ['2016', '100 000 personnes'],
      ['2017', 'pas de chiffre connu'],
      ['2018', 'plus de 100 000 personnes'],
      ['2019', '5 personnes'],
    ]);
    expect(table.rows.map((r) => (r[1] as { ref?: number }).ref)).toEqual([1, undefined, 2, 1]);
    // One number per source, shared by the years it gives, with what it says for each.
    expect(table.sources).toEqual([
      {
        title: 'S2016',
        href: 'https://example.org/2016',
        years: ['2016', '2019'],
        quotes: [
          { year: '2016', text: '«\u00a0plus de 100 000\u00a0»' },
          { year: '2019', text: '«\u00a0cinq\u00a0»' },
        ],
      },
      { title: 'S2018', href: 'https://example.org/2018', years: ['2018'], quotes: [] },
    ]);
  });

  it('writes the sources as short numbered links to a list that opens without JavaScript', () => {
    const table = seriesTable([row(2016, 7, 'exact', 'sept'), row(2017, 8)], [2016, 2017], 'x', 'en');
    const html = tableHtml(table, 'T', 'en', 'graphique');
    expect(html).toContain(
      '<td>7 x <a class="ref" href="#graphique-source-1"><span class="visually-hidden">Source </span>1</a></td>',
    );
    expect(html).toContain('<details class="table-sources"><summary>Sources (2)</summary><ol>');
    expect(html).toContain(
      '<li id="graphique-source-1"><a href="https://example.org/2016" rel="external noopener">S2016</a> (2016)<ul class="quotes"><li><span class="year">2016</span> <span class="quote" lang="fr">«\u00a0sept\u00a0»</span></li></ul></li>',
    );
    expect(html).toContain(
      '<li id="graphique-source-2"><a href="https://example.org/2017" rel="external noopener">S2017</a> (2017)</li>',
    );
    // No column of running text: the figures keep their width.
    expect(html).not.toContain('class="wrap"');
  });
});

describe('multiplesTable', () => {
  it('puts one metric per column', () => {
    const table = multiplesTable(
      [
        { metric: { label: 'Volunteers', unit: 'volunteers' }, rows: [row(2011, 2000)] },
        { metric: { label: 'Employees', unit: 'employees' }, rows: [row(2012, 90, 'about')] },
      ],
      [2011, 2012],
      'en',
    );
    expect(table.columns).toEqual(['Year', 'Volunteers', 'Employees']);
    expect(table.rows.map((r) => r.map(text))).toEqual([
      ['2011', '2,000 volunteers', 'no known figure'],
      ['2012', 'no known figure', 'about 90 employees'],
    ]);
  });
});

describe('tableHtml', () => {
  it('writes the table as escaped HTML: caption, header, row headers, links, muted and foreign cells', () => {
    const html = tableHtml(
      {
        columns: ['Année', 'Chiffre'],
        rows: [
          ['2016', { text: 'a < b & "c"', href: 'https://x.org/?a=1&b=2' }],
          ['2017', { text: 'inconnu', muted: true }],
          ['2018', { text: 'hello', lang: 'en' }],
        ],
      },
      'Bénévoles <2016>',
      'fr',
    );
    expect(html).toContain('<caption>Bénévoles &lt;2016&gt;</caption>');
    expect(html).toContain('<th scope="col">Année</th>');
    expect(html).toContain(
      '<th scope="row">2016</th><td><a href="https://x.org/?a=1&amp;b=2" rel="external noopener">a &lt; b &amp; &quot;c&quot;</a></td>',
    );
    expect(html).toContain('<td class="muted">inconnu</td>');
    expect(html).toContain('<td lang="en">hello</td>');
  });
});

describe('tableHtml, running text', () => {
  it('marks the cells that wrap, and keeps a hyphenated word whole', () => {
    const html = tableHtml(
      {
        columns: ['Année', 'Source'],
        rows: [['2016', { text: 'La Cimade (Saint-Brieuc) en 2016', href: 'https://x.org/', wrap: true }]],
      },
      'T',
      'fr',
    );
    expect(html).toContain(
      '<td class="wrap"><a href="https://x.org/" rel="external noopener">La Cimade <span class="nobr">(Saint-Brieuc)</span> en 2016</a></td>',
    );
    expect(html).toMatch(/^<div class="table-scroll" role="region" aria-label="T" tabindex="0"><table>/);
  });
});
