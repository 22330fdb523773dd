/**
 * « Corrigé le … » with its reason, wherever a corrected figure appears: charts' captions,
 * figure lists, the home's cards, embeds. Rows carry `corrected` (shaped on the server from
 * the published year's corrections, `$core/corrections`); this words it. Pure, client-safe.
 */
import type { Lang } from './format';
import { t } from './i18n';
import { formatDate } from './press/press-text';
import type { SeriesRow } from './rows';

/** One correction said once for the rows it touched. */
export interface CorrectionLine {
  correctedAt: string;
  reason?: string;
  years: number[];
}

/** The corrections of some rows, newest first, each with the years of the figures it corrected. */
export function correctionLines(rows: readonly Pick<SeriesRow, 'year' | 'corrected'>[]): CorrectionLine[] {
  const byKey = new Map<string, CorrectionLine>();
  for (const r of rows) {
    if (!r.corrected) continue;
    const key = `${r.corrected.correctedAt}\u0000${r.corrected.reason ?? ''}`;
    const line = byKey.get(key) ?? { ...r.corrected, years: [] };
    if (!line.years.includes(r.year)) line.years.push(r.year);
    byKey.set(key, line);
  }
  return [...byKey.values()]
    .map((l) => ({ ...l, years: l.years.sort((a, b) => a - b) }))
    .sort((a, b) => b.correctedAt.localeCompare(a.correctedAt));
}

/** « Corrigé le 2 décembre 2026 : Chiffre du rapport définitif », naming the years when asked. */
export const correctedNote = (
  c: { correctedAt: string; reason?: string; years?: readonly number[] },
  lang: Lang,
): string =>
  t(lang).corrections.note(
    formatDate(c.correctedAt, lang),
    c.reason,
    c.years?.length ? c.years.join(', ') : undefined,
  );
