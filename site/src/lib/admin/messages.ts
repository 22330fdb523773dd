/**
 * The core says what is wrong as a code with parameters (`NEGATIVE`, `{ value: -5 }`); staff
 * read it in their language, worded here from the code alone, its numbers in the locale's
 * format. No text from the server is shown as it came: a code this admin does not know yet
 * is said as « valeur non valable ».
 */
import type { ProblemCode, ProblemParams } from '$core/problems';
import type { Warning } from '$core/warnings';
import { formatNumber, type Lang } from '$lib/format';
import { ApiError } from './api';
import { keyLabel } from './catalogue';
import { catalogueWords } from './catalogue-i18n';
import type { AdminStrings } from './i18n';
import { r } from './review-i18n';

export interface Said {
  text: string;
}

/** A problem or warning as it comes from the core or the API. */
export interface Coded {
  code: string;
  params?: Record<string, unknown>;
}

const num = (v: unknown, lang: Lang): string =>
  typeof v === 'number' && Number.isFinite(v) ? formatNumber(v, lang) : String(v ?? '');

type Wording = { [C in ProblemCode]: (p: ProblemParams[C], S: AdminStrings, lang: Lang) => string };

const PROBLEMS: Wording = {
  REQUIRED: (_p, S) => S.problem.required,
  METRIC_REQUIRED: (_p, S) => S.problem.chooseMetric,
  VALUE_REQUIRED: (_p, S) => S.problem.valueRequired,
  NOT_A_NUMBER: (p, S) => S.problem.notANumber(p.raw),
  WHOLE_NUMBER: (p, S, l) => S.problem.wholeNumber(num(p.value, l)),
  NEGATIVE: (p, S, l) => S.problem.negative(num(p.value, l)),
  TOO_LARGE: (p, S, l) => S.problem.atMost(num(p.max, l), num(p.value, l)),
  UPPER_NOT_ABOVE: (_p, S) => S.problem.upperAbove,
  UNKNOWN_COUNTRY: (p, S) => S.problem.unknownCountry(p.iso),
  YEAR_RANGE: (p, S) => S.problem.yearRange(String(p.first), String(p.last), String(p.value)),
  NOT_A_YEAR: (p, S) => S.problem.notAYear(p.raw),
  DUPLICATE_METRIC: (p, S, l) => S.problem.twice(keyLabel(p.metric, l), p.first + 1),
  DUPLICATE_ROW: (p, S, l) => S.problem.twiceInFile(keyLabel(p.metric, l), p.line),
  TOO_LONG: (p, S, l) => S.problem.tooLong(num(p.max, l)),
  TOO_MANY: (p, S, l) => S.problem.tooMany(num(p.max, l)),
  SOURCE_TITLE_REQUIRED: (_p, S) => S.problem.sourceTitle,
  NOT_HTTP_URL: (_p, S) => S.problem.url,
  CONTROL_CHARACTER: (p, S) => S.problem.controlCharacter(p.char, p.position),
  NOT_A_METRIC: (p, S) => S.problem.notAKey(p.raw),
  UNKNOWN_METRIC: (p, S) => S.problem.unknownMetric(p.metric),
  NO_NATIONAL: (_p, S) => S.problem.noNational,
  UNKNOWN_PLACE: (p, S) => S.problem.unknownPlace(S.problem.kinds[p.kind], p.slug),
  NOT_BROKEN_DOWN: (p, S) => S.problem.notBrokenDown(S.problem.kinds[p.kind]),
  UNKNOWN_QUALIFIER: (p, S) => S.problem.notQualifier(p.raw),
  UNKNOWN_CONFIDENCE: (p, S) => S.problem.notConfidence(p.raw),
  MISSING_COLUMNS: (p, S) => S.problem.missingColumns(p.columns),
  NO_FIGURES: (_p, S) => S.import.noFigures,
  NOT_A_SPREADSHEET: (_p, S) => S.problem.notASpreadsheet,
  MALFORMED: (_p, S) => S.problem.invalid,
  REASON_REQUIRED: (_p, S) => S.correct.reasonRequired,
  COMMENT_REQUIRED: (_p, _S, l) => r(l).commentRequired,
  PUBLISH_AT_MALFORMED: (_p, _S, l) => r(l).publishAtMalformed,
  PUBLISH_AT_PAST: (p, _S, l) => r(l).publishAtPast(p.now.replace('T', ' ').slice(0, 16)),
  PUBLISH_AT_TOO_FAR: (p, _S, l) => r(l).publishAtTooFar(p.days),
  DUPLICATE_KEY: (p, _S, l) => catalogueWords(l).problem.duplicateKey(p.key),
  UNKNOWN_REGION: (p, _S, l) => catalogueWords(l).problem.unknownRegion(p.slug),
  NOT_A_MAPPED_COUNTRY: (p, _S, l) => catalogueWords(l).problem.notMapped(p.iso),
  WRONG_NUMERIC_CODE: (p, _S, l) => catalogueWords(l).problem.wrongNumeric(p.iso, p.expected),
  STILL_USED: (p, _S, l) => catalogueWords(l).problem.stillUsed(p.key, String(p.year)),
};

export function sayProblem(p: Coded, S: AdminStrings, lang: Lang): Said {
  const say = PROBLEMS[p.code as ProblemCode] as
    ((params: unknown, S: AdminStrings, lang: Lang) => string) | undefined;
  return { text: say ? say(p.params ?? {}, S, lang) : S.problem.invalid };
}

/** What went wrong with a call, in words: never the server's own text. */
export function sayFailure(e: unknown, S: AdminStrings): string {
  if (!(e instanceof ApiError)) return S.failure.other('');
  if (e.status === 0) return S.networkError;
  if (e.status === 413) return S.failure.tooLarge;
  if (e.status === 404) return S.failure.notFound;
  if (e.status === 503 || e.code === 'STORE_UNAVAILABLE') return S.failure.unavailable;
  if (e.status === 401) return S.expired;
  const R = r(S.otherLang.lang === 'en' ? 'fr' : 'en');
  if (e.code === 'FOUR_EYES') return R.fourEyes;
  if (e.status === 403) return R.forbidden;
  return S.failure.other(String(e.status));
}

export function sayWarning(w: Coded, S: AdminStrings, lang: Lang): Said {
  const p = (w.params ?? {}) as Record<string, unknown>;
  if (w.code === 'LARGE_CHANGE') {
    const { metric, value, percent, previous, previousYear } = p as Extract<
      Warning,
      { code: 'LARGE_CHANGE' }
    >['params'];
    const pct = `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${formatNumber(Math.abs(percent), lang)}${lang === 'fr' ? '\u202f%' : '%'}`;
    return {
      text: S.warning.largeChange(
        keyLabel(metric, lang),
        num(value, lang),
        pct,
        num(previous, lang),
        String(previousYear),
      ),
    };
  }
  if (w.code === 'SMALL_COUNT') {
    const { metric, value } = p as Extract<Warning, { code: 'SMALL_COUNT' }>['params'];
    return { text: S.warning.smallCount(keyLabel(metric, lang), num(value, lang)) };
  }
  return { text: S.warning.other };
}
