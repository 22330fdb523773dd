/**
 * The files of a chart's downloads and its press kit (one zip: PNG at 1× and 2×, SVG, CSV,
 * XLSX, JSON and a bilingual README). Server-only: PNG through resvg, XLSX through
 * write-excel-file, zip through fflate.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';
import { fileStem, type ChartView } from '../charts';
import { mapCsv, mapJson, mapReadme } from '../map-exports';
import { LICENCE_SHORT } from '../credit';
import { chartCsv, chartJson, citation, readme, tidyRows, type ChartUrls } from '../exports';
import { XLSX_WIDTHS, xlsxData } from '../xlsx-sheet';
import { LICENCE } from '../press-text';
import type { ChartModel } from './chart-model';
import type { MapModel } from './map-model';
import { chartPicture, mapPicture, type Svg } from './picture';
import { renderPng } from './png';
import { withFonts } from './svg-fonts';

export interface PressContext {
  colours: Record<string, string>;
  urls: (view: ChartView) => ChartUrls;
}

export const svgOf = (model: ChartModel, ctx: PressContext, format: 'figure' | 'card' = 'figure'): Svg =>
  chartPicture(model, { colours: ctx.colours, url: ctx.urls(model.view).page, format });

export async function chartXlsx(model: ChartModel, ctx: PressContext): Promise<Uint8Array> {
  const lang = model.view.lang;
  const data = xlsxData(tidyRows(model), lang) as SheetData;
  const about: SheetData = [
    [{ value: model.title, fontWeight: 'bold' }],
    [model.summary],
    [],
    [citation(model, ctx.urls(model.view).page)],
    [],
    ...model.sources.map((s) => [s.title, s.url, s.years.join(', ')]),
    [],
    [
      lang === 'fr'
        ? `Licence : ${LICENCE_SHORT} — ${LICENCE.url}`
        : `Licence: ${LICENCE_SHORT} — ${LICENCE.url}`,
    ],
  ];
  const buffer = await writeXlsxFile(
    [
      {
        data,
        sheet: lang === 'fr' ? 'Données' : 'Data',
        stickyRowsCount: 1,
        columns: XLSX_WIDTHS.map((width) => ({ width })),
      },
      {
        data: about,
        sheet: lang === 'fr' ? 'À propos' : 'About',
        columns: [{ width: 100 }, { width: 60 }, { width: 20 }],
      },
    ],
    { fontFamily: 'Arial', fontSize: 11 },
  ).toBuffer();
  return new Uint8Array(buffer);
}

/** What a press kit's README says of each file, in French and English. */
const KIT_FILES = (stem: string, xlsx: boolean): [string, string, string][] => [
  [`${stem}.png`, 'image (800 px de large)', 'picture (800 px wide)'],
  [`${stem}@2x.png`, 'image pour l’impression (1 600 px)', 'picture for print (1,600 px)'],
  [`${stem}.svg`, 'image vectorielle, modifiable', 'vector picture, editable'],
  [
    `${stem}.csv`,
    'données (UTF-8 avec BOM, une observation par ligne)',
    'data (UTF-8 with BOM, one observation per row)',
  ],
  ...(xlsx
    ? [
        [
          `${stem}.xlsx`,
          'données pour Excel, avec la source et la citation',
          'data for Excel, with the source and citation',
        ] as [string, string, string],
      ]
    : []),
  [
    `${stem}.json`,
    'données et métadonnées (titre, unité, sources, citation)',
    'data and metadata (title, unit, sources, citation)',
  ],
];

interface KitParts {
  stem: string;
  svg: string;
  csv: string;
  json: string;
  xlsx?: Uint8Array;
  readme: (files: readonly [string, string, string][]) => string;
  publishedAt?: string;
}

/** The zip: pictures at 1× and 2× from the one SVG, the data files and the README. */
async function zipKit(k: KitParts): Promise<Uint8Array> {
  const [png, png2] = await Promise.all([renderPng(k.svg, 1), renderPng(k.svg, 2)]);
  const zip: Zippable = {
    [`${k.stem}.png`]: [png, { level: 0 }],
    [`${k.stem}@2x.png`]: [png2, { level: 0 }],
    [`${k.stem}.svg`]: strToU8(await withFonts(k.svg)),
    [`${k.stem}.csv`]: strToU8(k.csv),
    ...(k.xlsx ? { [`${k.stem}.xlsx`]: [k.xlsx, { level: 0 }] as [Uint8Array, { level: 0 }] } : {}),
    [`${k.stem}.json`]: strToU8(k.json),
    'README.md': strToU8(k.readme(KIT_FILES(k.stem, k.xlsx !== undefined))),
  };
  // A fixed date keeps the archive byte-identical for the same figures (and CDN-friendly).
  const mtime = k.publishedAt ? new Date(k.publishedAt) : new Date('2024-01-01T00:00:00Z');
  return zipSync(zip, { level: 6, mtime });
}

/** `fr` and `en`: the same chart in both languages, for the README's two citations. */
export async function pressKit(
  models: { fr: ChartModel; en: ChartModel },
  lang: 'fr' | 'en',
  ctx: PressContext,
): Promise<Uint8Array> {
  const model = models[lang];
  return zipKit({
    stem: fileStem(model.view),
    svg: svgOf(model, ctx).svg,
    csv: chartCsv(model),
    json: chartJson(model, ctx.urls(model.view)),
    xlsx: await chartXlsx(model, ctx),
    readme: (files) =>
      readme(models.fr, models.en, { fr: ctx.urls(models.fr.view), en: ctx.urls(models.en.view) }, files),
    ...(model.publishedAt ? { publishedAt: model.publishedAt } : {}),
  });
}

export const mapSvgOf = (model: MapModel, ctx: PressContext, format: 'figure' | 'card' = 'figure'): Svg =>
  mapPicture(model, { colours: ctx.colours, url: ctx.urls(model.view).page, format });

/** A map's press kit: its pictures, CSV, JSON and a README (no XLSX: a map's table is its CSV). */
export async function mapPressKit(
  models: { fr: MapModel; en: MapModel },
  lang: 'fr' | 'en',
  ctx: PressContext,
): Promise<Uint8Array> {
  const model = models[lang];
  return zipKit({
    stem: fileStem(model.view),
    svg: mapSvgOf(model, ctx).svg,
    csv: mapCsv(model),
    json: mapJson(model, ctx.urls(model.view)),
    readme: (files) =>
      mapReadme(models.fr, models.en, { fr: ctx.urls(models.fr.view), en: ctx.urls(models.en.view) }, files),
    ...(model.publishedAt ? { publishedAt: model.publishedAt } : {}),
  });
}
