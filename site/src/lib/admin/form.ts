/**
 * The admin form's model: one row of strings per figure, as the editor types them, turned
 * into the figures the one schema (`YearFigures`) validates, and problems mapped back to
 * the row and field they belong to. Pure and client-safe.
 */
import { parseValue } from '$core/figure-rows';
import { say } from '$core/problems';
import { toProblems, YearFigures, type Figure, type Problem, type Qualifier } from '$core/schema';
import { joinKey, splitKey, type Where } from './catalogue';

export interface FormRow {
  /** Stable across edits, for keyed blocks and element ids. */
  id: number;
  metric: string;
  where: Where;
  /** `2678`, `2 678`, `2,5`, or a range `150-200`. */
  value: string;
  qualifier: Qualifier;
  unit: string;
  sourceTitle: string;
  sourceUrl: string;
  quote: string;
  note: string;
  confidence: '' | 'high' | 'medium';
  /** ISO codes separated by commas or spaces: `DZ, MA, TN`. */
  countries: string;
}

export type Field =
  | 'metric'
  | 'value'
  | 'qualifier'
  | 'unit'
  | 'sourceTitle'
  | 'sourceUrl'
  | 'quote'
  | 'note'
  | 'confidence'
  | 'countries';

let nextId = 1;

/** A row brought back from storage, with an id of this page. */
export const withFreshId = (row: FormRow): FormRow => ({ ...row, id: nextId++ });

export function emptyRow(): FormRow {
  return {
    id: nextId++,
    metric: '',
    where: 'national',
    value: '',
    qualifier: 'exact',
    unit: '',
    sourceTitle: '',
    sourceUrl: '',
    quote: '',
    note: '',
    confidence: '',
    countries: '',
  };
}

export function rowFromFigure(f: Figure): FormRow {
  const { metric, where } = splitKey(f.metric);
  return {
    id: nextId++,
    metric,
    where,
    value: f.upper !== undefined ? `${f.value}-${f.upper}` : String(f.value),
    qualifier: f.qualifier,
    unit: f.unit ?? '',
    sourceTitle: f.source.title,
    sourceUrl: f.source.url,
    quote: f.source.quote ?? '',
    note: f.note ?? '',
    confidence: f.confidence ?? '',
    countries: f.countries?.join(', ') ?? '',
  };
}

const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** What the form says, as the API takes it, plus the problems only the form can see (a value that is not a number). */
export function toInput(
  rows: readonly FormRow[],
  year: number,
  notes: string,
): { input: { year: number; figures: Figure[]; notes?: string }; local: Problem[] } {
  const local: Problem[] = [];
  const figures = rows.map((r, i): Figure => {
    const raw = r.value.trim();
    const parsed = raw === '' ? undefined : parseValue(raw);
    if (!parsed)
      local.push({
        path: `figures.${i}.value`,
        ...(raw === '' ? say('VALUE_REQUIRED', {}) : say('NOT_A_NUMBER', { raw })),
      });
    const [unit, quote, note, countries] = [
      optional(r.unit),
      optional(r.quote),
      optional(r.note),
      optional(r.countries),
    ];
    return {
      metric: r.metric === '' ? '' : joinKey(r.metric, r.where),
      // A value the form could not read is said once, above; the schema still checks the rest of the figure.
      value: parsed?.value ?? 0,
      ...(parsed?.upper !== undefined ? { upper: parsed.upper } : {}),
      qualifier: r.qualifier,
      ...(unit ? { unit } : {}),
      ...(r.confidence ? { confidence: r.confidence } : {}),
      ...(countries
        ? {
            countries: countries
              .toUpperCase()
              .split(/[\s,;]+/)
              .filter(Boolean),
          }
        : {}),
      source: { title: r.sourceTitle.trim(), url: r.sourceUrl.trim(), ...(quote ? { quote } : {}) },
      ...(note ? { note } : {}),
    };
  });
  return { input: { year, figures, ...(optional(notes) ? { notes: notes.trim() } : {}) }, local };
}

/** Validates the form with the shared schema: the figures when valid, else every problem of every field at once. */
export function validateForm(
  rows: readonly FormRow[],
  year: number,
  notes: string,
): { figures?: Figure[]; notes?: string; problems: Problem[] } {
  const { input, local } = toInput(rows, year, notes);
  const parsed = YearFigures.safeParse(input);
  const seen = new Set(local.map((p) => p.path));
  const problems = [
    ...local,
    ...(parsed.success ? [] : toProblems(parsed.error).filter((p) => !seen.has(p.path))),
  ].sort((x, y) => rank(x.path) - rank(y.path));
  return problems.length || !parsed.success
    ? { problems }
    : { figures: parsed.data.figures, notes: parsed.data.notes, problems: [] };
}

/** A fingerprint of what the form holds, to tell saved from unsaved. */
export function fingerprint(rows: readonly FormRow[], notes: string): string {
  return JSON.stringify([rows.map(({ id: _id, ...rest }) => rest), notes.trim()]);
}

export type Place = { row: number; field: Field } | { field: 'notes' | 'year' | 'form' };

const SOURCE_FIELDS: Record<string, Field> = { title: 'sourceTitle', url: 'sourceUrl', quote: 'quote' };

const FIELD_ORDER: Field[] = [
  'metric',
  'value',
  'qualifier',
  'unit',
  'sourceTitle',
  'sourceUrl',
  'note',
  'quote',
  'confidence',
  'countries',
];

/** Problems in the order of the form: the year, then each figure's fields top to bottom, then the notes. */
function rank(path: string): number {
  const place = placeOf(path);
  if ('row' in place) return 1 + place.row * 100 + FIELD_ORDER.indexOf(place.field);
  return place.field === 'notes' ? Number.MAX_SAFE_INTEGER : 0;
}

/** `figures.3.source.url` → row 3, field `sourceUrl`. */
export function placeOf(path: string): Place {
  const parts = path.split('.');
  if (parts[0] === 'notes') return { field: 'notes' };
  if (parts[0] === 'year') return { field: 'year' };
  if (parts[0] !== 'figures' || parts[1] === undefined || !/^\d+$/.test(parts[1])) return { field: 'form' };
  const row = Number(parts[1]);
  const [head, sub] = [parts[2], parts[3]];
  if (head === 'value' || head === 'upper') return { row, field: 'value' };
  if (head === 'source') return { row, field: SOURCE_FIELDS[sub ?? ''] ?? 'sourceUrl' };
  if (
    head === 'qualifier' ||
    head === 'unit' ||
    head === 'note' ||
    head === 'confidence' ||
    head === 'countries'
  )
    return { row, field: head };
  return { row, field: 'metric' };
}

/** Problems (or warnings) by `row:field`, for showing each next to its field. */
export function byField<T extends { path: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const place = placeOf(item.path);
    const key = 'row' in place ? `${place.row}:${place.field}` : place.field;
    out.set(key, [...(out.get(key) ?? []), item]);
  }
  return out;
}
