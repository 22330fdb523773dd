import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, figuresFromTable, parseFigureRows, parseValue, readCsv } from './figure-rows';
import { decodeText } from './spreadsheet';

const fixture = (name: string) => new URL(`../../../test/fixtures/import/${name}`, import.meta.url);

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
    expect(years.map((y) => [y.year, y.figures.length])).toEqual([
      [2016, 2],
      [2017, 1],
    ]);
    expect(years[1]?.figures[0]?.qualifier).toBe('exact');
  });

  it('names row and column of every problem and returns no year at all', () => {
    const { years, problems } = parseFigureRows(
      `${header}\n2016,volunteers,2000,exact,,Src,https://e.org\n20x6,volunteers,1,exact,,Src,https://e.org\n2017,volunteers,lots,exact,,Src,https://e.org\n2018,bogus,1,exact,,Src,https://e.org\n2018,volunteers,1,exact,,Src,notaurl\n`,
    );
    expect(years).toEqual([]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'year'],
      [4, 'value'],
      [5, 'metric'],
      [6, 'source_url'],
    ]);
  });

  it('says which columns are missing', () => {
    expect(parseFigureRows('year,metric\n2016,volunteers\n').problems[0]?.message).toMatch(
      /missing column\(s\): value, source_title, source_url/,
    );
  });
});

describe('reading what staff bring', () => {
  const header = 'Année;Indicateur;Valeur;Précision;Titre de la source;Lien de la source';

  it('detects `;` and reads French headers, labels, qualifier words and numbers', () => {
    const { years, problems } = parseFigureRows(
      [
        header,
        '2019;Personnes accompagnées;100\u00a0000;plus de;Rapport d’activité;https://www.lacimade.org/',
        '2019;Bénévoles — Île-de-France;1\u202f421;environ;Rapport d’activité;https://www.lacimade.org/',
        '2019;Équipe salariée en rétention (ETP);72,5;près de;Rapport d’activité;https://www.lacimade.org/',
      ].join('\r\n'),
    );
    expect(problems).toEqual([]);
    expect(years[0]?.figures.map((f) => [f.metric, f.value, f.qualifier])).toEqual([
      ['people_supported', 100000, 'more_than'],
      ['region.ile-de-france.volunteers', 1421, 'about'],
      ['retention_staff_fte', 72.5, 'approx'],
    ]);
  });

  it('keeps a comma-separated file comma-separated, quoted cells and all', () => {
    expect(detectDelimiter('year,metric,"a;b"\n1;2;3;4\n')).toBe(',');
    expect(detectDelimiter('year;metric;"a,b,c"\n')).toBe(';');
    expect(detectDelimiter('year\tmetric\tvalue\n')).toBe('\t');
  });

  it('says every problem of a broken file in one pass, each with its line and the file’s own column name', () => {
    const { years, problems } = figuresFromTable(
      readCsv(decodeText(new Uint8Array(readFileSync(fixture('excel-fr-broken.csv')))).text),
    );
    expect(years).toEqual([]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'Valeur', 'NOT_A_NUMBER'],
      [3, 'Indicateur', 'NOT_A_METRIC'],
      [4, 'Lien de la source', 'NOT_HTTP_URL'],
      [5, 'Précision', 'UNKNOWN_QUALIFIER'],
      [6, 'Année', 'NOT_A_YEAR'],
      [7, 'Indicateur', 'DUPLICATE_ROW'],
      [8, 'Valeur', 'NEGATIVE'],
      [8, 'Titre de la source', 'SOURCE_TITLE_REQUIRED'],
    ]);
    expect(problems[5]?.params).toEqual({ metric: 'centre.massy.employees', line: 2 });
  });

  it('counts lines, not records, when a quoted cell spans lines', () => {
    const { problems } = parseFigureRows(
      `${header};Citation\n2019;Bénévoles;10;exact;T;https://e.org;"deux\nlignes"\n2019;Salariés;-1;exact;T;https://e.org;\n`,
    );
    expect(problems.map((p) => [p.row, p.code])).toEqual([[4, 'NEGATIVE']]);
  });
});

describe('words that are not ours', () => {
  it.each(['constructor', 'toString', '__proto__', '!', '?'])(
    'reads « %s » as no known qualifier, confidence or column',
    (word) => {
      const { problems } = parseFigureRows(
        `year;metric;value;qualifier;confidence;source_title;source_url;${word}\n2016;volunteers;5;${word};${word};T;https://e.org;x\n`,
      );
      expect(problems.map((p) => p.code)).toEqual(['UNKNOWN_QUALIFIER', 'UNKNOWN_CONFIDENCE']);
    },
  );
});
