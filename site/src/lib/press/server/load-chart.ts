/**
 * Reads what a chart's embed and downloads need: the published years (through the site's
 * resilient store) and, for the « corrigé le … » note, the history of the years it spans.
 * History is a nicety: when it cannot be read in time, the chart shows without the note.
 */
import { listCorrections, touching, type Correction } from '$core/corrections';
import { listPublished } from '$core/figures';
import type { PublishedYear } from '$core/schema';
import { figures, table } from '$lib/server/store';
import { observability } from '$adapters/observability';
import type { ChartView } from '../charts';
import { shapeChart, yearsInSpan, type ChartModel, type ChartResult } from './chart-model';
import { shapeMap, type MapResult } from './map-model';

const HISTORY_TIMEOUT_MS = 800;

async function correctionsOf(model: ChartModel, years: readonly PublishedYear[]): Promise<Correction[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const read = listCorrections(table(), yearsInSpan(model, years));
    const late = new Promise<never>(
      (_, fail) => (timer = setTimeout(() => fail(new Error('history read timed out')), HISTORY_TIMEOUT_MS)),
    );
    return touching(await Promise.race([read, late]), new Set(model.keys));
  } catch (cause) {
    observability().logger.warn('chart history unavailable; no correction note', {
      chart: model.view.chart,
      error: String(cause),
    });
    return [];
  } finally {
    clearTimeout(timer);
  }
}

export async function loadChart(view: ChartView): Promise<ChartResult> {
  const years = await listPublished(figures());
  const result = shapeChart(view, years);
  if ('model' in result) result.model.corrections = await correctionsOf(result.model, years);
  return result;
}

/** A map's embed and downloads read only the published years (a map shows one year). */
export async function loadMap(view: ChartView): Promise<MapResult> {
  return shapeMap(view, await listPublished(figures()));
}
