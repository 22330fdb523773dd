/**
 * Paris wall-clock time ⇄ instants, through Intl (the platform's time-zone database), so that
 * the two changes of the clock a year are right: a time in the spring gap (02:30 on the last
 * Sunday of March) is read as the same length later (03:30, summer time), and a time that comes
 * twice in the autumn (02:30 on the last Sunday of October) as its first occurrence (summer
 * time) — what Temporal calls `disambiguation: 'compatible'`. Plain TypeScript.
 */
export const PARIS = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Paris wall clock at an instant, as milliseconds of a UTC date with the same fields. */
function wallClockMs(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
}

/** Paris's offset from UTC at an instant, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
export const parisOffsetMs = (instant: number): number =>
  wallClockMs(instant - (instant % 1000)) - (instant - (instant % 1000));

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Whether a string is a wall-clock date and time as `<input type="datetime-local">` gives it. */
export const isDateTimeLocal = (value: string): boolean => LOCAL.test(value) && !Number.isNaN(wallMs(value));

function wallMs(value: string): number {
  const m = LOCAL.exec(value);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(ms);
  // 2026-02-30 or 25:00 are not dates: Date.UTC would roll them over silently.
  return back.getUTCDate() === d && back.getUTCHours() === h && back.getUTCMonth() === mo! - 1 ? ms : NaN;
}

/**
 * The instant a Paris wall-clock time (`2026-03-29T10:00`, as a datetime-local input gives it)
 * names. Throws a RangeError on anything else.
 */
export function parisWallClockToInstant(dateTimeLocal: string): Date {
  const wall = wallMs(dateTimeLocal);
  if (Number.isNaN(wall)) throw new RangeError(`not a date and time: ${JSON.stringify(dateTimeLocal)}`);
  const before = parisOffsetMs(wall - 14 * 3_600_000);
  const after = parisOffsetMs(wall + 14 * 3_600_000);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockMs(instant) === wall)
    .sort((a, b) => a - b);
  // None: the time falls in the spring gap, and is read with the offset before it (an hour on).
  return new Date(candidates[0] ?? wall - before);
}

/** The Paris wall clock at an instant, as a datetime-local input shows it (`2026-03-29T10:00`). */
export function instantToParisWallClock(instant: Date | string): string {
  return new Date(wallClockMs(new Date(instant).getTime())).toISOString().slice(0, 16);
}

const formats = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, dateStyle: 'long', timeStyle: 'short' }),
};

/** « 29 mars 2026 à 10:00 » / "29 March 2026 at 10:00", Paris time (the caller says so). */
export function formatParis(instant: Date | string, lang: 'fr' | 'en'): string {
  return formats[lang].format(new Date(instant));
}
