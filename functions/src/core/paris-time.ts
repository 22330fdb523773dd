/**
 * Europe/Paris wall-clock time ↔ UTC instants, with Intl only (no time-zone library). A
 * wall-clock time skipped by the spring change (02:00–03:00 on the last Sunday of March) is
 * read as the same time after the change (02:30 → 03:30, like Temporal's "compatible"); one
 * that happens twice in the autumn (02:00–03:00 on the last Sunday of October) is the first.
 */
export const PARIS = 'Europe/Paris';

/** `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss`: what an `<input type="datetime-local">` gives. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

// Made on first use, not at import: a formatter with a time zone loads ICU's zone data, which
// the site's and the admin's cold starts need only when a Paris time is asked for.
let parts: Intl.DateTimeFormat | undefined;

/** The Paris wall-clock time of an instant, `YYYY-MM-DDTHH:mm:ss`. */
export function toParisWallClock(instant: Date): string {
  parts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** Paris's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  const wall = toParisWallClock(new Date(ms));
  return Date.parse(`${wall}Z`) - Math.floor(ms / 1000) * 1000;
}

/** Whether a string is a well-formed wall-clock time (a real calendar date and time of day). */
export function isWallClock(text: string): boolean {
  const m = WALL_CLOCK.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

/** The instant at which Paris's clocks show `wallClock`; undefined when it is not a wall-clock time. */
export function fromParisWallClock(wallClock: string): Date | undefined {
  if (!isWallClock(wallClock)) return undefined;
  const wall = wallClock.length === 16 ? `${wallClock}:00` : wallClock;
  const asUtc = Date.parse(`${wall}Z`);
  // Paris's offsets half a day before and after: around a change they differ, else they agree.
  const before = offsetAt(asUtc - 43_200_000);
  const after = offsetAt(asUtc + 43_200_000);
  const shows = (ms: number) => toParisWallClock(new Date(ms)) === wall;
  const first = [asUtc - before, asUtc - after].filter(shows).sort((a, b) => a - b)[0];
  // None shows it: skipped in spring, read with the offset from before the change (02:30 → 03:30).
  return new Date(first ?? asUtc - before);
}

/** Paris's offset from UTC at an instant, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
export const parisOffsetMs = (instant: number): number => offsetAt(instant);

/** Whether a string is a wall-clock date and time as `<input type="datetime-local">` gives it. */
export const isDateTimeLocal = (value: string): boolean => isWallClock(value);

/** The instant a Paris wall-clock time (`2026-03-29T10:00`) names; a RangeError on anything else. */
export function parisWallClockToInstant(dateTimeLocal: string): Date {
  const instant = fromParisWallClock(dateTimeLocal);
  if (!instant) throw new RangeError(`not a date and time: ${JSON.stringify(dateTimeLocal)}`);
  return instant;
}

/** The Paris wall clock at an instant, as a datetime-local input shows it (`2026-03-29T10:00`). */
export const instantToParisWallClock = (instant: Date | string): string =>
  toParisWallClock(new Date(instant)).slice(0, 16);

const formats: Partial<Record<'fr' | 'en', Intl.DateTimeFormat>> = {};

/** « 29 mars 2026 à 10:00 » / "29 March 2026 at 10:00", Paris time (the caller says so). */
export function formatParis(instant: Date | string, lang: 'fr' | 'en'): string {
  return (formats[lang] ??= new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: PARIS,
    dateStyle: 'long',
    timeStyle: 'short',
  })).format(new Date(instant));
}
