/**
 * Rows of a chart's data table, shaped from the chart's rows: every year of the span, the
 * unknown ones included and said to be unknown. Client-safe and pure.
 */
import { formatFigureWithUnit, type Lang } from './format';
import { escapeHtml as e } from './html';
import { t } from './i18n';
import type { SeriesRow } from './rows';

/**
 * A cell of a data table. Years and figures never wrap (a number broken over two lines
 * misreads); cells of running text (a quote, a source's title) say `wrap`.
 */
export type Cell = string | { text: string; href?: string; lang?: string; muted?: boolean; wrap?: boolean };

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export function seriesTable(
  rows: readonly SeriesRow[],
  span: readonly [number, number] | undefined,
  unit: string,
  lang: Lang,
): Table {
  const L = t(lang);
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const [from, to] = span ?? [rows[0]?.year ?? 0, rows.at(-1)?.year ?? -1];
  const out: Cell[][] = [];
  for (let y = from; y <= to; y++) {
    const r = byYear.get(y);
    out.push(
      r
        ? [
            String(y),
            formatFigureWithUnit(r, unit, lang),
            r.source.quote ? { text: `«\u00a0${r.source.quote}\u00a0»`, lang: 'fr', wrap: true } : '',
            { text: r.source.title, href: r.source.url, wrap: true },
          ]
        : [String(y), { text: L.noFigure, muted: true }, '', ''],
    );
  }
  return { columns: [L.table.year, L.table.figure, L.table.quote, L.table.source], rows: out };
}

/** One row per year of the span, one column per metric: small multiples as a table. */
export function multiplesTable(
  series: readonly { metric: { label: string; unit: string }; rows: readonly SeriesRow[] }[],
  span: readonly [number, number],
  lang: Lang,
): Table {
  const L = t(lang);
  const rows: Cell[][] = [];
  for (let y = span[0]; y <= span[1]; y++) {
    rows.push([
      String(y),
      ...series.map((s): Cell => {
        const r = s.rows.find((row) => row.year === y);
        return r ? formatFigureWithUnit(r, s.metric.unit, lang) : { text: L.noFigure, muted: true };
      }),
    ]);
  }
  return { columns: [L.table.year, ...series.map((s) => s.metric.label)], rows };
}

/**
 * The table as HTML, with its caption: rendered with `{@html}`, a table of a hundred cells
 * costs the page's hydration nothing (it is static, and hidden until opened). It sits in a
 * region that scrolls sideways on a narrow screen (the year column stays put), reachable by
 * keyboard, rather than squeezing its cells until words break.
 */
export function tableHtml(table: Table, caption: string, lang: Lang): string {
  const head = table.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row.map((cell, j) => {
        const c = typeof cell === 'string' ? { text: cell } : cell;
        if (j === 0) return `<th scope="row">${e(c.text)}</th>`;
        const classes = [c.muted && 'muted', c.wrap && 'wrap'].filter(Boolean).join(' ');
        const attrs = `${classes ? ` class="${classes}"` : ''}${c.lang && c.lang !== lang ? ` lang="${e(c.lang)}"` : ''}`;
        // Running text wraps between words only: a hyphenated word (Saint-Brieuc) is kept whole.
        const words = c.wrap
          ? e(c.text).replace(/[^\s]*-[^\s]*/g, (w) => `<span class="nobr">${w}</span>`)
          : e(c.text);
        const text = c.href ? `<a href="${e(c.href)}" rel="external noopener">${words}</a>` : words;
        return `<td${attrs}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<div class="table-scroll" role="region" aria-label="${e(caption)}" tabindex="0"><table><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
