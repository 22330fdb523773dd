/** A partner country that `data/` does not have, as staff add it in the catalogue specs: Bénin with one association. */
import type { Country } from '../../functions/src/core/reference';

export const BENIN: Country = {
  iso2: 'BJ',
  isoNumeric: '204',
  name: { fr: 'Bénin', en: 'Benin' },
  partners: [
    {
      name: 'ABC',
      fullName: 'Association béninoise de test',
      year: 2025,
      source: { title: 'Une page', url: 'https://example.org/abc', quote: 'ABC, Bénin' },
    },
  ],
};
