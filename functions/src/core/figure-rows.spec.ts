import { describe, expect, it } from 'vitest';
import { parseFigureRows, parseValue } from './figure-rows';

const header = 'year,metric,value,qualifier,unit,source_title,source_url';

describe('parseValue', () => {
  it.each([
    ['100000', { value: 100000 }],
    ['100 000', { value: 100000 }],
    ['100\u202f000', { value: 100000 }],
    ['-274421', { value: -274421 }],
    ['2,5', { value: 2.5 }],
    ['30-40', { value: 30, upper: 40 }],
    ['beaucoup', undefined],
    ['', undefined],
  ])('%j → %j', (raw, parsed) => {
    expect(parseValue(raw)).toEqual(parsed);
  });
});

describe('parseFigureRows', () => {
  it('groups rows by year and reads the BOM-prefixed public CSV', () => {
    const { years, problems } = parseFigureRows(
      `\uFEFF${header}\n2016,volunteers,2000,exact,persons,Src,https://e.org\n2016,people_supported,100000,more_than,,Src,https://e.org\n2017,volunteers,2200,,,Src,https://e.org\n`,
    );
    expect(problems).toEqual([]);
    expect(years.map((y) => [y.year, y.figures.length])).toEqual([[2016, 2], [2017, 1]]);
    expect(years[1]?.figures[0]?.qualifier).toBe('exact');
  });

  it('names row and column of every problem and returns no year at all', () => {
    const { years, problems } = parseFigureRows(
      `${header}\n2016,volunteers,2000,exact,,Src,https://e.org\n20x6,volunteers,1,exact,,Src,https://e.org\n2017,volunteers,lots,exact,,Src,https://e.org\n2018,bogus,1,exact,,Src,https://e.org\n2018,volunteers,1,exact,,Src,notaurl\n`,
    );
    expect(years).toEqual([]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([[3, 'year'], [4, 'value'], [5, 'metric'], [6, 'source_url']]);
  });

  it('says which columns are missing', () => {
    expect(parseFigureRows('year,metric\n2016,volunteers\n').problems[0]?.message).toMatch(/missing column\(s\): value, qualifier, source_title, source_url/);
  });
});
