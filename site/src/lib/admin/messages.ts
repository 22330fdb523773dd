/**
 * The core writes its problems and warnings in English (`must not be negative (got -5)`);
 * staff read them in their language. Each known message is matched and said again in the
 * page's language, its numbers in the locale's format; an unknown one is shown as it came,
 * marked as English.
 */
import type { Warning } from '$core/warnings';
import { formatNumber, type Lang } from '$lib/format';
import { keyLabel } from './catalogue';
import type { AdminStrings } from './i18n';

export interface Said {
  text: string;
  /** Set when the text is the API's own English. */
  lang?: 'en';
}

const num = (raw: string, lang: Lang): string => {
  const n = Number(raw.replace(/,/g, ''));
  return raw.trim() !== '' && Number.isFinite(n) ? formatNumber(n, lang) : raw;
};

type Rule = [RegExp, (m: RegExpExecArray, S: AdminStrings, lang: Lang) => string];

const PROBLEM_RULES: Rule[] = [
  [/^choose a metric$/, (_m, S) => S.problem.chooseMetric],
  [/^a value is required$/, (_m, S) => S.problem.valueRequired],
  [/^"(.*)" is not a number$/, (m, S) => S.problem.notANumber(m[1]!)],
  [/^a count must be a whole number \(got (.+)\)$/, (m, S, l) => S.problem.wholeNumber(num(m[1]!, l))],
  [/^must not be negative \(got (.+)\)$/, (m, S, l) => S.problem.negative(num(m[1]!, l))],
  [/^must be at most ([\d,]+) \(got (.+)\)$/, (m, S, l) => S.problem.atMost(num(m[1]!, l), num(m[2]!, l))],
  [/^the upper bound of a range must exceed its value$/, (_m, S) => S.problem.upperAbove],
  [/^unknown partner country "(.*)"$/, (m, S) => S.problem.unknownCountry(m[1]!)],
  [/^year must be between (\d+) and (\d+) \(got (.+)\)$/, (m, S) => S.problem.yearRange(m[1]!, m[2]!, m[3]!)],
  [/^"(.*)" appears twice \(also figures\.(\d+)\)$/, (m, S, l) => S.problem.twice(keyLabel(m[1]!, l), Number(m[2]) + 1)],
  [/^at most (\d+) characters$/, (m, S, l) => S.problem.tooLong(num(m[1]!, l))],
  [/^Too big: expected string to have <=(\d+) characters$/, (m, S, l) => S.problem.tooLong(num(m[1]!, l))],
  [/^a source needs a title$/, (_m, S) => S.problem.sourceTitle],
  [/^must be an http\(s\) URL$/, (_m, S) => S.problem.url],
  [/^"(.*)" is not a metric key/, (m, S) => (m[1] === '' ? S.problem.chooseMetric : S.problem.notAKey(m[1]!))],
  [/^unknown metric "(.*)"$/, (m, S) => S.problem.unknownMetric(m[1]!)],
  [/^metric "(.*)" has no national figure$/, (_m, S) => S.problem.noNational],
  [/^unknown (region|centre|local group) "(.*)"$/, (m, S) => S.problem.unknownPlace(S.problem.kinds[m[1]!] ?? m[1]!, m[2]!)],
  [/^metric "(.*)" is not broken down by (region|centre|local group)$/, (m, S) => S.problem.notBrokenDown(S.problem.kinds[m[2]!] ?? m[2]!)],
  [/^"(.*)" is not a year$/, (m, S) => S.problem.notAYear(m[1]!)],
  [/^"(.*)" is not one of /, (m, S) => S.problem.notQualifier(m[1]!)],
  [/^"(.*)" is not high or medium$/, (m, S) => S.problem.notConfidence(m[1]!)],
  [/^missing column\(s\): (.*)$/, (m, S) => S.problem.missingColumns(m[1]!)],
  [/^the file holds no figures$/, (_m, S) => S.import.noFigures],
  [/^Invalid (input|option)/, (_m, S) => S.problem.invalid],
];

export function sayProblem(message: string, S: AdminStrings, lang: Lang): Said {
  for (const [pattern, say] of PROBLEM_RULES) {
    const m = pattern.exec(message);
    if (m) return { text: say(m, S, lang) };
  }
  return lang === 'en' ? { text: message } : { text: message, lang: 'en' };
}

const LARGE_CHANGE = /^(.+): (-?[\d.]+) is ([+-]?\d+)% against (-?[\d.]+) in (\d{4}); please check$/;
const SMALL_COUNT = /^(.+): (\d+) people is a small number/;

export function sayWarning(w: Warning, S: AdminStrings, lang: Lang): Said {
  const large = w.code === 'LARGE_CHANGE' ? LARGE_CHANGE.exec(w.message) : null;
  if (large) {
    const pct = Number(large[3]);
    const pctText = `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${formatNumber(Math.abs(pct), lang)}${lang === 'fr' ? '\u202f%' : '%'}`;
    return { text: S.warning.largeChange(keyLabel(large[1]!, lang), num(large[2]!, lang), pctText, num(large[4]!, lang), large[5]!) };
  }
  const small = w.code === 'SMALL_COUNT' ? SMALL_COUNT.exec(w.message) : null;
  if (small) return { text: S.warning.smallCount(keyLabel(small[1]!, lang), num(small[2]!, lang)) };
  return lang === 'en' ? { text: w.message } : { text: w.message, lang: 'en' };
}
