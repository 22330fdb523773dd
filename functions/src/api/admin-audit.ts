/**
 * The audit log's staff routes: `GET /audit` (JSON, one page), `GET /audit.csv` (French
 * Excel's CSV) and `GET /audit.xlsx`, each filtered by `person`, `year`, `kind`, `from` and
 * `to` (days in Paris). Staff only: the admin app authenticates every route before these.
 */
import type { Context, Hono } from 'hono';
import writeXlsxFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';
import * as z from 'zod/mini';
import {
  allEntries,
  DEFAULT_PAGE_SIZE,
  matcher,
  MAX_PAGE_SIZE,
  pageOf,
  yearHistorySource,
  type AuditFilter,
  type AuditSource,
} from '../core/audit';
import { auditCsv, auditFileName, auditHeaders, auditRows, type AuditRow } from '../core/audit-export';
import { auditWords, type AuditLang } from '../core/audit-words';
import type { EditingRepository } from '../core/editing-repository';
import { DomainError } from '../core/errors';
import { issue, toProblems } from '../core/problems';

/** A query parameter of a given shape; `expected` says it, in the problem that names the parameter. */
const shaped = (re: RegExp, expected: string, ok: (s: string) => boolean = () => true) =>
  z.string().check(
    z.superRefine((s, ctx) => {
      if (!re.test(s) || !ok(s)) ctx.issues.push({ ...issue('MALFORMED', { expected }), input: s });
    }),
  );

const isDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};
const day = shaped(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD', isDay);
const whole = (min: number, max: number) =>
  shaped(/^\d{1,7}$/, `a whole number from ${min} to ${max}`, (s) => Number(s) >= min && Number(s) <= max);

const AuditQuery = z
  .strictObject({
    person: z.optional(z.string().check(z.maxLength(320))),
    year: z.optional(shaped(/^\d{4}$/, 'a year, four digits')),
    kind: z.optional(
      shaped(/^[a-z]+(\.[a-z][a-z-]*)?$/, 'a kind such as year.publish, or a family such as year'),
    ),
    from: z.optional(day),
    to: z.optional(day),
    offset: z.optional(whole(0, 1_000_000)),
    limit: z.optional(whole(1, MAX_PAGE_SIZE)),
    lang: z.optional(z.enum(['fr', 'en'])),
  })
  .check(
    z.superRefine((q, ctx) => {
      if (q.from && q.to && isDay(q.from) && isDay(q.to) && q.from > q.to)
        ctx.issues.push({
          ...issue('MALFORMED', { expected: `a day on or after from (${q.from})` }, ['to']),
          input: q.to,
        });
    }),
  );

interface AuditQuery {
  filter: AuditFilter;
  page: { offset: number; limit: number };
  lang: AuditLang;
}

/** The query, every problem at once, each naming its parameter; an empty parameter (a blank form field) is no filter. */
export function parseAuditQuery(raw: Record<string, string>): AuditQuery {
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
  const parsed = AuditQuery.safeParse(given);
  if (!parsed.success)
    throw new DomainError('VALIDATION_FAILED', 'the audit log filter is malformed', {
      problems: toProblems(parsed.error),
    });
  const q = parsed.data;
  return {
    filter: {
      ...(q.person !== undefined ? { by: q.person.trim() } : {}),
      ...(q.year !== undefined ? { year: Number(q.year) } : {}),
      ...(q.kind !== undefined ? { kind: q.kind } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
    },
    page: { offset: Number(q.offset ?? 0), limit: Number(q.limit ?? DEFAULT_PAGE_SIZE) },
    lang: q.lang ?? 'fr',
  };
}

/** The Date whose UTC clock reads Paris's wall clock: a spreadsheet's date has no time zone. */
const parisWallClock = (t: { day: string; time: string }) => new Date(`${t.day}T${t.time}Z`);

async function auditXlsx(rows: AuditRow[], lang: AuditLang, sheet: string): Promise<Uint8Array> {
  const text = (v: string | undefined) => (v ? { value: v } : null);
  const cell = (v: string | number | undefined) =>
    v === undefined ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v };
  const format = lang === 'fr' ? 'dd/mm/yyyy hh:mm:ss' : 'yyyy-mm-dd hh:mm:ss';
  const date = (t: { day: string; time: string } | undefined) =>
    t ? { value: parisWallClock(t), type: Date, format } : null;
  const data = [
    auditHeaders(lang).map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...rows.map((r) => [
      date(r),
      text(r.by),
      text(r.kind),
      text(r.code),
      text(r.subject),
      cell(r.year),
      cell(r.version),
      text(r.what),
      text(r.field),
      cell(r.before),
      cell(r.after),
      text(r.comment),
      date(r.scheduledFor),
    ]),
  ];
  const buffer = await writeXlsxFile(
    [
      {
        data: data as SheetData,
        sheet,
        stickyRowsCount: 1,
        columns: [20, 28, 22, 16, 18, 8, 8, 36, 18, 24, 24, 40, 20].map((width) => ({ width })),
      },
    ],
    { fontFamily: 'Arial', fontSize: 11 },
  ).toBuffer();
  return new Uint8Array(buffer);
}

export interface AuditDeps {
  repo: EditingRepository;
  /** Further sources of entries (the catalogue's history, the embargo links); a year's history is always read. */
  sources?: readonly AuditSource[];
  /** The time staff writes record: which years they may have written. */
  clock?: () => Date;
}

/** Registers the audit routes on the admin app (after its authentication). */
export function registerAuditRoutes<E extends object>(
  app: Hono<E>,
  { repo, sources = [], clock }: AuditDeps,
): void {
  const all = [yearHistorySource(repo, clock ? { clock } : {}), ...sources];
  const query = (c: Context) => parseAuditQuery(c.req.query());

  app.get('/audit', async (c) => {
    const q = query(c);
    return c.json(pageOf(await allEntries(all), q.filter, q.page));
  });

  app.get('/audit.csv', async (c) => {
    const q = query(c);
    const entries = (await allEntries(all)).filter(matcher(q.filter));
    c.header('Content-Disposition', `attachment; filename="${auditFileName(q.filter, 'csv')}"`);
    return c.body(auditCsv(entries, q.lang), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  app.get('/audit.xlsx', async (c) => {
    const q = query(c);
    const entries = (await allEntries(all)).filter(matcher(q.filter));
    const body = await auditXlsx(auditRows(entries, q.lang), q.lang, auditWords(q.lang).sheet);
    c.header('Content-Disposition', `attachment; filename="${auditFileName(q.filter, 'xlsx')}"`);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });
}
