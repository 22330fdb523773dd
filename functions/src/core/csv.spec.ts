import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { figure } from '../../../test/support/fixtures';
import { BOM, safeCell, toTidyCsv } from './csv';

describe('safeCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+33 1 23', `'+33 1 23`],
    ['-cmd', `'-cmd`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['-274421', '-274421'],
    ['12.5', '12.5'],
    ['Île-de-France', 'Île-de-France'],
  ])('%j becomes %j', (input, output) => {
    expect(safeCell(input)).toBe(output);
  });
});

describe('toTidyCsv', () => {
  it('writes one row per figure, with BOM, ranges and qualifiers, and neutralised cells', () => {
    const csv = toTidyCsv([
      {
        year: 2008,
        version: 1,
        publishedAt: '',
        publishedBy: '',
        figures: [
          figure('retention_volunteers_cra', 30, { upper: 40, qualifier: 'approx' }),
          figure('volunteers', 2000, { source: { title: '=cmd|calc', url: 'https://e.org/a,b' } }),
        ],
      },
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = csvParse(csv.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ year: '2008', value: '30-40', qualifier: 'approx' });
    expect(rows[1]).toMatchObject({
      source_title: "'=cmd|calc",
      source_url: 'https://e.org/a,b',
      unit: expect.any(String),
    });
  });

  it('carries the quote, the confidence, the countries, and Eurostat’s « b » on the first figure after a break', () => {
    const at = (year: number, figures: ReturnType<typeof figure>[]) => ({
      year,
      version: 1,
      publishedAt: '',
      publishedBy: '',
      figures,
    });
    const years = [
      at(2008, [figure('detention_centres', 23, { unit: 'CRA' })]),
      at(2016, [
        figure('detention_centres', 9, { unit: 'CRA' }),
        figure('partner_countries', 2, {
          countries: ['ML', 'SN'],
          confidence: 'medium',
          source: { title: 't', url: 'https://e.org', quote: '=Mali, Sénégal' },
        }),
      ]),
    ];
    const rows = csvParse(toTidyCsv(years).slice(1));
    expect(rows.map((r) => [r.year, r.metric, r.break])).toEqual([
      ['2008', 'detention_centres', ''],
      ['2016', 'detention_centres', 'b'],
      ['2016', 'partner_countries', ''],
    ]);
    expect(rows[2]).toMatchObject({ countries: 'ML SN', confidence: 'medium', quote: "'=Mali, Sénégal" });
    // One year alone, read against the others: the flag does not depend on what is listed.
    expect(csvParse(toTidyCsv([years[1]!], years).slice(1))[0]?.break).toBe('b');
    expect(csvParse(toTidyCsv([years[1]!]).slice(1))[0]?.break).toBe('');
  });
});
