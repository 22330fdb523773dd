import { describe, expect, it } from 'vitest';
import { emptyRow, type FormRow } from './form';
import { rebase } from './rebase';

const row = (metric: string, value: string, more: Partial<FormRow> = {}): FormRow => ({
  ...emptyRow(),
  metric,
  value,
  sourceTitle: 'Rapport',
  sourceUrl: 'https://www.lacimade.org/',
  ...more,
});
const values = (rows: FormRow[]) => rows.map((r) => [r.metric, r.value, r.note]);

describe('rebase', () => {
  const base = { rows: [row('volunteers', '2000'), row('employees', '100')], notes: 'provisoire' };

  it('takes what each side changed alone, and says nothing overlaps', () => {
    const mine = { rows: [row('volunteers', '2100'), row('employees', '100')], notes: 'provisoire' };
    const theirs = { rows: [row('volunteers', '2000'), row('employees', '120')], notes: 'définitif' };
    const out = rebase(base, mine, theirs);
    expect(values(out.rows)).toEqual([
      ['volunteers', '2100', ''],
      ['employees', '120', ''],
    ]);
    expect(out.notes).toBe('définitif');
    expect(out.overlaps).toEqual([]);
  });

  it('keeps the editor’s row ids, so that the form does not jump', () => {
    const mine = { rows: [row('volunteers', '2100')], notes: '' };
    const out = rebase({ rows: [], notes: '' }, mine, { rows: [], notes: '' });
    expect(out.rows[0]?.id).toBe(mine.rows[0]!.id);
  });

  it('keeps the editor’s value where both changed one field, and reports it', () => {
    const mine = { rows: [row('volunteers', '2100'), row('employees', '100')], notes: 'mes notes' };
    const theirs = { rows: [row('volunteers', '2200'), row('employees', '100')], notes: 'leurs notes' };
    const out = rebase(base, mine, theirs);
    expect(values(out.rows)[0]).toEqual(['volunteers', '2100', '']);
    expect(out.notes).toBe('mes notes');
    expect(out.overlaps).toEqual([
      { key: 'volunteers', field: 'value', theirs: '2200', mine: '2100' },
      { key: 'notes', field: 'notes', theirs: 'leurs notes', mine: 'mes notes' },
    ]);
  });

  it('does not report a field both changed to the same value', () => {
    const mine = { rows: [row('volunteers', '2100'), row('employees', '100')], notes: 'provisoire' };
    const out = rebase(base, mine, mine);
    expect(out.overlaps).toEqual([]);
    expect(values(out.rows)).toEqual(values(mine.rows));
  });

  it('adds the rows each side added, and the editor’s unfinished rows', () => {
    const unfinished = { ...emptyRow(), value: '3' };
    const mine = { rows: [...base.rows, row('people_supported', '100000'), unfinished], notes: 'provisoire' };
    const theirs = { rows: [...base.rows, row('local_groups', '60')], notes: 'provisoire' };
    const out = rebase(base, mine, theirs);
    expect(values(out.rows)).toEqual([
      ['volunteers', '2000', ''],
      ['employees', '100', ''],
      ['local_groups', '60', ''],
      ['people_supported', '100000', ''],
      ['', '3', ''],
    ]);
  });

  it('removes what one side removed and the other left alone', () => {
    const mine = { rows: [row('volunteers', '2000')], notes: 'provisoire' };
    const theirs = { rows: [row('employees', '100')], notes: 'provisoire' };
    expect(values(rebase(base, mine, theirs).rows)).toEqual([]);
  });

  it('keeps a figure one side changed and the other removed, and reports it', () => {
    const mine = { rows: [row('volunteers', '2100'), row('employees', '100')], notes: 'provisoire' };
    const theirs = { rows: [row('employees', '100')], notes: 'provisoire' };
    const out = rebase(base, mine, theirs);
    expect(values(out.rows)).toEqual([
      ['employees', '100', ''],
      ['volunteers', '2100', ''],
    ]);
    expect(out.overlaps).toEqual([{ key: 'volunteers', field: '(row)', theirs: '', mine: '2100' }]);
    // The other way round: the editor removed a figure the colleague changed; it stays removed.
    const removed = rebase(base, { rows: [row('employees', '100')], notes: 'provisoire' }, mine);
    expect(values(removed.rows)).toEqual([['employees', '100', '']]);
    expect(removed.overlaps).toEqual([{ key: 'volunteers', field: '(row)', theirs: '2100', mine: '' }]);
  });

  it('tells figures apart by their place (a region’s volunteers are not the national figure)', () => {
    const region = row('volunteers', '50', { where: 'region.sud-ouest' });
    const b = { rows: [row('volunteers', '2000'), region], notes: '' };
    const mine = { rows: [row('volunteers', '2000'), { ...region, value: '55' }], notes: '' };
    const theirs = { rows: [row('volunteers', '2010'), region], notes: '' };
    expect(rebase(b, mine, theirs).rows.map((r) => [r.where, r.value])).toEqual([
      ['national', '2010'],
      ['region.sud-ouest', '55'],
    ]);
  });
});
