/**
 * The explorer's theme pages: which metrics each one charts. Client-safe (no core import),
 * so the navigation and the route matcher can use it.
 */
export type ThemeKey = 'people' | 'volunteers' | 'regions' | 'international' | 'detention' | 'housing';

export interface SeriesTheme {
  key: ThemeKey;
  /** The French slug, the page's path at `/` and the id of its charts (embeds keep it in every language). */
  slug: string;
  /** The English slug, its path under `/en` (the French slug there redirects to it). */
  enSlug: string;
  /** Metrics offered as toggles for the main chart, the first being the default. */
  toggles: string[];
  /** Groups drawn side by side as small multiples, where a dual axis would tempt. */
  multiples: string[][];
  /** Every national metric of the theme, listed in the "in this year" panel. */
  all: string[];
  /** Figures of centres (`centre.<slug>.<metric>`) shown as facts on the page. */
  centres?: { slugs: string[]; metrics: string[] };
}

/** Theme pages built from series over years (regions and international have their own maps). */
export const SERIES_THEMES: SeriesTheme[] = [
  {
    key: 'people',
    slug: 'personnes',
    enSlug: 'people-supported',
    toggles: ['people_supported', 'reception_points', 'phone_contacts', 'french_course_learners'],
    multiples: [['people_supported', 'reception_points']],
    all: [
      'people_supported',
      'reception_points',
      'reception_points_and_french_courses',
      'phone_contacts',
      'french_course_learners',
    ],
  },
  {
    key: 'volunteers',
    slug: 'benevoles',
    enSlug: 'volunteers',
    toggles: ['volunteers', 'employees', 'local_groups', 'french_course_volunteers'],
    multiples: [['volunteers', 'employees']],
    all: ['volunteers', 'employees', 'local_groups', 'members', 'french_course_volunteers'],
  },
  {
    key: 'detention',
    slug: 'retention-prison',
    enSlug: 'detention-and-prisons',
    toggles: [
      'detention_centres',
      'retention_people_assisted',
      'prisons',
      'prison_people_assisted',
      'prison_volunteers',
      'prison_interviews',
    ],
    multiples: [
      ['detention_centres', 'prisons'],
      ['retention_people_assisted', 'prison_people_assisted'],
    ],
    all: [
      'detention_centres',
      'detention_centres_overseas',
      'detention_sites',
      'retention_local_centres',
      'retention_people_assisted',
      'retention_staff_fte',
      'retention_volunteers_cra',
      'retention_volunteers_lra',
      'retention_interpreter_volunteers',
      'retention_contract_lots',
      'prisons',
      'prison_people_assisted',
      'prison_volunteers',
      'prison_interviews',
    ],
    centres: { slugs: ['mesnil-amelot-cra'], metrics: ['employees'] },
  },
  {
    key: 'housing',
    slug: 'hebergement',
    enSlug: 'housing',
    toggles: ['housed_people'],
    multiples: [],
    all: ['housed_people', 'housing_places'],
    centres: {
      slugs: ['massy', 'beziers'],
      metrics: [
        'housing_places',
        'housing_places_added',
        'housed_people_on_site',
        'housed_people_apartments',
        'people_housed_cumulative',
        'employees',
      ],
    },
  },
];

/** A theme by its French slug: the chart ids and the French paths. */
export const themeBySlug = new Map(SERIES_THEMES.map((t) => [t.slug, t]));

/** A theme by its slug in either language, with the language that slug belongs to. */
export const themeByAnySlug = new Map<string, { theme: SeriesTheme; lang: 'fr' | 'en' }>(
  SERIES_THEMES.flatMap((t) => [
    [t.slug, { theme: t, lang: 'fr' as const }],
    [t.enSlug, { theme: t, lang: 'en' as const }],
  ]),
);

/**
 * Every page of the explorer, in navigation order, with its French path and its English one
 * (without the `/en` prefix): `/personnes` and `/people-supported`.
 */
export const PAGES: { key: ThemeKey | 'home' | 'sources'; path: string; en: string }[] = [
  { key: 'home', path: '/', en: '/' },
  themePage('people'),
  themePage('volunteers'),
  { key: 'regions', path: '/regions', en: '/regions' },
  { key: 'international', path: '/international', en: '/international' },
  themePage('detention'),
  themePage('housing'),
  { key: 'sources', path: '/sources', en: '/sources' },
];

function themePage(key: ThemeKey): { key: ThemeKey; path: string; en: string } {
  const t = SERIES_THEMES.find((s) => s.key === key)!;
  return { key, path: `/${t.slug}`, en: `/${t.enSlug}` };
}

/**
 * A page's bare path (no `/en`) written in one language, in the other: `/personnes` →
 * `/people-supported` for English, `/volunteers` → `/benevoles` for French; a path of
 * neither (`/admin`, `/regions`) unchanged.
 */
export function pathIn(lang: 'fr' | 'en', bare: string): string {
  const page = PAGES.find((p) => p.path === bare || p.en === bare);
  if (!page) return bare;
  return lang === 'en' ? page.en : page.path;
}
