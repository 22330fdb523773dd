/**
 * What changed over a period, as a table for the annual report: one row per field-level
 * change (an entry without changes, such as a publication, is one row of its own), in
 * staff's words, dates in Paris time. The CSV is French Excel's (the site's one writer,
 * `csv.ts`); the XLSX is written from the same rows (`admin-audit.ts`).
 */
import type { AuditEntry } from './audit-entry';
import { parisTime, yearOf } from './audit';
import {
  auditWords,
  sayChange,
  sayKind,
  saySubject,
  sayWho,
  type AuditLang,
  type ChangeValue,
} from './audit-words';
import { tableCsv, type DataTable } from './csv';

export const AUDIT_COLUMNS = [
  'date',
  'by',
  'kind',
  'code',
  'subject',
  'year',
  'version',
  'what',
  'field',
  'before',
  'after',
  'comment',
  // Last, so that the columns of spreadsheets made before it stay where they were.
  'scheduledFor',
] as const;
export type AuditColumn = (typeof AUDIT_COLUMNS)[number];

export interface AuditRow {
  /** The instant, ISO 8601 UTC. */
  at: string;
  /** Its wall clock in Paris: `2026-12-03`, `12:34:56`. */
  day: string;
  time: string;
  by: string;
  kind: string;
  code: string;
  subject: string;
  year?: number;
  version?: number;
  what?: string;
  field?: string;
  before?: ChangeValue;
  after?: ChangeValue;
  comment?: string;
  /** A scheduled publication's wall clock in Paris. */
  scheduledFor?: { day: string; time: string };
}

export function auditRows(entries: readonly AuditEntry[], lang: AuditLang): AuditRow[] {
  return entries.flatMap((e) => {
    const { day, time } = parisTime(e.at);
    const base: AuditRow = {
      at: e.at,
      day,
      time,
      by: sayWho(e.by, lang),
      kind: sayKind(e.kind, lang),
      code: e.kind,
      subject: saySubject(e, lang),
      ...(yearOf(e) !== undefined ? { year: yearOf(e) } : {}),
      ...(e.version !== undefined ? { version: e.version } : {}),
      ...(e.comment ? { comment: e.comment } : {}),
      ...(e.scheduledFor ? { scheduledFor: parisTime(e.scheduledFor) } : {}),
    };
    const changes = e.changes ?? [];
    if (changes.length === 0) return [base];
    return changes.map((c) => ({ ...base, ...sayChange(c, lang) }));
  });
}

export const auditHeaders = (lang: AuditLang): string[] =>
  AUDIT_COLUMNS.map((c) => auditWords(lang).columns[c]);

/** `03/12/2026 12:34:56`: what French Excel and LibreOffice read as a date and time. */
const frenchDateTime = (t: { day: string; time: string }) =>
  `${t.day.split('-').reverse().join('/')} ${t.time}`;

function csvCell(r: AuditRow, c: AuditColumn): string | number | undefined {
  if (c === 'date') return frenchDateTime(r);
  if (c === 'scheduledFor') return r.scheduledFor && frenchDateTime(r.scheduledFor);
  return r[c];
}

/** The rows as the CSV French Excel opens in columns: `;`, decimal commas, BOM, CRLF, French headers by default. */
export function auditCsv(entries: readonly AuditEntry[], lang: AuditLang = 'fr'): string {
  const headers = auditHeaders(lang);
  const table: DataTable = {
    columns: headers,
    rows: auditRows(entries, lang).map((r) =>
      Object.fromEntries(AUDIT_COLUMNS.map((c, i) => [headers[i]!, csvCell(r, c)])),
    ),
  };
  return tableCsv(table, 'excel-fr');
}

/** `cimade-journal-2026-01-01-2026-12-31.csv`: the period in the name, when there is one. */
export function auditFileName(filter: { from?: string; to?: string }, ext: 'csv' | 'xlsx'): string {
  const period = [filter.from ?? '', filter.to ?? ''].some(Boolean)
    ? `-${filter.from ?? 'debut'}-${filter.to ?? 'fin'}`
    : '';
  return `cimade-journal${period}.${ext}`;
}
