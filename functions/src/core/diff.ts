/**
 * Field-level differences between two versions of a year's figures, for the history.
 */
import type { Change, Figure, YearFigures } from './schema';

export type { Change } from './schema';

const FIELDS = ['value', 'upper', 'qualifier', 'unit', 'confidence', 'countries', 'note'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function figureChanges(before: Figure | undefined, after: Figure | undefined, metric: string): Change[] {
  if (!before) return [{ metric, field: '(added)', after: after!.value }];
  if (!after) return [{ metric, field: '(removed)', before: before.value }];
  const changes: Change[] = [];
  for (const field of FIELDS)
    if (!same(before[field], after[field]))
      changes.push({ metric, field, before: before[field], after: after[field] });
  for (const field of ['title', 'url', 'quote'] as const)
    if (!same(before.source[field], after.source[field]))
      changes.push({
        metric,
        field: `source.${field}`,
        before: before.source[field],
        after: after.source[field],
      });
  return changes;
}

export function diffYears(
  before: Pick<YearFigures, 'figures' | 'notes'> | undefined,
  after: Pick<YearFigures, 'figures' | 'notes'>,
): Change[] {
  const old = new Map((before?.figures ?? []).map((f) => [f.metric, f]));
  const now = new Map(after.figures.map((f) => [f.metric, f]));
  const metrics = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes = metrics.flatMap((m) => figureChanges(old.get(m), now.get(m), m));
  if (!same(before?.notes, after.notes))
    changes.push({ metric: 'notes', field: 'notes', before: before?.notes, after: after.notes });
  return changes;
}
