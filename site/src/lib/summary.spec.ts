import { describe, expect, it } from 'vitest';
import type { SeriesRow } from './rows';
import { t } from './i18n';
import {
  comparablePrevious,
  deNoun,
  direction,
  missingYears,
  multiplesSummary,
  multiplesTitle,
  nounOf,
  partnersSummary,
  regionsSummary,
  seriesSummary,
} from './summary';

const src = { title: 't', url: 'https://example.org' };
const row = (year: number, value: number, qualifier: SeriesRow['qualifier'] = 'exact'): SeriesRow => ({
  year,
  value,
  qualifier,
  source: src,
});
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const volunteers = { label: 'Bénévoles', kind: 'count' as const };

describe('seriesSummary', () => {
  it('says where a series went from and to, in French, with the gaps', () => {
    expect(
      nbsp(
        seriesSummary(
          volunteers,
          [row(2016, 2000), row(2017, 2200), row(2020, 2500, 'about'), row(2022, 2700), row(2024, 2678)],
          'fr',
        ),
      ),
    ).toBe(
      'De 2016 à 2024, le nombre de bénévoles est passé de 2 000 à 2 678 (pas de chiffre connu pour 2018–2019, 2021 et 2023).',
    );
  });

  it('keeps the qualifiers, in English', () => {
    expect(
      seriesSummary(
        { label: 'People supported', kind: 'count' },
        [row(2016, 100000), row(2017, 100000, 'more_than')],
        'en',
      ),
    ).toBe('From 2016 to 2017, the number of people supported rose from 100,000 to more than 100,000.');
  });

  it('says a figure stayed when the first and last read the same', () => {
    expect(
      nbsp(
        seriesSummary(
          { label: 'Centres de rétention administrative', kind: 'count' },
          [row(2008, 23), row(2009, 23)],
          'fr',
        ),
      ),
    ).toBe('De 2008 à 2009, le nombre de centres de rétention administrative est resté à 23.');
  });

  it('handles one figure and none', () => {
    expect(seriesSummary({ label: 'Local groups', kind: 'count' }, [row(2016, 83)], 'en')).toBe(
      'Only one figure is known: in 2016, the number of local groups was 83.',
    );
    expect(seriesSummary({ label: 'Adhérents', kind: 'count' }, [], 'fr')).toBe(
      'Aucun chiffre n’est publié pour le nombre d’adhérents.',
    );
  });
});

describe('summaries and breaks in series', () => {
  const cut = (year: number) => ({
    kind: 'break' as const,
    year,
    reason: 'La mission a été découpée en lots.',
  });
  const centres = [
    { ...row(2008, 23), segment: 0 },
    { ...row(2010, 10), segment: 1, cut: cut(2010) },
    { ...row(2016, 9), segment: 1 },
    { ...row(2019, 8), segment: 1 },
  ];

  it('compares only the figures after the last break, and says why the others are left out', () => {
    expect(nbsp(seriesSummary({ label: 'Centres', kind: 'count' }, centres, 'fr'))).toBe(
      'De 2010 à 2019, le nombre de centres est passé de 10 à 8 (pas de chiffre connu pour 2011–2015 et 2017–2018). La mission a été découpée en lots. Le chiffre de 2008 n’est donc pas comparé.',
    );
    expect(multiplesSummary([{ metric: { label: 'Centres' }, rows: centres }], 'en')).toBe(
      'Centres: from 10 (2010) to 8 (2019) (no figure for 2011–2015 and 2017–2018, 2008 figure not compared).',
    );
  });

  it('says when a compared figure’s year is inferred, and sets a headline beside a comparable figure only', () => {
    const rows = [
      { ...row(2016, 2), segment: 0 },
      { ...row(2022, 2700), segment: 1, cut: { kind: 'unit' as const }, confidence: 'medium' as const },
      { ...row(2024, 2678), segment: 1, confidence: 'high' as const },
    ];
    expect(seriesSummary({ label: 'Volunteers', kind: 'count' }, rows, 'en')).toBe(
      'From 2022 to 2024, the number of volunteers fell from 2,700 to 2,678 (no figure known for 2023). The year of the 2022 figure is inferred from an undated page. The 2016 figure counts something else and is not compared.',
    );
    expect(comparablePrevious(rows, rows[2])?.year).toBe(2022);
    expect(comparablePrevious(rows, rows[1])).toBeUndefined();
  });
});

describe('sentence helpers', () => {
  it.each([
    ['Bénévoles', 'bénévoles', 'de bénévoles'],
    ['Établissements pénitentiaires', 'établissements pénitentiaires', 'd’établissements pénitentiaires'],
    ['French course learners', 'French course learners', 'de French course learners'],
  ])('%s', (label, noun, de) => {
    expect(nounOf(label)).toBe(noun);
    expect(deNoun(noun)).toBe(de);
  });

  it('lists the years of a span that have no row', () => {
    expect(missingYears([row(2010, 1), row(2013, 1)], [2010, 2014])).toEqual([2011, 2012, 2014]);
  });
});

describe('other summaries', () => {
  it('summarises small multiples in one sentence', () => {
    const s = multiplesSummary(
      [
        { metric: { label: 'Bénévoles' }, rows: [row(2011, 2000), row(2024, 2678)] },
        { metric: { label: 'Salariés' }, rows: [row(2011, 90), row(2024, 151)] },
      ],
      'fr',
    );
    expect(nbsp(s)).toBe(
      'Bénévoles : de 2 000 (2011) à 2 678 (2024) (sans chiffre pour 2012–2023) ; salariés : de 90 (2011) à 151 (2024) (sans chiffre pour 2012–2023).',
    );
  });

  it('says when a metric reads the same at both ends', () => {
    expect(
      multiplesSummary(
        [{ metric: { label: 'People assisted in prison' }, rows: [row(2016, 2800), row(2018, 2800)] }],
        'en',
      ),
    ).toBe('People assisted in prison: 2,800 in both 2016 and 2018 (no figure for 2017).');
  });

  it('says plainly which regions have a figure', () => {
    const regions = [
      { name: 'Île-de-France', figure: row(2024, 20000, 'more_than') },
      { name: 'Sud-Ouest' },
      { name: 'Normandie' },
    ];
    expect(nbsp(regionsSummary({ label: 'Personnes accompagnées' }, 2024, regions, 'fr'))).toBe(
      'En 2024, seule la région Île-de-France a un chiffre publié de personnes accompagnées : plus de 20 000 ; les 2 autres régions connues n’en ont pas.',
    );
    expect(regionsSummary({ label: 'Members' }, 2019, [{ name: 'A' }], 'en')).toBe(
      'In 2019, no region has a published figure for members.',
    );
  });

  it('names the partner countries', () => {
    expect(partnersSummary(2011, ['Mali', 'Niger'], { value: 7, qualifier: 'exact' }, 'en')).toBe(
      'In 2011, La Cimade worked with 7 partner associations in 2 countries: Mali and Niger.',
    );
  });
});

describe('English without calques', () => {
  it('says a series rose or fell, and went only where the qualifiers leave it open', () => {
    const en = { label: 'Employees', kind: 'count' as const };
    expect(seriesSummary(en, [row(2011, 90), row(2024, 151)], 'en')).toBe(
      'From 2011 to 2024, the number of employees rose from 90 to 151 (no figure known for 2012–2023).',
    );
    expect(seriesSummary(en, [row(2011, 151), row(2012, 90)], 'en')).toBe(
      'From 2011 to 2012, the number of employees fell from 151 to 90.',
    );
    expect(seriesSummary(en, [row(2011, 90), row(2012, 100), row(2013, 90)], 'en')).toBe(
      'The number of employees was 90 in both 2011 and 2013.',
    );
    expect([
      direction(row(2016, 100_000, 'more_than'), row(2017, 110_000)),
      direction(row(2016, 100_000), row(2017, 100_000, 'more_than')),
      direction(row(2016, 100_000), row(2017, 120_000, 'more_than')),
      direction(row(2016, 100, 'about'), row(2017, 90, 'about')),
      direction({ ...row(2016, 150), upper: 200 }, row(2017, 180)),
      direction(row(2016, 7), row(2017, 7)),
      direction(row(2019, 75), row(2022, 75, 'more_than')),
    ]).toEqual([undefined, 'up', 'up', 'down', undefined, 'same', 'up']);
  });

  it('sets a headline beside the earlier figure as “up from” or “down from”, never “against”', () => {
    const en = t('en');
    expect(en.previous('2,700', 2022, [], 'down')).toBe('down from 2,700 in 2022');
    expect(en.previous('90', 2011, [], 'up')).toBe('up from 90 in 2011');
    expect(en.previous('7', 2019, [], 'same')).toBe('the same as in 2019');
    expect(en.previous('more than 100', 2019, [2019])).toBe(
      'compared with more than 100 in 2019 (year of the 2019 figure inferred from an undated page)',
    );
    expect(nbsp(t('fr').previous('2 700', 2022, [], 'down'))).toBe('contre 2 700 en 2022');
  });
});

describe('titles', () => {
  it('writes small multiples’ titles in sentence case, as the pages do', () => {
    expect(multiplesTitle(['Bénévoles', 'Salariés'], 'côte à côte', 'fr')).toBe(
      'Bénévoles et salariés, côte à côte',
    );
    expect(multiplesTitle(['Volunteers', 'Employees'], 'side by side', 'en')).toBe(
      'Volunteers and employees, side by side',
    );
    // A name keeps its capital (« French… », « Migrant’scène »).
    expect(multiplesTitle(['Learners', 'French course volunteers'], 'side by side', 'en')).toBe(
      'Learners and French course volunteers, side by side',
    );
  });
});
