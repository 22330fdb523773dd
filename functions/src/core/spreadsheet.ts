/**
 * A file as staff bring it, read into a table of cells: CSV in UTF-8 (with or without a
 * byte-order mark), UTF-16 (Excel's « Texte Unicode ») or Windows-1252 (French Excel's
 * « CSV (séparateur : point-virgule) »), detected and converted so that nothing is stored
 * garbled; or an XLSX workbook's first sheet, read by read-excel-file.
 */
import { readCsv, type Table } from './figure-rows';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ReadFile {
  table: Table;
  format: 'csv' | 'xlsx';
  /** CSV only: how its bytes were read. */
  encoding?: Encoding;
}

/**
 * Windows-1252's characters at 0x80–0x9F (where Latin-1 has invisible controls), in order;
 * the five bytes it leaves undefined stay as they are. Written out because Node's
 * TextDecoder('windows-1252') decodes as Latin-1 on Node 20–23 (nodejs/node#56542).
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * Decodes a text file. A byte-order mark says UTF-8 or UTF-16; otherwise bytes that are
 * valid UTF-8 are UTF-8, and anything else is Windows-1252 (which, unlike Latin-1, has the
 * « œ », « € » and typographic apostrophe French text needs).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (a === 0xff && b === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** A ZIP archive's signature: an XLSX workbook is one. */
const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

type Cell = string | number | boolean | Date | null | undefined;

/** A cell as the import reads it: numbers as JavaScript writes them (`72.5`), dates as their year-month-day. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

export class NotASpreadsheet extends Error {
  override name = 'NotASpreadsheet';
}

export async function readSpreadsheet(bytes: Uint8Array): Promise<ReadFile> {
  if (isZip(bytes)) {
    // Loaded on the first workbook only: the reader is most of the import's code.
    const { readSheet } = await import('read-excel-file/universal');
    let rows: Cell[][];
    try {
      rows = (await readSheet(bytes.slice().buffer as ArrayBuffer)) as Cell[][];
    } catch (error) {
      throw new NotASpreadsheet((error as Error).message);
    }
    return {
      format: 'xlsx',
      table: { rows: rows.map((cells, i) => ({ line: i + 1, cells: cells.map(cellText) })) },
    };
  }
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new NotASpreadsheet('binary content');
  return { format: 'csv', encoding, table: readCsv(text) };
}
