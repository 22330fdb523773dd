/**
 * Reads figures from a table of cells: a CSV (`,` or `;` or tab, detected) or a worksheet.
 * Columns may be named as the public CSV names them or in French (« Valeur », « Titre de
 * la source »); metrics by key or label, qualifiers by code or word (« plus de »). Used by
 * the seed loader and the staff's import, so both report problems the same way: every
 * problem at once, each with the file's own line and column name.
 */
import { dsvFormat } from 'd3-dsv';
import { BOM } from './csv';
import {
  columnOf,
  confidenceOf,
  IMPORT_COLUMNS,
  metricKeyOf,
  qualifierOf,
  type ImportColumn,
} from './labels';
import { say, toProblems, type Problem, type ProblemCode, type ProblemParams } from './problems';
import { Figure, YearFigures } from './schema';

export const REQUIRED_COLUMNS = [
  'year',
  'metric',
  'value',
  'source_title',
  'source_url',
] as const satisfies readonly ImportColumn[];

/** A problem of an imported file: its line (the header being line 1) and the column's own name. */
export type RowProblem = Problem & { row: number; column: string };

export interface ParsedRows {
  years: YearFigures[];
  problems: RowProblem[];
  /** The columns the file has: a column it lacks leaves that field of a known figure as it is. */
  columns: ImportColumn[];
}

/** A table read from a file: each row with the line it starts on. */
export interface Table {
  rows: { line: number; cells: string[] }[];
}

/** `100000`, `100 000` (spaces, U+00A0, U+202F), `-274421`, `2,5`, `72.5` or a range `30-40`. */
export function parseValue(raw: string): { value: number; upper?: number } | undefined {
  const clean = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(clean);
  if (range) return { value: Number(range[1]), upper: Number(range[2]) };
  return /^-?\d+(\.\d+)?$/.test(clean) ? { value: Number(clean) } : undefined;
}

/** The separator of a CSV: whichever of `;`, `,` and tab its header line holds most (outside quotes). */
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** The line each CSV record starts on (a quoted cell may span lines). */
function recordLines(text: string): number[] {
  const lines = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      line++;
      if (!quoted) lines.push(line);
    }
  }
  return lines;
}

export function readCsv(text: string): Table {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const lines = recordLines(body);
  return {
    rows: dsvFormat(detectDelimiter(body))
      .parseRows(body)
      .map((cells, i) => ({ line: lines[i] ?? i + 1, cells })),
  };
}

/** A spreadsheet's way of keeping a formula-like text as text: `'=…` is read back as `=…`. */
const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const fieldColumn: Record<string, ImportColumn> = {
  metric: 'metric',
  value: 'value',
  upper: 'value',
  qualifier: 'qualifier',
  unit: 'unit',
  confidence: 'confidence',
  countries: 'countries',
  note: 'note',
  'source.title': 'source_title',
  'source.url': 'source_url',
  'source.quote': 'quote',
  source: 'source_title',
};

export function figuresFromTable(table: Table): ParsedRows {
  const [head, ...body] = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const headers = head?.cells ?? [];
  const at = new Map<ImportColumn, number>();
  headers.forEach((h, i) => {
    const column = columnOf(h);
    if (column && !at.has(column)) at.set(column, i);
  });
  const named = (c: ImportColumn) => (at.has(c) ? headers[at.get(c)!]!.trim() : c);
  const missing = REQUIRED_COLUMNS.filter((c) => !at.has(c));
  const columns = IMPORT_COLUMNS.filter((c) => at.has(c));
  if (!head || missing.length)
    return {
      years: [],
      columns,
      problems: [
        {
          row: head?.line ?? 1,
          column: missing.join(', '),
          path: '(file)',
          ...say('MISSING_COLUMNS', { columns: missing.join(', ') }),
        },
      ],
    };

  const problems: RowProblem[] = [];
  const report = <C extends ProblemCode>(
    row: number,
    column: ImportColumn,
    code: C,
    params: ProblemParams[C],
  ) =>
    problems.push({
      row,
      column: named(column),
      path: `row ${row}, column ${named(column)}`,
      ...say(code, params),
    });

  const byYear = new Map<number, { figures: Figure[]; lines: number[]; notes?: string }>();
  for (const { line, cells } of body) {
    const get = (c: ImportColumn) => unneutralise((at.has(c) ? cells[at.get(c)!] : undefined)?.trim() ?? '');
    const yearRaw = get('year');
    const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : undefined;
    if (year === undefined) report(line, 'year', 'NOT_A_YEAR', { raw: yearRaw });
    const valueRaw = get('value');
    const parsed = parseValue(valueRaw);
    if (!parsed && valueRaw === '') report(line, 'value', 'VALUE_REQUIRED', {});
    else if (!parsed) report(line, 'value', 'NOT_A_NUMBER', { raw: valueRaw });
    const qualifier = qualifierOf(get('qualifier'));
    if (!qualifier) report(line, 'qualifier', 'UNKNOWN_QUALIFIER', { raw: get('qualifier') });
    const confidence = confidenceOf(get('confidence'));
    if (confidence === undefined)
      report(line, 'confidence', 'UNKNOWN_CONFIDENCE', { raw: get('confidence') });
    const opt = (c: ImportColumn) => get(c) || undefined;
    const candidate = {
      metric: metricKeyOf(get('metric')),
      value: parsed?.value ?? 0,
      ...(parsed?.upper !== undefined ? { upper: parsed.upper } : {}),
      qualifier: qualifier ?? 'exact',
      ...(opt('unit') ? { unit: opt('unit') } : {}),
      ...(confidence ? { confidence } : {}),
      ...(opt('countries')
        ? {
            countries: opt('countries')!
              .toUpperCase()
              .split(/[\s,;]+/)
              .filter(Boolean),
          }
        : {}),
      source: {
        title: get('source_title'),
        url: get('source_url'),
        ...(opt('quote') ? { quote: opt('quote') } : {}),
      },
      ...(opt('note') ? { note: opt('note') } : {}),
    };
    const checked = Figure.safeParse(candidate);
    if (!checked.success)
      for (const p of toProblems(checked.error)) {
        const path = p.path.split('.');
        const column = fieldColumn[path.slice(0, 2).join('.')] ?? fieldColumn[path[0]!] ?? 'metric';
        // A value that is not a number was said once already.
        if (!parsed && column === 'value') continue;
        problems.push({
          ...p,
          row: line,
          column: named(column),
          path: `row ${line}, column ${named(column)}`,
        });
      }
    if (year === undefined) continue;
    const entry = byYear.get(year) ?? { figures: [], lines: [] };
    entry.figures.push(checked.success ? checked.data : (candidate as Figure));
    entry.lines.push(line);
    const notes = opt('year_notes');
    if (notes !== undefined) entry.notes ??= notes;
    byYear.set(year, entry);
  }

  const years: YearFigures[] = [];
  for (const [year, { figures, lines, notes }] of [...byYear].sort(([a], [b]) => a - b)) {
    const result = YearFigures.safeParse({ year, figures, ...(notes !== undefined ? { notes } : {}) });
    if (result.success) years.push(result.data);
    else
      for (const p of toProblems(result.error)) {
        const [top, index] = p.path.split('.');
        if (top === 'year') report(lines[0]!, 'year', p.code as 'YEAR_RANGE', p.params as never);
        else if (top === 'notes')
          problems.push({
            ...p,
            row: lines[0]!,
            column: named('year_notes'),
            path: `row ${lines[0]}, column ${named('year_notes')}`,
          });
        else if (p.code === 'DUPLICATE_METRIC')
          report(lines[Number(index)]!, 'metric', 'DUPLICATE_ROW', {
            metric: String(p.params.metric),
            line: lines[Number(p.params.first)]!,
          });
      }
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.row}|${p.column}|${p.code}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  unique.sort((a, b) => a.row - b.row || headers.indexOf(a.column) - headers.indexOf(b.column));
  return { years: unique.length ? [] : years, problems: unique, columns };
}

/** A CSV's text (the seed file, a pasted CSV) read into figures. */
export const parseFigureRows = (text: string): ParsedRows => figuresFromTable(readCsv(text));
