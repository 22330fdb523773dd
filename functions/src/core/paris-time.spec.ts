import { describe, expect, it } from 'vitest';
import {
  formatParis,
  fromParisWallClock,
  instantToParisWallClock,
  isDateTimeLocal,
  isWallClock,
  parisOffsetMs,
  parisWallClockToInstant,
  toParisWallClock,
} from './paris-time';

describe('Paris wall-clock time ↔ UTC', () => {
  it.each([
    // [Paris wall clock, UTC instant, why]
    ['2026-01-15T12:00', '2026-01-15T11:00:00.000Z', 'winter: UTC+1'],
    ['2026-07-14T12:00:30', '2026-07-14T10:00:30.000Z', 'summer: UTC+2, with seconds'],
    // 29 March 2026, the spring change: 02:00 Paris becomes 03:00.
    ['2026-03-29T01:59:59', '2026-03-29T00:59:59.000Z', 'the last second before the spring change'],
    ['2026-03-29T02:30', '2026-03-29T01:30:00.000Z', 'skipped in spring: read as 03:30'],
    ['2026-03-29T03:00', '2026-03-29T01:00:00.000Z', 'the first minute after the spring change'],
    // 25 October 2026, the autumn change: 03:00 Paris becomes 02:00 again.
    ['2026-10-25T01:59', '2026-10-24T23:59:00.000Z', 'before the autumn change'],
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z', 'happens twice in autumn: the first one'],
    ['2026-10-25T03:00', '2026-10-25T02:00:00.000Z', 'after the autumn change: UTC+1'],
    ['2026-12-31T23:59:59', '2026-12-31T22:59:59.000Z', 'the year ends an hour earlier in UTC'],
  ])('%s in Paris is %s (%s)', (wall, utc) => {
    expect(fromParisWallClock(wall)?.toISOString()).toBe(utc);
  });

  it.each([
    ['2026-03-29T00:59:59.000Z', '2026-03-29T01:59:59'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00'],
    ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00'],
    ['2026-10-25T02:00:00.000Z', '2026-10-25T03:00:00'],
  ])('%s is %s on Paris clocks', (utc, wall) => {
    expect(toParisWallClock(new Date(utc))).toBe(wall);
  });

  it('goes round the clock every 20 minutes across both change days', () => {
    for (const day of ['2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z']) {
      for (let m = -120; m < 24 * 60; m += 20) {
        const instant = new Date(Date.parse(day) + m * 60_000);
        const back = fromParisWallClock(toParisWallClock(instant))!;
        // Only the autumn's second 02:xx maps back to the first, an hour earlier.
        expect([0, 3_600_000]).toContain(instant.getTime() - back.getTime());
        expect(toParisWallClock(back)).toBe(toParisWallClock(instant));
      }
    }
  });

  it.each([
    '2026-02-30T10:00',
    '2026-13-01T10:00',
    '2026-01-01T24:00',
    '2026-01-01 10:00',
    '',
    '2026-01-01T10:00Z',
  ])('refuses %j', (text) => {
    expect(isWallClock(text)).toBe(false);
    expect(fromParisWallClock(text)).toBeUndefined();
  });
});

describe('Paris time', () => {
  it.each([
    ['winter', '2026-01-15T10:00', '2026-01-15T09:00:00.000Z'],
    ['summer', '2026-07-14T10:00', '2026-07-14T08:00:00.000Z'],
    ['with seconds', '2026-07-14T10:00:30', '2026-07-14T08:00:30.000Z'],
    // 29 March 2026: at 02:00 the clocks go to 03:00.
    ['just before the spring change', '2026-03-29T01:59', '2026-03-29T00:59:00.000Z'],
    ['in the spring gap: an hour on', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
    ['just after the spring change', '2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    // 25 October 2026: at 03:00 the clocks go back to 02:00; 02:30 comes twice.
    ['before the autumn change', '2026-10-25T01:30', '2026-10-24T23:30:00.000Z'],
    ['twice in the autumn: the first', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['after the autumn change', '2026-10-25T03:00', '2026-10-25T02:00:00.000Z'],
    ['midnight at the new year', '2027-01-01T00:00', '2026-12-31T23:00:00.000Z'],
  ])('%s: %s is %s', (_, local, iso) => {
    expect(parisWallClockToInstant(local).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-03-29T00:59:00Z', '2026-03-29T01:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00'],
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30'],
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30'],
    ['2026-10-25T02:00:00Z', '2026-10-25T03:00'],
  ])('the wall clock at %s reads %s', (iso, local) => {
    expect(instantToParisWallClock(iso)).toBe(local);
  });

  it('knows the offsets either side of both changes', () => {
    expect(
      ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:59Z', '2026-10-25T01:00:00Z'].map(
        (iso) => parisOffsetMs(Date.parse(iso)) / 3_600_000,
      ),
    ).toEqual([1, 2, 2, 1]);
  });

  it.each(['', '2026-02-30T10:00', '2026-01-01T25:00', '2026-01-01 10:00', '2026-01-01T10:00Z', 'soon'])(
    'refuses %j',
    (value) => {
      expect(isDateTimeLocal(value)).toBe(false);
      expect(() => parisWallClockToInstant(value)).toThrow(RangeError);
    },
  );

  it('writes a date and time in each language, on the Paris clock', () => {
    expect(formatParis('2026-03-29T08:00:00Z', 'fr')).toBe('29 mars 2026 à 10:00');
    expect(formatParis(new Date('2026-01-15T09:00:00Z'), 'en')).toBe('15 January 2026 at 10:00');
  });
});
