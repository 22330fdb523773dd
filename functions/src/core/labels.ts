/**
 * The words staff use for what the core keeps as codes, both ways: a metric key and its
 * label (« Bénévoles — Île-de-France »), a qualifier and « plus de », the column names of
 * a spreadsheet in French or English. The import reads any of them; the model offered for
 * download writes the French ones.
 */
import {
  centreBySlug,
  centres,
  localGroupBySlug,
  localGroups,
  metricById,
  metrics,
  regionBySlug,
  regions,
} from './reference';
import { formatMetricKey, QUALIFIERS, type Qualifier, type Scope } from './metric-keys';
import { parseMetricKey } from './metric-keys';

type Lang = 'fr' | 'en';

/** Case, accents, punctuation and spacing do not matter: « Titre de la source » = `source_title`-like `titre_de_la_source`. */
export const normalise = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const placeTables = { region: regionBySlug, centre: centreBySlug, local_group: localGroupBySlug } as const;
const places = { region: regions, centre: centres, local_group: localGroups } as const;

/** « Bénévoles — Île-de-France »; the key itself when the catalogue does not know it. */
export function metricKeyLabel(key: string, lang: Lang): string {
  const parsed = parseMetricKey(key);
  const def = parsed && metricById.get(parsed.metric);
  if (!parsed || !def) return key;
  if (!parsed.scope) return def.label[lang];
  const place = placeTables[parsed.scope.kind].get(parsed.scope.slug)?.name[lang] ?? parsed.scope.slug;
  return `${def.label[lang]} — ${place}`;
}

let byLabel: Map<string, string> | undefined;

/** Every label of every key, in both languages; a label two keys share is left out (the key is then needed). */
function labelIndex(): Map<string, string> {
  if (byLabel) return byLabel;
  const found = new Map<string, string | null>();
  const add = (label: string, key: string) => {
    const n = normalise(label);
    found.set(n, found.has(n) && found.get(n) !== key ? null : key);
  };
  for (const def of metrics)
    for (const scope of def.scopes) {
      const keys =
        scope === 'national'
          ? [def.id]
          : places[scope as Scope].map((p) =>
              formatMetricKey({ metric: def.id, scope: { kind: scope as Scope, slug: p.slug } }),
            );
      for (const key of keys) for (const lang of ['fr', 'en'] as const) add(metricKeyLabel(key, lang), key);
    }
  byLabel = new Map([...found].filter((e): e is [string, string] => e[1] !== null));
  return byLabel;
}

/** The metric key a cell names: the key itself, or a label in French or English. */
export function metricKeyOf(cell: string): string {
  const raw = cell.trim();
  if (parseMetricKey(raw)) return raw;
  return labelIndex().get(normalise(raw)) ?? raw;
}

/** The French words staff write for each qualifier, as the model writes them. */
export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: 'exact',
  approx: 'près de',
  about: 'environ',
  more_than: 'plus de',
};

const QUALIFIER_ALIASES = new Map<string, Qualifier>(
  Object.entries({
    exact: 'exact',
    exacte: 'exact',
    approx: 'approx',
    'pres de': 'approx',
    presque: 'approx',
    nearly: 'approx',
    approximately: 'approx',
    about: 'about',
    environ: 'about',
    'more than': 'more_than',
    'plus de': 'more_than',
    'au moins': 'more_than',
    'at least': 'more_than',
  } satisfies Record<string, Qualifier>),
);

/** A qualifier from its code or a word (« plus de », « environ », « près de »), or undefined. */
export function qualifierOf(cell: string): Qualifier | undefined {
  const raw = cell.trim();
  if (raw === '') return 'exact';
  if ((QUALIFIERS as readonly string[]).includes(raw)) return raw as Qualifier;
  return QUALIFIER_ALIASES.get(normalise(raw));
}

export const CONFIDENCE_WORDS = { high: 'élevée', medium: 'moyenne' } as const;

/** `high` or `medium` from the code or its French word; '' for none; undefined when neither. */
export function confidenceOf(cell: string): 'high' | 'medium' | '' | undefined {
  if (cell.trim() === '') return '';
  const n = normalise(cell);
  if (n === 'high' || n === 'elevee' || n === 'haute') return 'high';
  if (n === 'medium' || n === 'moyenne') return 'medium';
  return undefined;
}

/** What the import reads, in the order the model writes it. */
export const IMPORT_COLUMNS = [
  'year',
  'metric',
  'value',
  'qualifier',
  'unit',
  'source_title',
  'source_url',
  'quote',
  'confidence',
  'countries',
  'note',
  'year_notes',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The model's French headers. */
export const FRENCH_HEADERS: Record<ImportColumn, string> = {
  year: 'Année',
  metric: 'Indicateur',
  value: 'Valeur',
  qualifier: 'Précision',
  unit: 'Unité',
  source_title: 'Titre de la source',
  source_url: 'Lien de la source',
  quote: 'Citation',
  confidence: 'Fiabilité',
  countries: 'Pays',
  note: 'Note',
  year_notes: 'Notes sur l’année',
};

const HEADER_ALIASES = new Map<string, ImportColumn>(
  (
    [
      ['year', 'annee', 'an'],
      ['metric', 'indicateur', 'metrique', 'mesure', 'measure'],
      ['value', 'valeur', 'chiffre', 'nombre'],
      ['qualifier', 'precision', 'qualificatif'],
      ['unit', 'unite'],
      ['source title', 'titre de la source', 'titre source', 'source'],
      [
        'source url',
        'lien de la source',
        'lien source',
        'url de la source',
        'adresse de la source',
        'lien',
        'url',
      ],
      ['quote', 'citation', 'citation de la source'],
      ['confidence', 'fiabilite'],
      ['countries', 'pays', 'pays partenaires'],
      ['note', 'note sur le chiffre'],
      ['year notes', 'notes sur l annee', 'notes de l annee', 'notes on the year'],
    ] as const
  ).flatMap((names) =>
    names.map((n): [string, ImportColumn] => [
      n,
      IMPORT_COLUMNS.find((c) => normalise(c) === normalise(names[0]))!,
    ]),
  ),
);

/** The column a header names, in French or English, whatever its case and accents. */
export const columnOf = (header: string): ImportColumn | undefined => HEADER_ALIASES.get(normalise(header));
