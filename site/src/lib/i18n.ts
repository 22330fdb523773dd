/**
 * Every string of the explorer, in French and English. Metric and region names come from
 * the catalogue in data/; this holds the rest. Client-safe.
 */
import type { Qualifier } from '$core/schema';
import { pathIn, type ThemeKey } from './themes';

import { typeset, type Lang } from './format';
import { inferredAside } from './summary';

export type { Lang };
export const LANGS: readonly Lang[] = ['fr', 'en'];

type PageKey = ThemeKey | 'home' | 'sources';

interface Dictionary {
  locale: string;
  siteTitle: string;
  tagline: string;
  skip: string;
  mainNav: string;
  otherLang: { label: string; lang: Lang; name: string };
  pages: Record<PageKey, { title: string; intro: string }>;
  nav: Record<PageKey, string>;
  year: string;
  years: string;
  latest: string;
  figure: string;
  figures: string;
  chooseYear: string;
  chooseFigure: string;
  show: string;
  noFigure: string;
  noFigureFor: (what: string) => string;
  source: string;
  sources: string;
  showTable: string;
  table: {
    year: string;
    figure: string;
    quote: string;
    source: string;
    region: string;
    country: string;
    partners: string;
  };
  legend: { exact: string; qualified: string; gap: string; range: string; selected: string };
  /** Under a chart: a break in its series (Eurostat's « b »), with its public reason. */
  breakNote: (year: number, reason: string) => string;
  /** Under a chart: from this year the figures count another thing (another unit), not compared with earlier ones. */
  unitChangeNote: (year: number) => string;
  keyboardHint: string;
  precision: string;
  qualifierNames: Record<Qualifier, string>;
  inYear: (year: number) => string;
  missingInYear: (year: number) => string;
  missingCount: (count: number, year: number) => string;
  sideBySide: string;
  sideBySideNote: string;
  /**
   * The earlier figure a headline compares with; `inferred`: the years of the two read off
   * undated pages; `way`: whether the figure rose or fell since, when that can be said.
   */
  previous: (
    figure: string,
    year: number,
    inferred?: readonly number[],
    way?: 'up' | 'down' | 'same',
  ) => string;
  firstKnown: string;
  seeTheme: string;
  themesHeading: string;
  footer: string;
  act: { heading: string; donate: string; join: string; external: string };
  notFound: string;
  error: string;
  backHome: string;
  overseas: string;
  national: (figure: string, year: number) => string;
  regionsNoFigure: (year: number, noun: string) => string;
  regionsIncomplete: (known: number, total: number | undefined) => string;
  regionsMap: string;
  regionsRanked: string;
  regionsKnown: string;
  backToMap: string;
  regionDetails: string;
  regionsNone: string;
  regionsDepartmentsUnknown: string;
  partnersMap: string;
  partnersList: string;
  partnersNoneNamed: string;
  /** How many partners the sources name, for which years, against the year shown's count. */
  partnersNamedCount: (
    named: number,
    namedYears: string,
    year: number | undefined,
    total: number | undefined,
  ) => string;
  /** « nommée en 2011 »: a partner named by a source for another year than the one shown. */
  namedIn: (year: number) => string;
  partnersCountries: string;
  partnerIn: (years: string) => string;
  notPartnerInYear: (year: number) => string;
  franceLabel: string;
  centres: string;
  sourcesList: string;
  qualifiersHeading: string;
  qualifiersIntro: string;
  qualifierExamples: Record<Qualifier, string>;
  gapsHeading: string;
  gapsYears: (years: string) => string;
  methodHeading: string;
  method: string[];
  alternatives: {
    heading: string;
    intro: string;
    /** The precedence rule, paragraph by paragraph. */
    rule: string[];
    columns: { year: string; figure: string; published: string; other: string };
    rank: Record<'seed' | 'cimade' | 'third-party', string>;
    inferred: string;
  };
  usedFor: string;
  close: string;
  /** A published figure corrected later, and the year's notes for readers (issue 12). */
  corrections: {
    note: (date: string, reason?: string, years?: string) => string;
    yearNotes: (year: number) => string;
  };
  /** Words of the maps, pictures, downloads and embeds that no page heading carries. */
  press: {
    /** A regions map's title: « Bénévoles par région, 2023 ». */
    byRegion: (label: string, year: number) => string;
    areaProportional: string;
    noPublishedFigure: string;
    partnerOtherYear: string;
    /** Before an embed's title in its accessible name: « Graphique » (then a colon). */
    chart: string;
    sheetData: string;
    sheetAbout: string;
    yes: string;
    no: string;
    /** Open Graph's locale, e.g. fr_FR. */
    ogLocale: string;
    keyFiguresFor: (year: number) => string;
    from: string;
    licenceLine: (short: string, url: string) => string;
    keysCountries: string;
    keysRegions: string;
  };
  homeMultiples: string;
}

const fr: Dictionary = {
  locale: 'fr-FR',
  siteTitle: 'La Cimade en chiffres',
  tagline: 'Ce que fait La Cimade, année après année, en chiffres sourcés.',
  skip: 'Aller au contenu',
  mainNav: 'Thèmes',
  otherLang: { label: 'English', lang: 'en', name: 'Read this page in English' },
  pages: {
    home: {
      title: 'Accueil',
      intro:
        'Depuis 1939, La Cimade défend les droits des personnes migrantes, réfugiées et demandeuses d’asile. Voici ce qu’elle fait, en chiffres publiés et sourcés.',
    },
    people: {
      title: 'Personnes accompagnées',
      intro:
        'Les personnes que La Cimade informe, conseille et accompagne dans ses permanences, au téléphone et dans ses cours de français.',
    },
    volunteers: {
      title: 'Bénévoles, groupes locaux et salariés',
      intro: 'Les bénévoles, les groupes locaux et l’équipe salariée qui font vivre l’association.',
    },
    regions: {
      title: 'Les régions en France',
      intro:
        'La Cimade s’organise en régions qui ne suivent pas toujours les régions administratives. Voici ce que les sources disent de chacune.',
    },
    international: {
      title: 'Pays partenaires',
      intro:
        'Hors de France, La Cimade travaille avec des associations partenaires en Afrique du Nord et de l’Ouest, au sein du réseau Loujna-Tounkaranké.',
    },
    detention: {
      title: 'Rétention et prisons',
      intro:
        'La Cimade aide les personnes enfermées en centre de rétention administrative et les personnes étrangères détenues en prison à faire valoir leurs droits.',
    },
    housing: {
      title: 'Hébergement à Massy et Béziers',
      intro:
        'La Cimade héberge des réfugiés et des demandeurs d’asile dans ses centres de Massy (Essonne) et de Béziers (Hérault).',
    },
    sources: {
      title: 'Sources et méthode',
      intro:
        'D’où vient chaque chiffre, ce que veulent dire « plus de » et « environ », et les années pour lesquelles on ne sait rien.',
    },
  },
  nav: {
    home: 'Accueil',
    people: 'Personnes',
    volunteers: 'Bénévoles',
    regions: 'Régions',
    international: 'International',
    detention: 'Rétention et prisons',
    housing: 'Hébergement',
    sources: 'Sources',
  },
  year: 'Année',
  years: 'Années',
  latest: 'Derniers chiffres',
  figure: 'Chiffre',
  figures: 'Chiffres',
  chooseYear: 'Choisir l’année',
  chooseFigure: 'Choisir l’indicateur',
  show: 'Afficher',
  noFigure: 'pas de chiffre connu',
  noFigureFor: (what) => `Pas de chiffre connu pour ${what}.`,
  source: 'Source',
  sources: 'Sources',
  showTable: 'Voir les données (tableau)',
  table: {
    year: 'Année',
    figure: 'Chiffre',
    quote: 'Ce que dit la source',
    source: 'Source',
    region: 'Région',
    country: 'Pays',
    partners: 'Associations partenaires nommées',
  },
  breakNote: (y, reason) => `Rupture de série en ${y} : ${reason}`,
  unitChangeNote: (y) =>
    `À partir de ${y}, la source compte autre chose : les chiffres de part et d’autre ne sont pas comparés.`,
  legend: {
    exact: 'Chiffre exact',
    qualified: 'Chiffre approché (« plus de », « environ », « près de »)',
    gap: 'Pas de chiffre (année en italique)',
    range: 'Fourchette donnée par la source',
    selected: 'Année choisie',
  },
  keyboardHint: 'Au clavier, les flèches passent d’une barre à l’autre ; Entrée choisit l’année.',
  precision: 'Précision',
  qualifierNames: {
    exact: 'exact',
    approx: 'approché (« près de »)',
    about: 'approché (« environ »)',
    more_than: 'minimum (« plus de »)',
  },
  inYear: (y) => `En ${y}`,
  missingInYear: (y) => `Sans chiffre connu en ${y}`,
  missingCount: (n, y) => `${n} chiffres sans valeur connue en ${y}`,
  sideBySide: 'côte à côte',
  sideBySideNote: 'Chaque petit graphique a sa propre échelle : comparez les évolutions, pas les hauteurs.',
  previous: (f, y, inferred = []) =>
    `contre ${f} en ${y}${inferred.length ? ` (année${inferred.length > 1 ? 's' : ''} ${inferred.join(' et ')} déduite${inferred.length > 1 ? 's' : ''} d’une page non datée)` : ''}`,
  firstKnown: 'premier chiffre connu',
  seeTheme: 'Voir le thème',
  themesHeading: 'Explorer par thème',
  footer:
    'Chiffres publiés par La Cimade et sources publiques citées. Aucun chiffre n’est estimé ni interpolé\u00a0: une année inconnue reste vide.',
  act: {
    heading: 'Agir avec La Cimade',
    donate: 'Faire un don',
    join: 'Agir\u00a0: adhérer',
    external: 'sur le site de La Cimade',
  },
  notFound: 'Cette page n’existe pas.',
  error: 'Une erreur est survenue.',
  backHome: 'Retour à l’accueil',
  overseas: 'Outre-mer',
  national: (f, y) => `Au niveau national : ${f} (${y}).`,
  regionsNoFigure: (y, noun) => `Sans chiffre publié de ${noun} en ${y}`,
  regionsIncomplete: (known, total) =>
    total
      ? `Les sources nomment ${known} des ${total} régions de La Cimade ; la liste complète n’a pas été trouvée.`
      : `Les sources nomment ${known} régions de La Cimade ; la liste complète n’a pas été trouvée.`,
  regionsMap: 'Carte des régions',
  regionsRanked: 'Classement des régions',
  regionsKnown: 'Ce que l’on sait de chaque région',
  backToMap: 'Retour à la carte',
  regionDetails: 'Tout ce qui est connu de cette région',
  regionsNone: 'Aucun chiffre publié pour cette région.',
  regionsDepartmentsUnknown: 'Départements non connus.',
  partnersMap: 'Carte des pays partenaires',
  partnersList: 'Pays et associations partenaires',
  partnersNoneNamed: 'Aucune association nommée dans les sources trouvées.',
  partnersNamedCount: (named, namedYears, year, total) =>
    `Les sources trouvées nomment ${named} associations partenaires, pour ${namedYears}` +
    (total && year !== undefined
      ? ` ; en ${year}, La Cimade en comptait ${total}, mais aucune source trouvée ne les nomme toutes.`
      : '.'),
  namedIn: (y) => `nommée en ${y}`,
  partnersCountries: 'Pays partenaires',
  partnerIn: (years) => `Partenaire en ${years}`,
  notPartnerInYear: (y) => `pas dans la liste de ${y}`,
  franceLabel: 'France',
  centres: 'Les centres',
  sourcesList: 'Toutes les sources',
  qualifiersHeading: 'Chiffres exacts et chiffres approchés',
  qualifiersIntro:
    'Chaque chiffre garde la précision que lui donne sa source. « Plus de 100 000 » n’est pas « 100 000 » : les graphiques, les tableaux et les résumés le disent.',
  qualifierExamples: {
    exact: 'un nombre donné tel quel : « 83 groupes locaux »',
    approx: '« près de » ; aussi les fourchettes (« 150 à 200 »)',
    about: '« environ », « une centaine »',
    more_than: '« plus de », « dépasse » : le chiffre est un minimum',
  },
  gapsHeading: 'Les années sans chiffre',
  gapsYears: (years) =>
    `Aucun chiffre n’a été trouvé pour ${years}. Les graphiques laissent ces années vides : rien n’est estimé ni interpolé.`,
  methodHeading: 'Méthode',
  method: [
    'Chaque chiffre vient d’une page publique, citée avec le passage d’où il est tiré. Quand deux sources diffèrent, le site retient d’abord les pages de La Cimade elle-même.',
    'Quand la formulation change d’une année à l’autre (« permanences » puis « permanences et formations »), les chiffres sont gardés comme deux indicateurs distincts plutôt que mis bout à bout.',
    'Les chiffres des régions, des centres et des groupes locaux ne sont connus que pour quelques années : une région sans chiffre est signalée, jamais comptée comme zéro.',
  ],
  alternatives: {
    heading: 'Autres valeurs trouvées',
    intro:
      'Pour quelques années, une autre source donne un autre chiffre que celui publié. Ces valeurs ne sont jamais tracées : elles sont gardées ici, à côté du chiffre retenu.',
    rule: [
      'Le chiffre publié est choisi selon qui le publie, dans cet ordre : d’abord la page « Missions » de La Cimade (« Quelques chiffres pour 2016 »), document de départ du projet ; puis les pages, lettres (La Cimadine) et rapports de La Cimade elle-même ; enfin les tiers qui la citent (presse, fondations partenaires, relais d’offres d’emploi).',
      'Cet ordre vaut même quand l’année de la page de La Cimade est déduite d’une page non datée et que le tiers, lui, est daté : le chiffre de La Cimade est publié, marqué « année déduite », et celui du tiers figure ici. Un tiers n’est publié que lorsqu’aucune page de La Cimade ne donne de chiffre pour l’année.',
    ],
    columns: { year: 'Année', figure: 'Chiffre', published: 'Publié', other: 'Autre valeur' },
    rank: { seed: 'page « Missions » (2016)', cimade: 'La Cimade', 'third-party': 'tiers' },
    inferred: 'année déduite',
  },
  usedFor: 'Chiffres tirés de cette source',
  close: 'Fermer',
  corrections: {
    note: (date, reason, years) =>
      `Corrigé le ${date}${years ? ` (chiffres de ${years})` : ''}${reason ? ` : ${reason}` : ''}`,
    yearNotes: (y) => `Notes sur l’année ${y}`,
  },
  press: {
    byRegion: (label, year) => `${label} par région, ${year}`,
    areaProportional: 'Surface proportionnelle au chiffre',
    noPublishedFigure: 'Pas de chiffre publié',
    partnerOtherYear: 'Partenaire une autre année',
    chart: 'Graphique',
    sheetData: 'Données',
    sheetAbout: 'À propos',
    yes: 'oui',
    no: 'non',
    ogLocale: 'fr_FR',
    keyFiguresFor: (year) => `Quelques chiffres pour ${year}`,
    from: 'D’après',
    licenceLine: (short, url) => `Licence : ${short} — ${url}`,
    keysCountries: 'Au clavier, les flèches passent d’un pays à l’autre.',
    keysRegions: 'Au clavier, les flèches passent d’une région à l’autre.',
  },
  homeMultiples: 'Quatre tendances, côte à côte',
};

const en: Dictionary = {
  locale: 'en-GB',
  siteTitle: 'La Cimade in figures',
  tagline: 'What La Cimade does, year after year, in sourced figures.',
  skip: 'Skip to content',
  mainNav: 'Themes',
  otherLang: { label: 'Français', lang: 'fr', name: 'Lire cette page en français' },
  pages: {
    home: {
      title: 'Home',
      intro:
        'Since 1939, La Cimade has defended the rights of migrants, refugees and asylum seekers in France. Here is what it does, in published and sourced figures.',
    },
    people: {
      title: 'People supported',
      intro:
        'The people La Cimade informs, advises and supports at its reception points, on the phone and in its French classes.',
    },
    volunteers: {
      title: 'Volunteers, local groups and staff',
      intro: 'The volunteers, local groups and employees who keep the association going.',
    },
    regions: {
      title: 'Regions in France',
      intro:
        'La Cimade is organised in regions that do not always follow France’s administrative regions. Here is what the sources say about each.',
    },
    international: {
      title: 'Partner countries',
      intro:
        'Outside France, La Cimade works with partner associations in North and West Africa, within the Loujna-Tounkaranké network.',
    },
    detention: {
      title: 'Detention and prisons',
      intro:
        'La Cimade helps people held in immigration detention centres and foreign nationals in prison to exercise their rights.',
    },
    housing: {
      title: 'Housing in Massy and Béziers',
      intro:
        'La Cimade houses refugees and asylum seekers in its centres in Massy (Essonne) and Béziers (Hérault).',
    },
    sources: {
      title: 'Sources and method',
      intro:
        'Where each figure comes from, what “more than” and “about” mean, and the years nothing is known for.',
    },
  },
  nav: {
    home: 'Home',
    people: 'People',
    volunteers: 'Volunteers',
    regions: 'Regions',
    international: 'International',
    detention: 'Detention and prisons',
    housing: 'Housing',
    sources: 'Sources',
  },
  year: 'Year',
  years: 'Years',
  latest: 'Latest figures',
  figure: 'Figure',
  figures: 'Figures',
  chooseYear: 'Choose the year',
  chooseFigure: 'Choose the figure',
  show: 'Show',
  noFigure: 'no known figure',
  noFigureFor: (what) => `No known figure for ${what}.`,
  source: 'Source',
  sources: 'Sources',
  showTable: 'Show the data (table)',
  table: {
    year: 'Year',
    figure: 'Figure',
    quote: 'What the source says (in French)',
    source: 'Source',
    region: 'Region',
    country: 'Country',
    partners: 'Partner associations named',
  },
  breakNote: (y, reason) => `Break in series in ${y}: ${reason}`,
  unitChangeNote: (y) =>
    `From ${y} the source counts something else: figures on either side are not compared.`,
  legend: {
    exact: 'Exact figure',
    qualified: 'Approximate figure (“more than”, “about”, “nearly”)',
    gap: 'No figure (year in italics)',
    range: 'Range given by the source',
    selected: 'Selected year',
  },
  keyboardHint: 'With the keyboard, arrow keys move from bar to bar; Enter selects the year.',
  precision: 'Precision',
  qualifierNames: {
    exact: 'exact',
    approx: 'approximate (“nearly”)',
    about: 'approximate (“about”)',
    more_than: 'a minimum (“more than”)',
  },
  inYear: (y) => `In ${y}`,
  missingInYear: (y) => `No known figure in ${y}`,
  missingCount: (n, y) => `${n} figures with no known value in ${y}`,
  sideBySide: 'side by side',
  sideBySideNote: 'Each small chart has its own scale: compare the trends, not the heights.',
  previous: (f, y, inferred = [], way) =>
    `${way === 'up' ? `up from ${f} in ${y}` : way === 'down' ? `down from ${f} in ${y}` : way === 'same' ? `the same as in ${y}` : `compared with ${f} in ${y}`}${
      inferred.length ? ` (${inferredAside(inferred.map(String), 'en')})` : ''
    }`,
  firstKnown: 'first known figure',
  seeTheme: 'See the theme',
  themesHeading: 'Explore by theme',
  footer:
    'Figures published by La Cimade and the public sources cited. No figure is estimated or interpolated: an unknown year stays empty.',
  act: {
    heading: 'Act with La Cimade',
    donate: 'Donate',
    join: 'Act: become a member',
    external: 'on La Cimade’s website, in French',
  },
  notFound: 'This page does not exist.',
  error: 'Something went wrong.',
  backHome: 'Back to the home page',
  overseas: 'Overseas',
  national: (f, y) => `Nationally: ${f} (${y}).`,
  regionsNoFigure: (y, noun) => `No published figure for ${noun} in ${y}`,
  regionsIncomplete: (known, total) =>
    total
      ? `The sources name ${known} of La Cimade’s ${total} regions; no complete list was found.`
      : `The sources name ${known} of La Cimade’s regions; no complete list was found.`,
  regionsMap: 'Map of the regions',
  regionsRanked: 'Regions ranked',
  regionsKnown: 'What is known of each region',
  backToMap: 'Back to the map',
  regionDetails: 'All that is known of this region',
  regionsNone: 'No figure published for this region.',
  regionsDepartmentsUnknown: 'Departments not known.',
  partnersMap: 'Map of the partner countries',
  partnersList: 'Partner countries and associations',
  partnersNoneNamed: 'No association named in the sources found.',
  partnersNamedCount: (named, namedYears, year, total) =>
    `The sources found name ${named} partner associations, for ${namedYears}` +
    (total && year !== undefined
      ? `; in ${year}, La Cimade counted ${total}, but no source found names them all.`
      : '.'),
  namedIn: (y) => `named in ${y}`,
  partnersCountries: 'Partner countries',
  partnerIn: (years) => `Partner in ${years}`,
  notPartnerInYear: (y) => `not on the ${y} list`,
  franceLabel: 'France',
  centres: 'The centres',
  sourcesList: 'Every source',
  qualifiersHeading: 'Exact and approximate figures',
  qualifiersIntro:
    'Each figure keeps the precision its source gives it. “More than 100,000” is not “100,000”: the charts, tables and summaries say so.',
  qualifierExamples: {
    exact: 'a plain number: “83 local groups”',
    approx: '“nearly”; also ranges (“150 to 200”)',
    about: '“about”, “a hundred or so”',
    more_than: '“more than”, “exceeds”: the figure is a minimum',
  },
  gapsHeading: 'Years with no figure',
  gapsYears: (years) =>
    `No figure was found for ${years}. The charts leave these years empty: nothing is estimated or interpolated.`,
  methodHeading: 'Method',
  method: [
    'Every figure comes from a public page, cited with the passage it is read from. Where two sources differ, La Cimade’s own pages come first.',
    'Where the wording changes from one year to the next (“reception points”, then “reception points and courses”), the figures are kept as two separate measures rather than joined end to end.',
    'Figures for regions, centres and local groups are known for a few years only: a region with no figure is said to have none, never counted as zero.',
  ],
  alternatives: {
    heading: 'Other values found',
    intro:
      'For a few years, another source gives another figure than the one published. These values are never charted: they are kept here, beside the figure chosen.',
    rule: [
      'The published figure is chosen by who publishes it, in this order: first La Cimade’s “Missions” page (“Quelques chiffres pour 2016”), the project’s starting document; then La Cimade’s own pages, newsletters (La Cimadine) and reports; last, third parties quoting it (press, partner foundations, job boards).',
      'The order holds even when the year of La Cimade’s page is inferred from an undated page and the third party is dated: La Cimade’s figure is published, marked “year inferred”, and the third party’s is listed here. A third party is published only when no page of La Cimade gives a figure for the year.',
    ],
    columns: { year: 'Year', figure: 'Figure', published: 'Published', other: 'Other value' },
    rank: { seed: '“Missions” page (2016)', cimade: 'La Cimade’s own page', 'third-party': 'third party' },
    inferred: 'year inferred',
  },
  usedFor: 'Figures read from this source',
  close: 'Close',
  corrections: {
    note: (date, reason, years) =>
      `Corrected on ${date}${years ? ` (figures of ${years})` : ''}${reason ? `: ${reason}` : ''}`,
    yearNotes: (y) => `Notes on ${y}`,
  },
  press: {
    byRegion: (label, year) => `${label} by region, ${year}`,
    areaProportional: 'Area proportional to the figure',
    noPublishedFigure: 'No published figure',
    partnerOtherYear: 'Partner in another year',
    chart: 'Chart',
    sheetData: 'Data',
    sheetAbout: 'About',
    yes: 'yes',
    no: 'no',
    ogLocale: 'en_GB',
    keyFiguresFor: (year) => `A few figures for ${year}`,
    from: 'From',
    licenceLine: (short, url) => `Licence: ${short} — ${url}`,
    keysCountries: 'With the keyboard, arrow keys move from country to country.',
    keysRegions: 'With the keyboard, arrow keys move from region to region.',
  },
  homeMultiples: 'Four trends, side by side',
};

/** Every string of a dictionary, and every string its functions return, typeset for its language. */
function typesetAll<T>(value: T, lang: Lang): T {
  if (typeof value === 'string') return typeset(value, lang) as T;
  if (typeof value === 'function')
    return ((...args: unknown[]) => typesetAll((value as (...a: unknown[]) => unknown)(...args), lang)) as T;
  if (Array.isArray(value)) return value.map((v) => typesetAll(v, lang)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesetAll(v, lang)])) as T;
  return value;
}

const dictionaries: Record<Lang, Dictionary> = { fr: typesetAll(fr, 'fr'), en: typesetAll(en, 'en') };

export const t = (lang: Lang): Dictionary => dictionaries[lang];

export const toLang = (param: string | undefined): Lang => (param === 'en' ? 'en' : 'fr');

/**
 * A page's path in a language, from its bare path in either: `/personnes` in French,
 * `/en/people-supported` in English (each theme has its own slug in each language).
 */
export function localPath(lang: Lang, path: string): string {
  const own = pathIn(lang, path);
  if (lang === 'fr') return own;
  return own === '/' ? '/en' : `/en${own}`;
}

/** A path without its language: `/en/people-supported` → `/people-supported`. */
export const barePath = (pathname: string): string => pathname.replace(/^\/en(?=\/|$)/, '') || '/';

/** The same view (path and query) in the other language. */
export function otherLangHref(url: URL, lang: Lang): string {
  return localPath(lang === 'en' ? 'fr' : 'en', barePath(url.pathname)) + url.search;
}

/**
 * Where a page written in the other language's slug lives (answered with a 308):
 * `/en/personnes` → `/en/people-supported`, `/volunteers` → `/benevoles`; undefined for a
 * path already in its own language's slug.
 */
export function slugRedirect(pathname: string): string | undefined {
  const lang: Lang = /^\/en(\/|$)/.test(pathname) ? 'en' : 'fr';
  const bare = barePath(pathname);
  const own = localPath(lang, bare);
  if (pathIn(lang, bare) === bare) return undefined;
  return own;
}
