import { describe, expect, it } from 'vitest';
import { creditLines, publisherOf, publishers } from './credit';
import { measure } from './server/text-metrics';

const src = (title: string, url = 'https://www.lacimade.org/x') => ({ title, url });

describe('publisherOf', () => {
  it.each([
    ['La Cimadine n°18 (22/07/2016) – Échos des instances: AG du 18 juin 2016, exercice 2015', 'La Cimade'],
    ['La Cimade Île-de-France – Présentation', 'La Cimade'],
    [
      'La Cimade, Pôle Solidarités internationales – Fiche projet régional (mise à jour 2011) (copie pdfhall)',
      'La Cimade',
    ],
    [
      'Mediapart, 10/04/2009 – « Centres de rétention: la Cimade marginalisée par l’appel d’offres »',
      'Mediapart',
    ],
    [
      'Sénat, Délégation aux droits des femmes – audition de La Cimade, réunion du 9 avril 2009 (archive NosSénateurs)',
      'Sénat',
    ],
    ['FPH (fph.ch) – fiche partenaire La Cimade, rubrique « La Cimade en chiffres (2016) »', 'FPH'],
    [
      'Génération en Action – « La Cimade, défendre le droit des étrangers et leur dignité »',
      'Génération en Action',
    ],
  ])('%s → %s', (title, publisher) => {
    expect(publisherOf(src(title))).toBe(publisher);
  });

  it('names the site of a title that is only a quotation', () => {
    expect(publisherOf(src('« Un titre »', 'https://www.example.org/page'))).toBe('example.org');
  });
});

describe('creditLines', () => {
  const sources = [
    src('La Cimade – Nous connaître, Missions : « Quelques chiffres pour 2016 »'),
    src('Mediapart, 10/04/2009 – « x »'),
    src('La Cimadine n°21 (31/03/2017) – Échos de l’AG'),
    src('Sénat – audition'),
    src('Regards protestants – « Migrant’scène »'),
    src('Soualiga Post, 27/08/2025 – « y »'),
  ];
  const credit = {
    sources,
    view: { lang: 'fr' as const, year: 2016 },
    publishedAt: '2025-03-03T10:00:00Z',
    corrections: [],
  };

  it('names each publisher once, La Cimade first, with the date of the data and the licence', () => {
    const [first, second] = creditLines(credit, 'https://chiffres.example/benevoles?year=2016#graphique');
    expect(first).toBe(
      'Sources\u202f: La Cimade, Mediapart, Sénat, Regards protestants et Soualiga Post · Chiffres jusqu’en 2016',
    );
    expect(second).toBe(
      'La Cimade en chiffres · données au 3 mars 2025 · CC BY 4.0 · chiffres.example/benevoles?year=2016',
    );
  });

  it('shortens the list of publishers until the line fits, and drops the address before the date', () => {
    const fits = (line: string) => measure(line, 12) <= 400;
    const [first, second] = creditLines(
      credit,
      'https://chiffres.example/un-tres-long-chemin?metric=volunteers&year=2016',
      fits,
    );
    expect(first).toMatch(/^Sources\u202f: La Cimade(, [^·]+)? et \d autres · Chiffres jusqu’en 2016$/);
    expect(fits(first)).toBe(true);
    expect(second).toBe('La Cimade en chiffres · données au 3 mars 2025 · CC BY 4.0');
  });

  it('speaks English', () => {
    const [first, second] = creditLines({ ...credit, view: { lang: 'en' } }, 'https://x.example/en');
    expect(first).toBe('Sources: La Cimade, Mediapart, Sénat, Regards protestants and Soualiga Post');
    expect(second).toBe('La Cimade in figures · data as of 3 March 2025 · CC BY 4.0 · x.example/en');
  });

  it('lists each publisher once', () => {
    expect(
      publishers([
        src('La Cimade – a'),
        src('La Cimadine n°1 – b'),
        src('Mediapart – c'),
        src('Mediapart, 1/1/2010 – d'),
      ]),
    ).toEqual(['La Cimade', 'Mediapart']);
  });
});
