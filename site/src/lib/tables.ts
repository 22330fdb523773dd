/**
 * Rows of a chart's data table, shaped from the chart's rows: every year of the span, the
 * unknown ones included and said to be unknown. Client-safe and pure.
 */
import { formatFigureWithUnit, type Lang } from './format';
import { escapeHtml as e } from './html';
import { t } from './i18n';
import type { SeriesRow } from './rows';

/**
 * A cell of a data table. Cells wrap between words only, never inside a word or a number (a
 * number's groups are joined by no-break spaces), so that a table fits a phone's width; cells
 * of running text (a quote, a source's title) say `wrap`, and keep a readable width.
 */
export type Cell =
  | string
  | {
      text: string;
      href?: string;
      lang?: string;
      muted?: boolean;
      wrap?: boolean;
      /** The number of the cell's source in the table's `sources`, written after it as a short reference. */
      ref?: number;
    };

/** A source a table's rows cite by number: its title and link, and what it says for each year. */
export interface TableSource {
  title: string;
  href: string;
  years: string[];
  /** The passages quoted, in French (the sources' language), by year. */
  quotes: { year: string; text: string }[];
}

export interface Table {
  columns: string[];
  rows: Cell[][];
  /**
   * The sources the rows cite by number (`ref`), listed under the table in a `<details>`, so
   * a long title or quotation never squeezes the figures' columns.
   */
  sources?: TableSource[];
}

/**
 * Numbers sources as rows cite them: one number per source (title and link), shared by
 * every year it gives, with the passage it is read from for each year.
 */
export function sourceRefs(): {
  sources: TableSource[];
  /** The source's number (from 1), noting the year or place it gives a figure for. */
  cite: (source: { title: string; url: string; quote?: string }, year: number | string) => number;
} {
  const sources: TableSource[] = [];
  return {
    sources,
    cite(source, year) {
      let i = sources.findIndex((s) => s.title === source.title && s.href === source.url);
      if (i < 0) i = sources.push({ title: source.title, href: source.url, years: [], quotes: [] }) - 1;
      const s = sources[i]!;
      s.years.push(String(year));
      if (source.quote) s.quotes.push({ year: String(year), text: `«\u00a0${source.quote}\u00a0»` });
      return i + 1;
    },
  };
}

export function seriesTable(
  rows: readonly SeriesRow[],
  span: readonly [number, number] | undefined,
  unit: string,
  lang: Lang,
): Table {
  const L = t(lang);
  const refs = sourceRefs();
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const [from, to] = span ?? [rows[0]?.year ?? 0, rows.at(-1)?.year ?? -1];
  const out: Cell[][] = [];
  for (let y = from; y <= to; y++) {
    const r = byYear.get(y);
    out.push(
      r
        ? [String(y), { text: formatFigureWithUnit(r, unit, lang), ref: refs.cite(r.source, y) }]
        : [String(y), { text: L.noFigure, muted: true }],
    );
  }
  return { columns: [L.table.year, L.table.figure], rows: out, sources: refs.sources };
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
export function tableHtml(table: Table, caption: string, lang: Lang, id = 'tableau'): string {
  const L = t(lang);
  const head = table.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row.map((cell, j) => {
        const c = typeof cell === 'string' ? { text: cell } : cell;
        // Text wraps between words only: a hyphenated name (Auvergne-Rhône-Alpes) is kept whole,
        // and a number's groups are joined by no-break spaces (formatNumber).
        const words = e(c.text).replace(/[^\s]*-[^\s]*/g, (w) => `<span class="nobr">${w}</span>`);
        if (j === 0) return `<th scope="row">${words}</th>`;
        const classes = [c.muted && 'muted', c.wrap && 'wrap'].filter(Boolean).join(' ');
        const attrs = `${classes ? ` class="${classes}"` : ''}${c.lang && c.lang !== lang ? ` lang="${e(c.lang)}"` : ''}`;
        const ref =
          c.ref === undefined
            ? ''
            : ` <a class="ref" href="#${e(id)}-source-${c.ref}"><span class="visually-hidden">${e(L.source)} </span>${c.ref}</a>`;
        const text = (c.href ? `<a href="${e(c.href)}" rel="external noopener">${words}</a>` : words) + ref;
        return `<td${attrs}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const scroll = `<div class="table-scroll" role="region" aria-label="${e(caption)}" tabindex="0"><table><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
  return scroll + sourcesHtml(table.sources ?? [], id, lang);
}

/** The numbered sources under a table, closed until asked for (no JavaScript: a `<details>`). */
function sourcesHtml(sources: readonly TableSource[], id: string, lang: Lang): string {
  if (sources.length === 0) return '';
  const L = t(lang);
  const items = sources
    .map((s, i) => {
      const quotes = s.quotes
        .map(
          (q) =>
            `<li><span class="year">${e(q.year)}</span> <span class="quote"${lang === 'fr' ? '' : ' lang="fr"'}>${e(q.text)}</span></li>`,
        )
        .join('');
      return `<li id="${e(id)}-source-${i + 1}"><a href="${e(s.href)}" rel="external noopener">${e(s.title)}</a> (${e(s.years.join(', '))})${quotes ? `<ul class="quotes">${quotes}</ul>` : ''}</li>`;
    })
    .join('');
  return `<details class="table-sources"><summary>${e(sources.length > 1 ? L.sources : L.source)} (${sources.length})</summary><ol>${items}</ol></details>`;
}
