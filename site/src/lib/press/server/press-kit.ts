/**
 * The files of a chart's downloads and its press kit (one zip: PNG at 1× and 2×, SVG, CSV,
 * XLSX, JSON and a bilingual README). Server-only: PNG through resvg, XLSX through
 * write-excel-file, zip through fflate.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';
import { fileStem, type ChartView } from '../charts';
import { chartSvg, type Svg } from '../chart-svg';
import { chartCsv, chartJson, citation, CSV_COLUMNS, readme, tidyRows, type ChartUrls } from '../exports';
import { LICENCE } from '../press-text';
import type { ChartModel } from './chart-model';
import { renderPng } from './png';

export interface PressContext {
  colours: Record<string, string>;
  urls: (view: ChartView) => ChartUrls;
}

export const svgOf = (model: ChartModel, ctx: PressContext, format: 'figure' | 'card' = 'figure'): Svg =>
  chartSvg(model, { colours: ctx.colours, url: ctx.urls(model.view).page, format });

export async function chartXlsx(model: ChartModel, ctx: PressContext): Promise<Uint8Array> {
  const lang = model.view.lang;
  const header = CSV_COLUMNS.map((c) => ({ value: c, fontWeight: 'bold' as const }));
  const data: SheetData = [header, ...tidyRows(model).map((r) => CSV_COLUMNS.map((c) => r[c] ?? null))];
  const about: SheetData = [
    [{ value: model.title, fontWeight: 'bold' }],
    [model.summary],
    [],
    [citation(model, ctx.urls(model.view).page)],
    [],
    ...model.sources.map((s) => [s.title, s.url, s.years.join(', ')]),
    [],
    [`${LICENCE.id} — ${LICENCE.url}`],
  ];
  const buffer = await writeXlsxFile([
    { data, sheet: lang === 'fr' ? 'Données' : 'Data', stickyRowsCount: 1, columns: CSV_COLUMNS.map((c) => ({ width: c.startsWith('source') || c === 'label' ? 40 : 12 })) },
    { data: about, sheet: lang === 'fr' ? 'À propos' : 'About', columns: [{ width: 100 }, { width: 60 }, { width: 20 }] },
  ], { fontFamily: 'Arial', fontSize: 11 }).toBuffer();
  return new Uint8Array(buffer);
}

/** `fr` and `en`: the same chart in both languages, for the README's two citations. */
export async function pressKit(models: { fr: ChartModel; en: ChartModel }, lang: 'fr' | 'en', ctx: PressContext): Promise<Uint8Array> {
  const model = models[lang];
  const stem = fileStem(model.view);
  const svg = svgOf(model, ctx).svg;
  const [png, png2, xlsx] = await Promise.all([renderPng(svg, 1), renderPng(svg, 2), chartXlsx(model, ctx)]);
  const files: [string, string, string][] = [
    [`${stem}.png`, 'image (800 px de large)', 'picture (800 px wide)'],
    [`${stem}@2x.png`, 'image pour l’impression (1 600 px)', 'picture for print (1,600 px)'],
    [`${stem}.svg`, 'image vectorielle, modifiable', 'vector picture, editable'],
    [`${stem}.csv`, 'données (UTF-8 avec BOM, une observation par ligne)', 'data (UTF-8 with BOM, one observation per row)'],
    [`${stem}.xlsx`, 'données pour Excel, avec la source et la citation', 'data for Excel, with the source and citation'],
    [`${stem}.json`, 'données et métadonnées (titre, unité, sources, citation)', 'data and metadata (title, unit, sources, citation)'],
  ];
  const zip: Zippable = {
    [`${stem}.png`]: [png, { level: 0 }],
    [`${stem}@2x.png`]: [png2, { level: 0 }],
    [`${stem}.svg`]: strToU8(svg),
    [`${stem}.csv`]: strToU8(chartCsv(model)),
    [`${stem}.xlsx`]: [xlsx, { level: 0 }],
    [`${stem}.json`]: strToU8(chartJson(model, ctx.urls(model.view))),
    'README.md': strToU8(readme(models.fr, models.en, { fr: ctx.urls(models.fr.view), en: ctx.urls(models.en.view) }, files)),
  };
  // A fixed date keeps the archive byte-identical for the same figures (and CDN-friendly).
  const mtime = model.publishedAt ? new Date(model.publishedAt) : new Date('2024-01-01T00:00:00Z');
  return zipSync(zip, { level: 6, mtime });
}
