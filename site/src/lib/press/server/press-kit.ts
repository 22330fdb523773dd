/**
 * A chart's or a map's downloads, from one record per kind of chart (`PressKind`): how to load
 * its model, draw its picture, lay out its data table, write its JSON and its README. One
 * dispatch (`pressFile`) and one zip (`pressKit`: PNG at 1× and 2×, SVG, CSV, XLSX, JSON and a
 * bilingual README) serve both. Server-only: PNG through resvg (png.ts), XLSX through
 * write-excel-file, zip through fflate.
 */
import { error } from '@sveltejs/kit';
import { strToU8, type Zippable } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';
import { fileStem, parseChartId, type ChartView, type DownloadFormat } from '../charts';
import { mapCitation, mapJson, mapReadme, mapTable } from '../map-exports';
import { LICENCE_SHORT } from '../credit';
import { chartJson, chartTable, citation, readme, type ChartUrls } from '../exports';
import { tableCsv, type CsvFormat, type DataTable } from '../table';
import { xlsxData, xlsxWidths } from '../xlsx-sheet';
import { LICENCE } from '../press-text';
import type { ChartModel } from './chart-model';
import { loadChart, loadMap } from './load-chart';
import type { MapModel } from './map-model';
import { chartPicture, mapPicture, type Svg } from './picture';
import type { PressRenderer } from './renderer';
import { withFonts } from './svg-fonts';
import { t } from '../../i18n';

export interface PressContext {
  colours: Record<string, string>;
  urls: (view: ChartView) => ChartUrls;
  /** Draws the PNGs and packs the zip: on this thread, or in the local server's worker pool. */
  render: PressRenderer;
}

export type Picture = 'figure' | 'card';

export const svgOf = (model: ChartModel, ctx: PressContext, format: 'figure' | 'card' = 'figure'): Svg =>
  chartPicture(model, { colours: ctx.colours, url: ctx.urls(model.view).page, format });

export const mapSvgOf = (model: MapModel, ctx: PressContext, format: 'figure' | 'card' = 'figure'): Svg =>
  mapPicture(model, { colours: ctx.colours, url: ctx.urls(model.view).page, format });

/** What a kind of chart (bars and small multiples, or a map) gives its downloads. */
export interface PressKind<M extends ChartModel | MapModel> {
  load(view: ChartView): Promise<{ model: M } | { status: 400 | 404; message: string }>;
  svg(model: M, ctx: PressContext, picture: Picture): Promise<string>;
  table(model: M): DataTable;
  json(model: M, urls: ChartUrls): string;
  citation(model: M, pageUrl: string): string;
  readme(models: { fr: M; en: M }, urls: { fr: ChartUrls; en: ChartUrls }, files: KitFile[]): string;
}

const CHART: PressKind<ChartModel> = {
  load: loadChart,
  svg: async (m, ctx, picture) => (await svgOf(m, ctx, picture)).svg,
  table: chartTable,
  json: chartJson,
  citation,
  readme: (models, urls, files) => readme(models.fr, models.en, urls, files),
};

const MAP: PressKind<MapModel> = {
  load: loadMap,
  svg: async (m, ctx, picture) => (await mapSvgOf(m, ctx, picture)).svg,
  table: mapTable,
  json: mapJson,
  citation: mapCitation,
  readme: (models, urls, files) => mapReadme(models.fr, models.en, urls, files),
};

export type AnyKind = PressKind<ChartModel> | PressKind<MapModel>;

export const pressKindOf = (chart: string): AnyKind => (parseChartId(chart)?.kind === 'map' ? MAP : CHART);

/** The XLSX: the data sheet in words (xlsx-sheet.ts), and a sheet with the title, citation, sources and licence. */
async function xlsxOf<M extends ChartModel | MapModel>(
  kind: PressKind<M>,
  model: M,
  ctx: PressContext,
): Promise<Uint8Array> {
  const lang = model.view.lang;
  const table = kind.table(model);
  const about: SheetData = [
    [{ value: model.title, fontWeight: 'bold' }],
    [model.summary],
    [],
    [kind.citation(model, ctx.urls(model.view).page)],
    [],
    ...model.sources.map((s) => [s.title, s.url, s.years.join(', ')]),
    [],
    [t(lang).press.licenceLine(LICENCE_SHORT, LICENCE.url)],
  ];
  const buffer = await writeXlsxFile(
    [
      {
        data: xlsxData(table, lang) as SheetData,
        sheet: t(lang).press.sheetData,
        stickyRowsCount: 1,
        columns: xlsxWidths(table).map((width) => ({ width })),
      },
      {
        data: about,
        sheet: t(lang).press.sheetAbout,
        columns: [{ width: 100 }, { width: 60 }, { width: 20 }],
      },
    ],
    { fontFamily: 'Arial', fontSize: 11 },
  ).toBuffer();
  return new Uint8Array(buffer);
}

/** A file of a press kit, as its README lists it: name, French and English description. */
export type KitFile = [name: string, fr: string, en: string];

/** What a press kit's README says of each file, in French and English. */
const KIT_FILES = (stem: string): KitFile[] => [
  [`${stem}.png`, 'image (800 px de large)', 'picture (800 px wide)'],
  [`${stem}@2x.png`, 'image pour l’impression (1 600 px)', 'picture for print (1,600 px)'],
  [`${stem}.svg`, 'image vectorielle, modifiable', 'vector picture, editable'],
  [
    `${stem}.csv`,
    'données (UTF-8 avec BOM, une observation par ligne)',
    'data (UTF-8 with BOM, one observation per row)',
  ],
  [
    `${stem}-excel-fr.csv`,
    'les mêmes données pour Excel en français (« ; », virgule décimale, dates jj/mm/aaaa)',
    'the same data for French Excel (“;”, decimal comma, dd/mm/yyyy dates)',
  ],
  [
    `${stem}.xlsx`,
    'données pour Excel, avec la source et la citation',
    'data for Excel, with the source and citation',
  ],
  [
    `${stem}.json`,
    'données et métadonnées (titre, unité, sources, citation)',
    'data and metadata (title, unit, sources, citation)',
  ],
];

/** `fr` and `en`: the same chart in both languages, for the README's two citations. */
async function zipKit<M extends ChartModel | MapModel>(
  kind: PressKind<M>,
  models: { fr: M; en: M },
  lang: 'fr' | 'en',
  ctx: PressContext,
): Promise<Uint8Array> {
  const model = models[lang];
  const stem = fileStem(model.view);
  const svg = await kind.svg(model, ctx, 'figure');
  const table = kind.table(model);
  const [png, png2, xlsx] = await Promise.all([
    ctx.render.png(svg, 1),
    ctx.render.png(svg, 2),
    xlsxOf(kind, model, ctx),
  ]);
  const urls = { fr: ctx.urls(models.fr.view), en: ctx.urls(models.en.view) };
  const zip: Zippable = {
    [`${stem}.png`]: [png, { level: 0 }],
    [`${stem}@2x.png`]: [png2, { level: 0 }],
    [`${stem}.svg`]: strToU8(await withFonts(svg)),
    [`${stem}.csv`]: strToU8(tableCsv(table)),
    [`${stem}-excel-fr.csv`]: strToU8(tableCsv(table, 'excel-fr')),
    [`${stem}.xlsx`]: [xlsx, { level: 0 }],
    [`${stem}.json`]: strToU8(kind.json(model, ctx.urls(model.view))),
    'README.md': strToU8(kind.readme(models, urls, KIT_FILES(stem))),
  };
  // A fixed date keeps the archive byte-identical for the same figures (and CDN-friendly).
  const mtime = model.publishedAt ? new Date(model.publishedAt) : new Date('2024-01-01T00:00:00Z');
  return ctx.render.zip(zip, mtime);
}

export interface FileRequest {
  view: ChartView;
  format: DownloadFormat;
  /** PNG: 1 or 2 times the picture's own size. */
  scale: number;
  picture: Picture;
  csv: CsvFormat;
}

const failed = (r: { status: 400 | 404; message: string }): never =>
  error(r.status, { message: r.message, code: r.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' });

async function modelOf<M extends ChartModel | MapModel>(kind: PressKind<M>, view: ChartView): Promise<M> {
  const result = await kind.load(view);
  return 'status' in result ? failed(result) : result.model;
}

const otherLang = (view: ChartView): ChartView => ({ ...view, lang: view.lang === 'fr' ? 'en' : 'fr' });

/** One download of a chart or a map: its body and its model (for the headers); a missing chart or year is a 404. */
export async function pressFile(
  r: FileRequest,
  ctx: PressContext,
): Promise<{ body: string | Uint8Array; model: ChartModel | MapModel }> {
  return fileOf(pressKindOf(r.view.chart) as PressKind<ChartModel | MapModel>, r, ctx);
}

async function fileOf<M extends ChartModel | MapModel>(
  kind: PressKind<M>,
  r: FileRequest,
  ctx: PressContext,
): Promise<{ body: string | Uint8Array; model: M }> {
  const m = await modelOf(kind, r.view);
  switch (r.format) {
    case 'svg':
      return { body: await withFonts(await kind.svg(m, ctx, r.picture)), model: m };
    case 'png':
      return { body: await ctx.render.png(await kind.svg(m, ctx, r.picture), r.scale), model: m };
    case 'csv':
      return { body: tableCsv(kind.table(m), r.csv), model: m };
    case 'json':
      return { body: kind.json(m, ctx.urls(m.view)), model: m };
    case 'xlsx':
      return { body: await xlsxOf(kind, m, ctx), model: m };
    case 'zip': {
      const other = await modelOf(kind, otherLang(r.view));
      const models = r.view.lang === 'fr' ? { fr: m, en: other } : { fr: other, en: m };
      return { body: await zipKit(kind, models, r.view.lang, ctx), model: m };
    }
  }
}
