import { describe, expect, it } from 'vitest';
import isoCountries from 'i18n-iso-countries/index.js';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import { countryChoices, WITHOUT_SHAPE } from './country-choices';

describe('the countries staff may choose as partners', () => {
  it('are the ISO countries world-atlas draws: the written-out list of those it lacks is the file’s', () => {
    const drawn = new Set(
      (world as { objects: { countries: { geometries: { id?: string }[] } } }).objects.countries.geometries
        .map((g) => g.id)
        .filter((id): id is string => Boolean(id)),
    );
    const lacking = Object.keys(isoCountries.getNumericCodes()).filter((numeric) => !drawn.has(numeric));
    expect(lacking.sort()).toEqual([...WITHOUT_SHAPE].sort());
    expect([...countryChoices().values()].every((c) => drawn.has(c.isoNumeric))).toBe(true);
  });

  it('name Bénin in French and English with its codes', () => {
    expect(countryChoices().get('BJ')).toEqual({
      iso2: 'BJ',
      isoNumeric: '204',
      name: { fr: 'Bénin', en: 'Benin' },
    });
    expect(countryChoices().has('RE')).toBe(false);
  });
});
