import { describe, expect, it } from 'vitest';
import {
  formatParis,
  instantToParisWallClock,
  isDateTimeLocal,
  parisOffsetMs,
  parisWallClockToInstant,
} from './paris-time';

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
