/**
 * The countries staff may choose as partners: every ISO 3166-1 country (codes and French and
 * English names from `i18n-iso-countries`) that has a shape in `world-atlas`'s 1:50m file, the
 * one the partner map is drawn from — a country without a shape could not be mapped. Read by the
 * admin only: the public bundles never import it (the world file is large).
 */
import isoCountries from 'i18n-iso-countries/index.js';
import frNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import enNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { CountryChoice } from './catalogue';

isoCountries.registerLocale(frNames);
isoCountries.registerLocale(enNames);

let choices: Map<string, CountryChoice> | undefined;

/** Every mappable country, by ISO alpha-2, sorted by French name. */
export function countryChoices(): ReadonlyMap<string, CountryChoice> {
  if (choices) return choices;
  const shapes = new Set(
    (world as { objects: { countries: { geometries: { id?: string }[] } } }).objects.countries.geometries
      .map((g) => g.id)
      .filter((id): id is string => Boolean(id)),
  );
  const list = Object.entries(isoCountries.getNumericCodes())
    .filter(([numeric]) => shapes.has(numeric))
    .map(([isoNumeric, iso2]) => ({
      iso2,
      isoNumeric,
      name: {
        fr: isoCountries.getName(iso2, 'fr') ?? iso2,
        en: isoCountries.getName(iso2, 'en') ?? iso2,
      },
    }))
    .sort((a, b) => a.name.fr.localeCompare(b.name.fr, 'fr'));
  choices = new Map(list.map((c) => [c.iso2, c]));
  return choices;
}
