/**
 * The explorer's theme pages: which metrics each one charts. Client-safe (no core import),
 * so the navigation and the route matcher can use it.
 */
export type ThemeKey = 'people' | 'volunteers' | 'regions' | 'international' | 'detention' | 'housing';

export interface SeriesTheme {
  key: ThemeKey;
  slug: string;
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
    toggles: ['volunteers', 'employees', 'local_groups', 'french_course_volunteers'],
    multiples: [['volunteers', 'employees']],
    all: ['volunteers', 'employees', 'local_groups', 'members', 'french_course_volunteers'],
  },
  {
    key: 'detention',
    slug: 'retention-prison',
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

export const themeBySlug = new Map(SERIES_THEMES.map((t) => [t.slug, t]));

/** Every page of the explorer, in navigation order, with its path (without the language prefix). */
export const PAGES: { key: ThemeKey | 'home' | 'sources'; path: string }[] = [
  { key: 'home', path: '/' },
  { key: 'people', path: '/personnes' },
  { key: 'volunteers', path: '/benevoles' },
  { key: 'regions', path: '/regions' },
  { key: 'international', path: '/international' },
  { key: 'detention', path: '/retention-prison' },
  { key: 'housing', path: '/hebergement' },
  { key: 'sources', path: '/sources' },
];
