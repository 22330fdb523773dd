import { describe, expect, it } from 'vitest';
import { describeChange, formatDate } from './press-text';

describe('press text', () => {
  it.each([
    [
      { metric: 'volunteers', field: 'value', before: 2000, after: 2100 },
      'fr',
      '2016 · Bénévoles, chiffre\u202f: 2\u202f000 → 2\u202f100',
    ],
    [
      { metric: 'volunteers', field: 'qualifier', before: 'exact', after: 'about' },
      'en',
      '2016 · Volunteers, precision: exact → about',
    ],
    [{ metric: 'volunteers', field: '(added)', after: 5 }, 'en', '2016 · Volunteers: added (5)'],
    [{ metric: 'volunteers', field: '(removed)', before: 5 }, 'fr', '2016 · Bénévoles\u202f: retiré (5)'],
  ] as const)('describes %j in %s', (change, lang, text) => {
    expect(describeChange(2016, change, lang === 'fr' ? 'Bénévoles' : 'Volunteers', lang)).toBe(text);
  });

  it('dates in Paris time, in each language', () => {
    expect(formatDate('2025-03-02T23:30:00Z', 'fr')).toBe('3 mars 2025');
    expect(formatDate('2025-03-02T23:30:00Z', 'en')).toBe('3 March 2025');
  });
});
