/**
 * The audit log from the browser: the current filter (the page's query string) sent to the
 * staff API, one page as JSON, or the whole period as a file to save.
 */
import type { AuditLog } from '$core/audit';
import { ADMIN_API, ApiError, type ApiProblem } from './api';
import { session } from './session.svelte';

export type { AuditLog };
export type { AuditEntry } from '$core/audit-entry';

/** The filter's parameters, as the form names them and the API reads them. */
export const FILTERS = ['person', 'year', 'kind', 'from', 'to'] as const;
export type FilterName = (typeof FILTERS)[number];

/** The filter (and page) of a query string, without the empty fields a GET form sends. */
export function filterQuery(search: URLSearchParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const name of [...FILTERS, 'offset'])
    if (search.get(name)?.trim()) q.set(name, search.get(name)!.trim());
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

async function get(path: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${ADMIN_API}${path}`, {
      headers: session.token ? { Authorization: `Bearer ${session.token}` } : {},
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'the server cannot be reached');
  }
  if (res.ok) return res;
  if (res.status === 401) session.expire();
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  throw new ApiError(
    res.status,
    typeof json.code === 'string' ? json.code : `HTTP_${res.status}`,
    typeof json.message === 'string' ? json.message : res.statusText,
    Array.isArray(json.problems) ? (json.problems as ApiProblem[]) : [],
  );
}

export const readJournal = async (query: string): Promise<AuditLog> =>
  (await (await get(`/audit?${query}`)).json()) as AuditLog;

/** Saves the file the API gives for this filter, under the name it gives. */
export async function downloadJournal(format: 'csv' | 'xlsx', query: string): Promise<void> {
  const res = await get(`/audit.${format}?${query}`);
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `journal.${format}`;
  const url = URL.createObjectURL(await res.blob());
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
