/**
 * Warnings staff marked as checked (« marqué comme vérifié »): who, when. An acknowledgement
 * is kept with the warning's parameters as they were; it holds only while they stay the same,
 * so it lapses as soon as the figure (or the figure it is compared with) changes. Plain
 * TypeScript: no AWS, no HTTP, no Svelte.
 */
import type { Editor } from './editing';
import { DomainError, notFound } from './errors';
import type { EditingRepository, StoredAcknowledgement } from './editing-repository';
import type { YearFigures } from './schema';
import { warningsFor, type Warning } from './warnings';

export type { StoredAcknowledgement } from './editing-repository';

const sameWarning = (w: Warning, a: Pick<StoredAcknowledgement, 'code' | 'metric'>) =>
  w.code === a.code && w.params.metric === a.metric;

/** The warnings, each marked `acknowledged` where a check of it still holds. */
export function withAcknowledgements(
  warnings: readonly Warning[],
  acks: readonly StoredAcknowledgement[],
): Warning[] {
  return warnings.map((w) => {
    const ack = acks.find((a) => sameWarning(w, a) && a.params === JSON.stringify(w.params));
    const { acknowledged: _old, ...rest } = w;
    return (ack ? { ...rest, acknowledged: { by: ack.by, at: ack.at } } : rest) as Warning;
  });
}

/** A year's warnings (for the figures given, else its draft, else its published figures), with their checks. */
export async function yearWarnings(
  repo: EditingRepository,
  year: number,
  figures?: YearFigures,
): Promise<Warning[]> {
  const subject = figures ?? (await repo.getDraft(year)) ?? (await repo.getPublished(year));
  if (!subject) return [];
  const [published, acks] = await Promise.all([repo.listPublished(), repo.listAcknowledgements(year)]);
  return withAcknowledgements(warningsFor(subject, published), acks);
}

/** Marks a warning of the year's current figures as checked by `editor`. */
export async function acknowledgeWarning(
  repo: EditingRepository,
  year: number,
  which: { code: string; metric: string },
  editor: Editor,
  now = new Date(),
): Promise<Warning[]> {
  const warnings = await yearWarnings(repo, year);
  const found = warnings.find((w) => w.code === which.code && w.params.metric === which.metric);
  if (!found)
    throw notFound(`${year} has no ${which.code} warning on ${which.metric} (the figure may have changed)`);
  if (found.acknowledged) return warnings;
  const ack: StoredAcknowledgement = {
    year,
    code: found.code,
    metric: which.metric,
    params: JSON.stringify(found.params),
    by: editor.id,
    at: now.toISOString(),
  };
  if (!ack.by) throw new DomainError('BAD_REQUEST', 'an acknowledgement needs its editor');
  await repo.putAcknowledgement(ack);
  return withAcknowledgements(warnings, [...(await repo.listAcknowledgements(year)), ack]);
}
