/**
 * LibreOffice Calc as a French desk's spreadsheet: a file opened headless in a French locale
 * (fr-FR, UTF-8), as a double click in Excel would, and its cells read back. A CSV is read
 * with the settings French Excel uses (« ; » between cells, `"` around text, UTF-8, locale
 * 1036 fr-FR); an XLSX as it is. Calc saves what it read as its own XLSX, whose cells come
 * back typed (a date as a Date, a number as a number, text as text) through read-excel-file,
 * or as CSV text, each cell written as Calc shows it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { dsvFormat } from 'd3-dsv';
import { readSheet } from 'read-excel-file/universal';
import { SOFFICE } from './provision';

const run = promisify(execFile);

/** How French Excel reads a CSV: separator 59 « ; », quote 34, UTF-8 (76), from line 1, locale 1036 (fr-FR). */
export const FRENCH_CSV_FILTER = 'CSV:59,34,76,1,,1036';

export type CalcCell = string | number | boolean | Date | null;

/**
 * Opens `file` (its name says CSV or XLSX) in Calc and saves it as `to`. Asynchronous, so that
 * a test's sockets stay served while LibreOffice runs; each call has its own profile (HOME).
 */
async function convert(file: string, to: 'xlsx' | 'csv', dir: string): Promise<string> {
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const csvIn = extname(file).toLowerCase() === '.csv';
  // Written out as Calc shows each cell (token 9, « as shown »), in UTF-8, « ; » between cells.
  const target = to === 'csv' ? 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true' : 'xlsx';
  await run(
    SOFFICE,
    [
      '--headless',
      ...(csvIn ? [`--infilter=${FRENCH_CSV_FILTER}`] : []),
      '--convert-to',
      target,
      '--outdir',
      out,
      file,
    ],
    { env: { ...process.env, HOME: dir, LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' }, timeout: 180_000 },
  );
  return join(out, `${basename(file, extname(file))}.${to}`);
}

async function inCalc<T>(
  bytes: Uint8Array,
  name: string,
  read: (dir: string, file: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'calc-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return await read(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A spreadsheet keeps a date as a fraction of a day: read back, 13:00:01 may come out as
 * 13:00:00.999. The files carry whole seconds at most, so dates are rounded to the second.
 */
const toSecond = (cell: CalcCell): CalcCell =>
  cell instanceof Date ? new Date(Math.round(cell.getTime() / 1000) * 1000) : cell;

/** The first sheet's rows as Calc read them, each cell typed. */
export const readInCalc = (bytes: Uint8Array, name: string): Promise<CalcCell[][]> =>
  inCalc(bytes, name, async (dir, file) => {
    const xlsx = new Uint8Array(readFileSync(await convert(file, 'xlsx', dir)));
    return ((await readSheet(xlsx.buffer)) as CalcCell[][]).map((row) => row.map(toSecond));
  });

/** The first sheet's rows as Calc shows them in a French locale (`01/04/2026 00:00:00`, `2,5`). */
export const showInCalc = (bytes: Uint8Array, name: string): Promise<string[][]> =>
  inCalc(bytes, name, async (dir, file) =>
    dsvFormat(';').parseRows(readFileSync(await convert(file, 'csv', dir), 'utf8').replace(/^\uFEFF/, '')),
  );
