/**
 * Problems and warnings as codes with parameters: the one declaration of what the core can
 * say is wrong. The API sends `code` and `params` (the admin words them in each language
 * from these alone) and an English `message` for API clients and logs. Plain TypeScript,
 * no validation library (pages import it): no AWS, no HTTP, no Svelte.
 */

/** Every problem the core reports, with the parameters its wording needs. */
export interface ProblemParams {
  REQUIRED: Record<string, never>;
  METRIC_REQUIRED: Record<string, never>;
  VALUE_REQUIRED: Record<string, never>;
  NOT_A_NUMBER: { raw: string };
  WHOLE_NUMBER: { value: number };
  NEGATIVE: { value: number };
  TOO_LARGE: { max: number; value: number };
  UPPER_NOT_ABOVE: { value: number; upper: number };
  UNKNOWN_COUNTRY: { iso: string };
  YEAR_RANGE: { first: number; last: number; value: number };
  NOT_A_YEAR: { raw: string };
  /** `first`: the index of the figure that has it already. */
  DUPLICATE_METRIC: { metric: string; first: number };
  /** An imported file names a metric twice for a year: `line` is its first line. */
  DUPLICATE_ROW: { metric: string; line: number };
  TOO_LONG: { max: number };
  TOO_MANY: { max: number };
  SOURCE_TITLE_REQUIRED: Record<string, never>;
  NOT_HTTP_URL: Record<string, never>;
  CONTROL_CHARACTER: { char: string; position: number };
  NOT_A_METRIC: { raw: string };
  UNKNOWN_METRIC: { metric: string };
  NO_NATIONAL: { metric: string };
  UNKNOWN_PLACE: { kind: 'region' | 'centre' | 'local_group'; slug: string };
  NOT_BROKEN_DOWN: { metric: string; kind: 'region' | 'centre' | 'local_group' };
  UNKNOWN_QUALIFIER: { raw: string };
  UNKNOWN_CONFIDENCE: { raw: string };
  MISSING_COLUMNS: { columns: string };
  NO_FIGURES: Record<string, never>;
  NOT_A_SPREADSHEET: Record<string, never>;
  MALFORMED: { expected: string };
  /** Publishing over a published year corrects it: the public reads why. */
  REASON_REQUIRED: Record<string, never>;
  /** Sending a draft back needs a comment for its author. */
  COMMENT_REQUIRED: Record<string, never>;
  /** A publication time, Europe/Paris wall clock, that is not one. */
  PUBLISH_AT_MALFORMED: { raw: string };
  /** A scheduled publication must be later than now (`now`: Paris wall clock). */
  PUBLISH_AT_PAST: { now: string };
  /** At most a year ahead. */
  PUBLISH_AT_TOO_FAR: { days: number };
  /** The catalogue (issue #16): an id, slug or ISO code given twice in one list. */
  DUPLICATE_KEY: { key: string };
  /** A centre or local group placed in a region the catalogue does not have. */
  UNKNOWN_REGION: { slug: string };
  /** A partner country that is not an ISO 3166-1 country with a shape on the map. */
  NOT_A_MAPPED_COUNTRY: { iso: string };
  /** A country's numeric code that is not its ISO 3166-1 one. */
  WRONG_NUMERIC_CODE: { iso: string; expected: string };
  /** An entry the figures of a year still use cannot leave the catalogue. */
  STILL_USED: { key: string; year: number };
}

export type ProblemCode = keyof ProblemParams;

const english: { [C in ProblemCode]: (p: ProblemParams[C]) => string } = {
  REQUIRED: () => 'must not be empty',
  METRIC_REQUIRED: () => 'choose a metric',
  VALUE_REQUIRED: () => 'a value is required',
  NOT_A_NUMBER: (p) => `"${p.raw}" is not a number`,
  WHOLE_NUMBER: (p) => `a count must be a whole number (got ${p.value})`,
  NEGATIVE: (p) => `must not be negative (got ${p.value})`,
  TOO_LARGE: (p) => `must be at most ${p.max.toLocaleString('en')} (got ${p.value})`,
  UPPER_NOT_ABOVE: () => 'the upper bound of a range must exceed its value',
  UNKNOWN_COUNTRY: (p) => `unknown partner country "${p.iso}"`,
  YEAR_RANGE: (p) => `year must be between ${p.first} and ${p.last} (got ${p.value})`,
  NOT_A_YEAR: (p) => `"${p.raw}" is not a year`,
  DUPLICATE_METRIC: (p) => `"${p.metric}" appears twice (also figures.${p.first})`,
  DUPLICATE_ROW: (p) => `"${p.metric}" appears twice for this year (also line ${p.line})`,
  TOO_LONG: (p) => `at most ${p.max} characters`,
  TOO_MANY: (p) => `at most ${p.max} items`,
  SOURCE_TITLE_REQUIRED: () => 'a source needs a title',
  NOT_HTTP_URL: () => 'must be an http(s) URL',
  CONTROL_CHARACTER: (p) => `contains an invisible control character (${p.char}) at position ${p.position}`,
  NOT_A_METRIC: (p) => `"${p.raw}" is not a metric key (expected "metric" or "region.<slug>.metric")`,
  UNKNOWN_METRIC: (p) => `unknown metric "${p.metric}"`,
  NO_NATIONAL: (p) => `metric "${p.metric}" has no national figure`,
  UNKNOWN_PLACE: (p) => `unknown ${p.kind.replace('_', ' ')} "${p.slug}"`,
  NOT_BROKEN_DOWN: (p) => `metric "${p.metric}" is not broken down by ${p.kind.replace('_', ' ')}`,
  UNKNOWN_QUALIFIER: (p) =>
    `"${p.raw}" is not one of exact, approx, about, more_than (or « plus de », « environ », « près de »)`,
  UNKNOWN_CONFIDENCE: (p) => `"${p.raw}" is not high or medium`,
  MISSING_COLUMNS: (p) => `missing column(s): ${p.columns}`,
  NO_FIGURES: () => 'the file holds no figures',
  NOT_A_SPREADSHEET: () => 'the file is neither CSV text nor an XLSX workbook',
  MALFORMED: (p) => `expected ${p.expected}`,
  REASON_REQUIRED: () => 'a correction of a published year needs its reason, which readers will see',
  COMMENT_REQUIRED: () => 'say what the author should change',
  PUBLISH_AT_MALFORMED: (p) => `"${p.raw}" is not a date and time (YYYY-MM-DDTHH:mm, Europe/Paris)`,
  PUBLISH_AT_PAST: (p) => `must be later than now (${p.now}, Europe/Paris)`,
  PUBLISH_AT_TOO_FAR: (p) => `at most ${p.days} days ahead`,
  DUPLICATE_KEY: (p) => `"${p.key}" appears twice`,
  UNKNOWN_REGION: (p) => `unknown region "${p.slug}"`,
  NOT_A_MAPPED_COUNTRY: (p) => `"${p.iso}" is not an ISO 3166-1 country with a shape on the map`,
  WRONG_NUMERIC_CODE: (p) => `the ISO numeric code of ${p.iso} is ${p.expected}`,
  STILL_USED: (p) => `"${p.key}" is used by the figures of ${p.year}: it cannot be removed`,
};

/** What the core says is wrong, and where: `figures.3.value`, or a file's line and column. */
export interface Problem {
  path: string;
  code: ProblemCode;
  params: Record<string, string | number>;
  /** English, for API clients and logs; staff read the admin's own wording of `code`. */
  message: string;
  /** An imported file's line (its header being line 1) and the column's name in the file. */
  row?: number;
  column?: string;
}

/** A problem's code, parameters and English wording, for a zod issue or a Problem. */
export function say<C extends ProblemCode>(
  code: C,
  params: ProblemParams[C],
): { code: C; params: ProblemParams[C]; message: string } {
  return { code, params, message: english[code](params) };
}

/** The zod issue a schema check adds for a problem: the code travels in `params`. */
export function issue<C extends ProblemCode>(code: C, params: ProblemParams[C], path: PropertyKey[] = []) {
  const { message } = say(code, params);
  return { code: 'custom' as const, path, message, params: { problem: code, ...params }, continue: true };
}

interface LooseIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  params?: Record<string, unknown>;
  maximum?: unknown;
  origin?: unknown;
  expected?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
}

function fromIssue(i: LooseIssue): Omit<Problem, 'path'> {
  if (i.code === 'custom' && typeof i.params?.problem === 'string') {
    const { problem, ...params } = i.params;
    return { code: problem as ProblemCode, params: params as Problem['params'], message: i.message };
  }
  if (i.code === 'too_big' && i.origin === 'string') return say('TOO_LONG', { max: Number(i.maximum) });
  if (i.code === 'too_big') return say('TOO_MANY', { max: Number(i.maximum) });
  if (i.code === 'too_small') return say('REQUIRED', {});
  if (i.code === 'invalid_value')
    return say('MALFORMED', { expected: (i.values ?? []).map(String).join(', ') });
  if (i.code === 'unrecognized_keys')
    return say('MALFORMED', { expected: `no field ${(i.keys ?? []).join(', ')}` });
  if (i.code === 'invalid_type') return say('MALFORMED', { expected: String(i.expected ?? 'another value') });
  return say('MALFORMED', { expected: 'another value' });
}

/** Flattens zod issues into `figures.3.value`-placed problems, each with its code. */
export function toProblems(error: { issues: readonly LooseIssue[] }, prefix: PropertyKey[] = []): Problem[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path].map(String).join('.') || '(root)',
    ...fromIssue(i),
  }));
}

/** Renders nowhere: C0/C1 controls (but tab and line ends), non-characters, lone surrogates. */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
const invisible = (cp: number): boolean => INVISIBLE.test(String.fromCodePoint(cp));

/** `s` without the characters that render nowhere: what enters a picture (SVG, PNG, press kit). */
export const withoutInvisible = (s: string): string => s.replace(INVISIBLE_ALL, '');

/** The first character of `s` that renders nowhere, as `U+0001`, and its 1-based position. */
export function invisibleCharacter(s: string): ProblemParams['CONTROL_CHARACTER'] | undefined {
  let position = 0;
  for (const ch of s) {
    position++;
    const cp = ch.codePointAt(0)!;
    if (invisible(cp)) return { char: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, position };
  }
  return undefined;
}
