import { describe, expect, it } from 'vitest';
import { chartTable } from './exports';
import { chart } from './test-fixture';
import { xlsxData } from './xlsx-sheet';

describe('xlsx data sheet', () => {
  const [header, ...rows] = xlsxData(chartTable(chart), 'fr');

  it('names its columns in French', () => {
    expect(header!.map((c) => c?.value)).toEqual([
      'Année',
      'Indicateur',
      'Chiffre',
      'Valeur',
      'Borne haute',
      'Précision',
      'Unité',
      'Source',
      'Lien de la source',
      'Publié le',
      'Code de l’indicateur',
    ]);
  });

  it('keeps numbers as numbers, dates as dates, links as links, and says the figure as the source does', () => {
    const more = rows.find((r) => r[0]?.value === 2018)!;
    expect(more[2]?.value).toBe('plus de 2\u202f000');
    expect(more[3]).toEqual({ value: 2000, type: Number });
    expect(more[5]?.value).toBe('plus de');
    expect(more[8]).toMatchObject({
      type: 'Formula',
      value: 'HYPERLINK("https://example.org/rapport","https://example.org/rapport")',
    });
    expect(more[9]?.value).toEqual(new Date('2024-01-01T00:00:00Z'));
    const range = rows.find((r) => r[0]?.value === 2022)!;
    expect(range[4]).toEqual({ value: 200, type: Number });
    expect(range[2]?.value).toBe('150 à 200');
    expect(xlsxData(chartTable(chart), 'en')[0]![0]?.value).toBe('Year');
  });
});
