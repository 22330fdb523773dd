/**
 * A download's data as one table: named columns, one record per observation, each cell a
 * number, a text or an ISO date (`2024-03-01`). Charts and maps shape their rows into it
 * (exports.ts, map-exports.ts); the CSV, its French-Excel form and the XLSX are all written
 * from it, so a column added to a row shape reaches every file. Client-safe and pure. The CSV
 * writers are the core's (functions/src/core/csv.ts), which the public API's full dataset CSV
 * also uses: one writer for every CSV the site and the API serve.
 */
export {
  CSV_FORMATS,
  csvFormatOf,
  tableCsv,
  type Cell,
  type CsvFormat,
  type DataTable,
} from '../../../../functions/src/core/csv';
