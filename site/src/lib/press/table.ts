/**
 * A download's data as one table: named columns, one record per observation, each cell a
 * number, a text or an ISO date (`2024-03-01`). Charts and maps shape their rows into it
 * (exports.ts, map-exports.ts); the CSV, its French-Excel form and the XLSX are all written
 * from it, so a column added to a row shape reaches every file. Client-safe and pure.
 */
import { dsvFormat } from 'd3-dsv';
import { BOM, safeCell } from '../../../../functions/src/core/csv';

export type Cell = string | number | undefined;

export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
}

/** The CSV forms a download offers: RFC 4180 (`,`, `.` decimals, ISO dates), and what French Excel opens in columns. */
export type CsvFormat = 'rfc4180' | 'excel-fr';
export const CSV_FORMATS: readonly CsvFormat[] = ['rfc4180', 'excel-fr'];

/** `?format=` of a `.csv` download: absent for RFC 4180, `excel-fr`, or a clear error. */
export function csvFormatOf(raw: string | null): CsvFormat | { error: string } {
  if (raw === null || raw === '') return 'rfc4180';
  if (raw === 'excel-fr') return raw;
  return { error: `format must be excel-fr for a .csv download, or absent for RFC 4180 CSV (got "${raw}")` };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * RFC 4180 CSV with a byte-order mark (Excel then reads accents right): `,`, numbers with a
 * `.`, ISO dates, LF line ends as the API's; no text cell a spreadsheet would run as a formula.
 */
function rfc4180(t: DataTable): string {
  const cell = (v: Cell) => (v === undefined ? '' : typeof v === 'number' ? String(v) : safeCell(v));
  const csv = dsvFormat(',');
  return (
    BOM + csv.formatRows([[...t.columns], ...t.rows.map((r) => t.columns.map((c) => cell(r[c])))]) + '\n'
  );
}

/**
 * The CSV French Excel opens in columns by a double click: `;` between cells (the French
 * list separator), decimal commas, dates as `dd/mm/yyyy`, BOM for UTF-8, CRLF line ends,
 * no text cell that would run as a formula.
 */
function excelFr(t: DataTable): string {
  const cell = (v: Cell): string => {
    if (v === undefined) return '';
    if (typeof v === 'number') return String(v).replace('.', ',');
    const date = ISO_DATE.exec(v);
    return date ? `${date[3]}/${date[2]}/${date[1]}` : safeCell(v);
  };
  const csv = dsvFormat(';');
  const lines = [t.columns.map(cell), ...t.rows.map((r) => t.columns.map((c) => cell(r[c])))];
  return BOM + lines.map((l) => csv.formatRow(l)).join('\r\n') + '\r\n';
}

export const tableCsv = (t: DataTable, format: CsvFormat = 'rfc4180'): string =>
  format === 'excel-fr' ? excelFr(t) : rfc4180(t);
