import { beforeEach, describe, expect, it, vi } from 'vitest';
import { figure } from '../../../test/support/fixtures';
import { clearCorrectionsCache, correctionsIn, listCorrections, touching } from './corrections';
import type { Action, VersionRecord } from './editing-repository';

const record = (
  version: number,
  action: Action,
  savedAt: string,
  changes: VersionRecord['changes'] = [],
): VersionRecord => ({
  year: 2016,
  version,
  action,
  figures: [figure('volunteers', 2000)],
  savedAt,
  savedBy: 'editor-1',
  changes,
});

const fix = { metric: 'volunteers', field: 'value', before: 2000, after: 2100 };
const note = { metric: 'notes', field: 'notes', before: undefined, after: 'x' };

describe('corrections', () => {
  beforeEach(() => clearCorrectionsCache());

  it.each([
    ['a year seeded once', [record(1, 'seed', '2024-01-01')], []],
    [
      'a year published once after drafts',
      [record(1, 'save', '2024-01-01'), record(2, 'publish', '2024-01-02')],
      [],
    ],
    [
      'a seeded year corrected by a publish',
      [
        record(1, 'seed', '2024-01-01'),
        record(2, 'save', '2024-02-01', [fix]),
        record(3, 'publish', '2024-02-02', [fix]),
      ],
      [{ year: 2016, version: 3, correctedAt: '2024-02-02', changes: [fix] }],
    ],
    [
      'two corrections, newest first in the history',
      [
        record(5, 'publish', '2024-03-01', [note]),
        record(3, 'publish', '2024-02-01', [fix]),
        record(4, 'save', '2024-02-20'),
        record(1, 'publish', '2024-01-01'),
      ],
      [
        { year: 2016, version: 3, correctedAt: '2024-02-01', changes: [fix] },
        { year: 2016, version: 5, correctedAt: '2024-03-01', changes: [note] },
      ],
    ],
    [
      'a discarded draft is no correction',
      [
        record(1, 'seed', '2024-01-01'),
        record(2, 'save', '2024-02-01', [fix]),
        record(3, 'discard', '2024-02-02'),
      ],
      [],
    ],
  ])('%s', (_, history, expected) => {
    expect(correctionsIn(history)).toEqual(expected);
  });

  it('keeps only the changes to the chart’s metrics', () => {
    const all = correctionsIn([
      record(1, 'seed', '2024-01-01'),
      record(2, 'publish', '2024-02-01', [fix, note]),
      record(3, 'publish', '2024-03-01', [note]),
    ]);
    expect(touching(all, new Set(['volunteers']))).toEqual([
      { year: 2016, version: 2, correctedAt: '2024-02-01', changes: [fix] },
    ]);
    expect(touching(all, new Set(['employees']))).toEqual([]);
  });

  it('never shows a change of a figure’s research note: notes stay with the staff', () => {
    const research = { metric: 'volunteers', field: 'note', before: 'année déduite 2017', after: 'x' };
    const all = correctionsIn([
      record(1, 'seed', '2024-01-01'),
      record(2, 'publish', '2024-02-01', [fix, research]),
      record(3, 'publish', '2024-03-01', [research]),
    ]);
    expect(touching(all, new Set(['volunteers']))).toEqual([
      { year: 2016, version: 2, correctedAt: '2024-02-01', changes: [fix] },
    ]);
  });

  it('reads history only for years above version 1, once per version', async () => {
    const listVersions = vi.fn(async (year: number) =>
      [record(1, 'seed', '2024-01-01'), record(2, 'publish', '2024-02-01', [fix])].map((r) => ({
        ...r,
        year,
      })),
    );
    const years = [
      { year: 2015, version: 1 },
      { year: 2016, version: 2 },
    ];
    const first = await listCorrections({ listVersions }, years);
    const again = await listCorrections({ listVersions }, years);
    expect(first).toEqual([{ year: 2016, version: 2, correctedAt: '2024-02-01', changes: [fix] }]);
    expect(again).toEqual(first);
    expect(listVersions).toHaveBeenCalledTimes(1);
    expect(listVersions).toHaveBeenCalledWith(2016);
  });

  it('takes the corrections a published year keeps, with their reasons, without reading its history', async () => {
    const listVersions = vi.fn(async () => [] as never[]);
    const kept = {
      year: 2016,
      version: 3,
      corrections: [
        {
          version: 3,
          correctedAt: '2024-03-01',
          reason: 'Rapport définitif',
          changes: [fix, { metric: 'volunteers', field: 'note', before: 'a', after: 'b' }],
        },
      ],
    };
    expect(await listCorrections({ listVersions }, [kept])).toEqual([
      { year: 2016, version: 3, correctedAt: '2024-03-01', reason: 'Rapport définitif', changes: [fix] },
    ]);
    expect(listVersions).not.toHaveBeenCalled();
  });

  it('ignores history written after the published version (a draft in progress)', async () => {
    const listVersions = async () => [
      record(1, 'seed', '2024-01-01'),
      record(2, 'publish', '2024-02-01', [fix]),
      record(3, 'publish', '2024-03-01', [fix]),
    ];
    expect(
      (await listCorrections({ listVersions }, [{ year: 2016, version: 2 }])).map((c) => c.version),
    ).toEqual([2]);
  });

  it('does not remember a failed read', async () => {
    const listVersions = vi
      .fn()
      .mockRejectedValueOnce(new Error('store down'))
      .mockResolvedValue([record(1, 'seed', 'a'), record(2, 'publish', 'b', [fix])]);
    await expect(listCorrections({ listVersions }, [{ year: 2016, version: 2 }])).rejects.toThrow(
      'store down',
    );
    expect(await listCorrections({ listVersions }, [{ year: 2016, version: 2 }])).toHaveLength(1);
  });
});
