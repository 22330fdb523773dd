import { describe, expect, it } from 'vitest';
import { formatCompact, formatNumber, type Lang } from './format';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const VALUES = [
  0, 1, 7, 42, 999, 1000, 1001, 1049, 1050, 1450, 1500, 9999, 10000, 12345, 20000, 99949, 99950, 100000, 110000, 120000, 999499, 999500,
  999999, 1000000, 1049999, 1050000, 1500000, 2678000, 12345678, 99999999, 999949999, 999950000, 1e9, 123456789012, -1, -1234, -1500, -1450,
  -1234567, 0.5, 2.25, 1234.5678, -0,
];

describe.each<Lang>(['fr', 'en'])('number formats (%s)', (lang) => {
  it('writes every number as Intl.NumberFormat does', () => {
    expect.hasAssertions();
    const intl = new Intl.NumberFormat(LOCALES[lang]);
    for (const v of VALUES) expect(formatNumber(v, lang), String(v)).toBe(intl.format(v));
  });

  it('writes every number as Intl’s compact notation (one decimal at most) does', () => {
    expect.hasAssertions();
    const intl = new Intl.NumberFormat(LOCALES[lang], { notation: 'compact', maximumFractionDigits: 1 });
    for (const v of VALUES) expect(formatCompact(v, lang), String(v)).toBe(intl.format(v));
  });
});
