import { describe, expect, it } from 'vitest';
import {
  deFigure,
  formatCompact,
  formatFigureWithUnit,
  formatNumber,
  roundWording,
  type Lang,
} from './format';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const VALUES = [
  0, 1, 7, 42, 999, 1000, 1001, 1049, 1050, 1450, 1500, 9999, 10000, 12345, 20000, 99949, 99950, 100000,
  110000, 120000, 999499, 999500, 999999, 1000000, 1049999, 1050000, 1500000, 2678000, 12345678, 99999999,
  999949999, 999950000, 1e9, 123456789012, -1, -1234, -1500, -1450, -1234567, 0.5, 2.25, 1234.5678, -0,
];

describe.each<Lang>(['fr', 'en'])('number formats (%s)', (lang) => {
  it('writes every number as Intl.NumberFormat does', () => {
    const intl = new Intl.NumberFormat(LOCALES[lang]);
    for (const v of VALUES) expect(formatNumber(v, lang), String(v)).toBe(intl.format(v));
  });

  it('writes every number as Intl’s compact notation (one decimal at most) does', () => {
    const intl = new Intl.NumberFormat(LOCALES[lang], { notation: 'compact', maximumFractionDigits: 1 });
    for (const v of VALUES) expect(formatCompact(v, lang), String(v)).toBe(intl.format(v));
  });
});

describe('the source’s own words for a round figure', () => {
  it.each([
    [
      { value: 10, qualifier: 'more_than' as const },
      'plus d’une dizaine de centres et locaux de rétention',
      'fr',
      'plus d’une dizaine',
    ],
    [{ value: 10, qualifier: 'more_than' as const }, "plus d'une dizaine de centres", 'en', 'more than ten'],
    [
      { value: 100, qualifier: 'about' as const },
      "présente dans une centaine d'établissements",
      'fr',
      'une centaine',
    ],
    [
      { value: 100, qualifier: 'about' as const },
      "présente dans une centaine d'établissements",
      'en',
      'about a hundred',
    ],
    [{ value: 100, qualifier: 'about' as const }, 'environ 100 établissements', 'fr', undefined],
    [{ value: 10, qualifier: 'exact' as const }, 'une dizaine', 'fr', undefined],
    [{ value: 20, qualifier: 'more_than' as const }, 'plus d’une dizaine', 'fr', undefined],
  ])('%j in « %s » (%s) reads %j', (f, quote, lang, expected) => {
    expect(roundWording(f, quote, lang as 'fr' | 'en')).toBe(expected);
  });

  it('writes a round noun with « de » before its unit, and elides « de » before a vowel', () => {
    expect(
      formatFigureWithUnit(
        { value: 100, qualifier: 'about', wording: 'une centaine' },
        'établissements',
        'fr',
      ),
    ).toBe('une centaine d’établissements');
    expect(
      formatFigureWithUnit({ value: 100, qualifier: 'about', wording: 'about a hundred' }, 'prisons', 'en'),
    ).toBe('about a hundred prisons');
    expect(deFigure('environ 2 500')).toBe('d’environ 2 500');
    expect(deFigure('2 000')).toBe('de 2 000');
  });
});
