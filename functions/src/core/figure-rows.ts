/**
 * Reads figures from tidy CSV rows (the public CSV's columns, plus the optional columns
 * data/ keeps). Used by the seed loader and the staff's CSV import, so both report
 * problems the same way: row number and column name.
 */
import { csvParse } from 'd3-dsv';
import { BOM } from './csv';
import { YearFigures, type Figure } from './schema';
import { QUALIFIERS, type Qualifier } from './metric-keys';

export const REQUIRED_COLUMNS = ['year', 'metric', 'value', 'qualifier', 'source_title', 'source_url'] as const;
export const OPTIONAL_COLUMNS = ['unit', 'confidence', 'countries', 'quote', 'note'] as const;

export interface RowProblem {
  /** 1-based line number in the file, the header being line 1. */
  row: number;
  column: string;
  message: string;
}

export interface ParsedRows {
  years: YearFigures[];
  problems: RowProblem[];
}

/** `100000`, `100 000`, `-274421`, `2,5` or a range `30-40`. */
export function parseValue(raw: string): { value: number; upper?: number } | undefined {
  const clean = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(clean);
  if (range) return { value: Number(range[1]), upper: Number(range[2]) };
  return /^-?\d+(\.\d+)?$/.test(clean) ? { value: Number(clean) } : undefined;
}

const optional = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);

export function parseFigureRows(text: string): ParsedRows {
  const rows = csvParse(text.startsWith(BOM) ? text.slice(1) : text);
  const problems: RowProblem[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => !rows.columns.includes(c));
  if (missing.length) return { years: [], problems: [{ row: 1, column: missing.join(', '), message: `missing column(s): ${missing.join(', ')}` }] };

  const byYear = new Map<number, { figures: Figure[]; lines: number[] }>();
  rows.forEach((r, i) => {
    const row = i + 2;
    const yearRaw = (r.year ?? '').trim();
    if (!/^\d{4}$/.test(yearRaw)) {
      problems.push({ row, column: 'year', message: `"${yearRaw}" is not a year` });
      return;
    }
    const parsed = parseValue(r.value ?? '');
    if (!parsed) problems.push({ row, column: 'value', message: `"${r.value ?? ''}" is not a number` });
    const qualifier = (r.qualifier ?? '').trim() || 'exact';
    if (!(QUALIFIERS as readonly string[]).includes(qualifier))
      problems.push({ row, column: 'qualifier', message: `"${qualifier}" is not one of ${QUALIFIERS.join(', ')}` });
    const confidence = optional(r.confidence);
    if (confidence && confidence !== 'high' && confidence !== 'medium')
      problems.push({ row, column: 'confidence', message: `"${confidence}" is not high or medium` });
    if (!parsed) return;
    const figure: Figure = {
      metric: (r.metric ?? '').trim(),
      ...parsed,
      qualifier: qualifier as Qualifier,
      unit: optional(r.unit),
      confidence: confidence as Figure['confidence'],
      countries: optional(r.countries)?.split(/[\s,;]+/),
      source: { title: (r.source_title ?? '').trim(), url: (r.source_url ?? '').trim(), quote: optional(r.quote) },
      note: optional(r.note),
    };
    const entry = byYear.get(Number(yearRaw)) ?? { figures: [], lines: [] };
    entry.figures.push(JSON.parse(JSON.stringify(figure)) as Figure); // drops undefined fields
    entry.lines.push(row);
    byYear.set(Number(yearRaw), entry);
  });

  const years: YearFigures[] = [];
  for (const [year, { figures, lines }] of [...byYear].sort(([a], [b]) => a - b)) {
    const result = YearFigures.safeParse({ year, figures });
    if (result.success) {
      years.push(result.data);
      continue;
    }
    for (const issue of result.error.issues) {
      const [head, index, field, ...rest] = issue.path;
      if (head === 'figures' && typeof index === 'number') {
        const column = field === 'source' ? `source_${String(rest[0] ?? 'url')}` : field === 'upper' ? 'value' : String(field ?? 'metric');
        problems.push({ row: lines[index]!, column, message: issue.message });
      } else problems.push({ row: lines[0]!, column: 'year', message: issue.message });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { years: problems.length ? [] : years, problems };
}
