/**
 * Re-applies an editor's own changes on top of a colleague's newer version (after a 409):
 * a three-way merge of the form, row by row (a row is a figure, known by its metric key) and
 * field by field. What only one side changed is taken from that side; a field both changed
 * to different values keeps the editor's value and is reported, so that they can look at
 * it before saving. Pure and client-safe: the form's rows in, the form's rows out.
 */
import { joinKey } from './catalogue';
import { withFreshId, type Field, type FormRow } from './form';

export interface FormSnapshot {
  rows: readonly FormRow[];
  notes: string;
}

/** A field both sides changed to different values: the editor's value was kept. */
export interface Overlap {
  /** The figure's metric key, or `notes` for the year's notes. */
  key: string;
  /** The field, or `(row)` when one side removed the figure the other changed. */
  field: Field | 'notes' | '(row)';
  theirs: string;
  mine: string;
}

export interface Rebased {
  rows: FormRow[];
  notes: string;
  overlaps: Overlap[];
}

const FIELDS: Field[] = [
  'value',
  'qualifier',
  'unit',
  'sourceTitle',
  'sourceUrl',
  'quote',
  'note',
  'confidence',
  'countries',
];

const keyOf = (r: FormRow): string => (r.metric === '' ? '' : joinKey(r.metric, r.where));
const differs = (a: FormRow, b: FormRow): boolean => FIELDS.some((f) => a[f] !== b[f]);

/** The first row of each metric key; rows without a metric yet have none. */
function byKey(rows: readonly FormRow[]): Map<string, FormRow> {
  const found = new Map<string, FormRow>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k !== '' && !found.has(k)) found.set(k, r);
  }
  return found;
}

export function rebase(base: FormSnapshot, mine: FormSnapshot, theirs: FormSnapshot): Rebased {
  const [b, m, t] = [byKey(base.rows), byKey(mine.rows), byKey(theirs.rows)];
  const overlaps: Overlap[] = [];
  const rows: FormRow[] = [];

  for (const [key, their] of t) {
    const old = b.get(key);
    const my = m.get(key);
    if (!my) {
      // Removed by the editor (kept removed; said when the colleague changed it), or added by the colleague.
      if (!old) rows.push(withFreshId(their));
      else if (differs(old, their)) overlaps.push({ key, field: '(row)', theirs: their.value, mine: '' });
      continue;
    }
    const merged: FormRow = { ...their, id: my.id };
    for (const f of FIELDS) {
      const before = old ? old[f] : undefined;
      if (my[f] === before || my[f] === their[f]) continue;
      (merged as unknown as Record<Field, string>)[f] = my[f];
      if (their[f] !== before) overlaps.push({ key, field: f, theirs: their[f], mine: my[f] });
    }
    rows.push(merged);
  }
  for (const r of mine.rows) {
    const key = keyOf(r);
    if (key === '' || m.get(key) !== r) {
      if (key === '' || !t.has(key)) rows.push(r); // unfinished rows and repeats stay for the editor to fix
      continue;
    }
    if (t.has(key)) continue;
    const old = b.get(key);
    if (!old)
      rows.push(r); // added by the editor
    else if (differs(old, r)) {
      // Removed by the colleague, changed by the editor: kept, and said.
      rows.push(r);
      overlaps.push({ key, field: '(row)', theirs: '', mine: r.value });
    }
  }

  let notes = theirs.notes;
  if (mine.notes !== base.notes && mine.notes !== theirs.notes) {
    notes = mine.notes;
    if (theirs.notes !== base.notes)
      overlaps.push({ key: 'notes', field: 'notes', theirs: theirs.notes, mine: mine.notes });
  }
  return { rows, notes, overlaps };
}
