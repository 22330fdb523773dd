/**
 * The countries staff may choose as partners: every ISO 3166-1 country (codes and French and
 * English names from `i18n-iso-countries`) that has a shape in `world-atlas`'s 1:50m file, the
 * one the partner map is drawn from — a country without a shape could not be mapped. Which ISO
 * countries that file lacks is written out below rather than read from it: the file is 754 KB
 * that the admin function would bundle and parse at every cold start for one list of 15 codes.
 * `country-choices.spec.ts` checks the list against the file, so an upgrade of world-atlas that
 * draws more (or fewer) countries fails there.
 */
import isoCountries from 'i18n-iso-countries/index.js';
import frNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import enNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { CountryChoice } from './catalogue';

isoCountries.registerLocale(frNames);
isoCountries.registerLocale(enNames);

/** ISO 3166-1 numeric codes of the countries world-atlas 2.0.2's 1:50m file has no shape for. */
export const WITHOUT_SHAPE: ReadonlySet<string> = new Set([
  '074', // Bouvet Island
  '162', // Christmas Island
  '166', // Cocos (Keeling) Islands
  '175', // Mayotte
  '254', // French Guiana
  '292', // Gibraltar
  '312', // Guadeloupe
  '474', // Martinique
  '535', // Bonaire, Sint Eustatius and Saba
  '581', // United States Minor Outlying Islands
  '638', // Réunion
  '744', // Svalbard and Jan Mayen
  '772', // Tokelau
  '798', // Tuvalu
  '983', // Kosovo (i18n-iso-countries' user-assigned code; world-atlas draws Kosovo without an id)
]);

let choices: Map<string, CountryChoice> | undefined;

/** Every mappable country, by ISO alpha-2, sorted by French name. */
export function countryChoices(): ReadonlyMap<string, CountryChoice> {
  if (choices) return choices;
  const list = Object.entries(isoCountries.getNumericCodes())
    .filter(([numeric]) => !WITHOUT_SHAPE.has(numeric))
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
