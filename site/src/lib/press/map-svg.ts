/**
 * A map as one standalone SVG, for its SVG and PNG downloads: the same layout as the map on
 * its page (france-map-layout.ts, partner-map-layout.ts), scaled into the picture's box, with
 * its labels as SVG text (the page draws them in HTML over the map), in the frame every
 * picture shares (chart-svg.ts: title, summary, key, credit). Pure.
 */
import { formatFigure } from '../format';
import { t } from '../i18n';
import { framedSvg, type Body, type Box, type LegendItem, type Svg, type SvgOptions } from './chart-svg';
import type { MapModel } from './server/map-model';
import { r, textLines } from './svg-text';

type Regions = Extract<MapModel, { kind: 'regions' }>;
type Partners = Extract<MapModel, { kind: 'international' }>;

/** The layout's own box fitted into `box`, centred: `translate(…) scale(…)` and the mapping of a point. */
function fit(box: Box, width: number, height: number) {
  const k = Math.min(box.w / width, box.h / height);
  const dx = box.x + (box.w - width * k) / 2;
  const dy = box.y + (box.h - height * k) / 2;
  return {
    transform: `translate(${r(dx)} ${r(dy)}) scale(${Math.round(k * 1000) / 1000})`,
    at: (x: number, y: number) => [dx + x * k, dy + y * k] as const,
    k,
  };
}

const STROKE = 'vector-effect="non-scaling-stroke"';

function regionsBody(m: Regions, c: Record<string, string>): Body {
  const lang = m.view.lang;
  const { layout, rows } = m.regions;
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return (box) => {
    const f = fit(box, layout.width, layout.height);
    const shapes: string[] = [
      `<path d="${layout.outline}" fill="${c['map-land']}" stroke="${c['map-stroke']}" ${STROKE}/>`,
    ];
    for (const inset of layout.insets)
      shapes.push(
        `<rect x="${inset.x}" y="${inset.y}" width="${inset.width}" height="${inset.height}" rx="4" fill="${c['map-other']}" stroke="${c['map-stroke']}" stroke-dasharray="3 2" ${STROKE}/>`,
      );
    for (const s of layout.symbols) {
      const figure = bySlug.get(s.slug)?.figure;
      const paint = !s.known
        ? `fill="none" stroke="${c.muted}" stroke-width="1.5" stroke-dasharray="3 2"`
        : figure && figure.qualifier !== 'exact'
          ? `fill="${c['accent-soft']}" stroke="${c.accent}" stroke-width="2"`
          : `fill="${c.accent}" fill-opacity="0.85" stroke="${c['accent-strong']}" stroke-width="1.5"`;
      shapes.push(`<circle cx="${r(s.cx)}" cy="${r(s.cy)}" r="${r(s.r)}" ${paint} ${STROKE}/>`);
    }
    const labels: string[] = [];
    // A small map (the card) names only the regions with a figure, as the page does when narrow.
    for (const s of layout.symbols.filter((sym) => !sym.overseas && (sym.known || f.k >= 0.7))) {
      const row = bySlug.get(s.slug);
      const [x, y] = f.at(s.cx, s.cy + s.r);
      labels.push(
        textLines([row?.name ?? s.slug], x, y + 13, 0, {
          size: 11,
          fill: s.known ? c.fg! : c.muted!,
          italic: !s.known,
          anchor: 'middle',
          halo: c.card!,
        }),
      );
      if (row?.figure)
        labels.push(
          textLines([formatFigure(row.figure, lang)], x, y + 27, 0, {
            size: 12,
            fill: c['accent-text'] ?? c.accent!,
            bold: true,
            anchor: 'middle',
            halo: c.card!,
          }),
        );
    }
    for (const inset of layout.insets) {
      const row = bySlug.get(inset.slug);
      const [x, y] = f.at(inset.x + 6, inset.y + 4);
      labels.push(
        textLines([row?.name.replace(/\s*\(.*\)$/, '') ?? inset.slug], x, y + 11, 0, {
          size: 10,
          fill: c.fg!,
        }),
      );
      if (row?.figure)
        labels.push(
          textLines([formatFigure(row.figure, lang)], x, y + 24, 0, {
            size: 11,
            fill: c['accent-text'] ?? c.accent!,
            bold: true,
          }),
        );
    }
    return `<g transform="${f.transform}">${shapes.join('')}</g>${labels.join('')}`;
  };
}

function partnersBody(m: Partners, c: Record<string, string>): Body {
  const { layout, countries } = m.partners;
  const byIso = new Map(countries.map((country) => [country.iso2, country]));
  return (box) => {
    const f = fit(box, layout.width, layout.height);
    const paint = (kind: string) =>
      kind === 'current'
        ? `fill="${c.accent}" stroke="${c.card}" stroke-width="1.25"`
        : kind === 'other-year'
          ? `fill="${c['map-land']}" stroke="${c.accent}" stroke-width="1.5" stroke-dasharray="4 3"`
          : `fill="${c['map-other']}" stroke="${c['map-stroke']}" stroke-width="0.75"${kind === 'disputed' ? ' stroke-dasharray="3 2"' : ''}`;
    const order = ['none', 'other-year', 'current', 'disputed'];
    const shapes = [...layout.shapes]
      .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      .map((s) => `<path d="${s.d}" ${paint(s.kind)} ${STROKE}/>`);
    const labels = layout.shapes
      .filter(
        (s) =>
          s.iso2 &&
          s.xPct !== undefined &&
          s.yPct !== undefined &&
          (s.kind === 'current' || s.kind === 'other-year'),
      )
      .map((s) => {
        const [x, y] = f.at(((s.xPct ?? 0) / 100) * layout.width, ((s.yPct ?? 0) / 100) * layout.height);
        return textLines([byIso.get(s.iso2!)?.name ?? s.iso2!], x, y + 4, 0, {
          size: 12,
          fill: c.fg!,
          bold: s.kind === 'current',
          italic: s.kind !== 'current',
          anchor: 'middle',
          halo: c.card!,
        });
      });
    const [x0, y0] = f.at(0, 0);
    const sea = `<rect x="${r(x0)}" y="${r(y0)}" width="${r(layout.width * f.k)}" height="${r(layout.height * f.k)}" rx="6" fill="${c['map-sea']}"/>`;
    return `${sea}<g transform="${f.transform}">${shapes.join('')}</g>${labels.join('')}`;
  };
}

function mapLegend(m: MapModel, c: Record<string, string>): LegendItem[] {
  const lang = m.view.lang;
  const L = t(lang);
  if (m.kind === 'regions') {
    const items: LegendItem[] = [
      [
        `fill="${c.accent}" fill-opacity="0.85" stroke="${c['accent-strong']}"`,
        lang === 'fr' ? 'Surface proportionnelle au chiffre' : 'Area proportional to the figure',
        true,
      ],
    ];
    if (m.regions.rows.some((row) => row.figure && row.figure.qualifier !== 'exact'))
      items.push([
        `fill="${c['accent-soft']}" stroke="${c.accent}" stroke-width="2"`,
        L.legend.qualified,
        true,
      ]);
    if (m.regions.rows.some((row) => !row.figure))
      items.push([
        `fill="none" stroke="${c.muted}" stroke-width="1.5" stroke-dasharray="3 2"`,
        lang === 'fr' ? 'Pas de chiffre publié' : 'No published figure',
        true,
      ]);
    return items;
  }
  const items: LegendItem[] = [[`fill="${c.accent}"`, `${L.partnersCountries} ${m.year}`]];
  if (m.partners.countries.some((country) => !country.current))
    items.push([
      `fill="${c['map-land']}" stroke="${c.accent}" stroke-width="1.5" stroke-dasharray="4 3"`,
      lang === 'fr' ? 'Partenaire une autre année' : 'Partner in another year',
    ]);
  return items;
}

export function mapSvg(m: MapModel, o: SvgOptions): Svg {
  const c = o.colours;
  const layout = m.kind === 'regions' ? m.regions.layout : m.partners.layout;
  const body = m.kind === 'regions' ? regionsBody(m, c) : partnersBody(m, c);
  // 736 px of picture across: the map at most 560 px wide, in its own aspect.
  const height = Math.round((Math.min(560, 736) * layout.height) / layout.width);
  return framedSvg(
    { title: m.title, summary: m.summary, credit: m, legend: mapLegend(m, c), height, body },
    o,
  );
}
