/**
 * Read use cases over published figures. Plain TypeScript: no AWS, no HTTP, no Svelte.
 */
import { badRequest, notFound } from './errors';
import { metricById, metrics, type MetricDefinition } from './reference';
import type { FiguresRepository } from './repository';
import type { Figure, PublishedYear } from './schema';
import { metricKeyProblem, parseMetricKey } from './metric-keys';
import { cutBetween, type Cut } from './comparability';
import { lastCorrectionOf, publicChanges } from './corrections';

/** Who the public reads as the author of every publication: staff identities stay in the admin. */
export const PUBLIC_AUTHOR = 'La Cimade';

/**
 * A published year as the public may see it: who on the staff published it is never said,
 * nor a figure's research note (`note`, for staff); its corrections say when, why and what.
 */
export const forPublic = (y: PublishedYear): PublishedYear => ({
  ...y,
  publishedBy: PUBLIC_AUTHOR,
  figures: y.figures.map(({ note: _note, ...f }) => f),
  ...(y.corrections
    ? { corrections: y.corrections.map((c) => ({ ...c, changes: publicChanges(c.changes) })) }
    : {}),
});

/** Every published year, as the public sees it (pages, embeds, exports, the public API). */
export const listPublished = async (repo: FiguresRepository): Promise<PublishedYear[]> =>
  (await repo.listPublished()).map(forPublic);

/** What a 400 says of a year in a URL that is not four digits. */
export const notAYear = (raw: string): string => `"${raw}" is not a year (expected four digits, e.g. 2016)`;

/** Parses a year as it comes in a URL: four digits, nothing else. */
export function parseYearParam(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw badRequest(notAYear(raw));
  return Number(raw);
}

export async function getYear(repo: FiguresRepository, rawYear: string): Promise<PublishedYear> {
  const year = parseYearParam(rawYear);
  const found = await repo.getPublished(year);
  if (!found) throw notFound(`no figures are published for ${year}`);
  return forPublic(found);
}

export interface SeriesPoint {
  year: number;
  value: number;
  upper?: number;
  qualifier: Figure['qualifier'];
  unit?: string;
  confidence?: Figure['confidence'];
  countries?: Figure['countries'];
  source: Figure['source'];
  /** Points compare only within one segment (comparability.ts): a new one starts at each cut. */
  segment: number;
  /** Why this point does not compare with the one before it: a break in the series, or another unit. */
  cut?: Cut;
  /** The latest correction of this figure after its year was first published: when and why. */
  corrected?: PointCorrection;
}

/** When a published figure was corrected (ISO 8601) and why; never by whom. */
export interface PointCorrection {
  correctedAt: string;
  reason?: string;
}

export interface Series {
  metric: string;
  definition: MetricDefinition;
  points: SeriesPoint[];
}

/** Checks a metric key from a URL: malformed is a 400, well-formed but unknown a 404. */
export function checkMetricParam(raw: string): MetricDefinition {
  const parsed = parseMetricKey(raw);
  if (!parsed)
    throw badRequest(
      `"${raw}" is not a metric key (expected e.g. "volunteers" or "region.ile-de-france.volunteers")`,
    );
  const problem = metricKeyProblem(raw);
  if (problem) throw notFound(problem);
  return metricById.get(parsed.metric)!;
}

/**
 * One point per year that has the metric; years without it are absent, never filled. Each
 * point says whether it compares with the one before it (`segment`, `cut`).
 */
export function seriesOf(years: readonly PublishedYear[], metric: string): SeriesPoint[] {
  const found: Omit<SeriesPoint, 'segment' | 'cut'>[] = [];
  for (const y of years) {
    const f = y.figures.find((fig) => fig.metric === metric);
    if (!f) continue;
    const last = lastCorrectionOf(y, metric);
    found.push({
      year: y.year,
      value: f.value,
      upper: f.upper,
      qualifier: f.qualifier,
      unit: f.unit,
      confidence: f.confidence,
      countries: f.countries,
      source: f.source,
      ...(last
        ? { corrected: { correctedAt: last.correctedAt, ...(last.reason ? { reason: last.reason } : {}) } }
        : {}),
    });
  }
  found.sort((a, b) => a.year - b.year);
  let segment = 0;
  return found.map((p, i) => {
    const cut = i > 0 ? cutBetween(metric, found[i - 1]!, p) : undefined;
    if (cut) segment++;
    return { ...p, segment, ...(cut ? { cut } : {}) };
  });
}

export async function getSeries(repo: FiguresRepository, rawMetric: string): Promise<Series> {
  const definition = checkMetricParam(rawMetric);
  return { metric: rawMetric, definition, points: seriesOf(await repo.listPublished(), rawMetric) };
}

export interface Headline {
  definition: MetricDefinition;
  /** The latest year that has the figure, and the one before it that has it too, if the two compare. */
  latest: SeriesPoint;
  previous?: SeriesPoint;
}

/** The latest known value of each headline metric: years are sparse, so each has its own year. */
export function headlines(years: readonly PublishedYear[]): Headline[] {
  return metrics
    .filter((m) => m.headline)
    .flatMap((definition) => {
      const points = seriesOf(years, definition.id);
      const latest = points.at(-1);
      const previous = points.at(-2);
      return latest
        ? [{ definition, latest, ...(previous?.segment === latest.segment ? { previous } : {}) }]
        : [];
    });
}
