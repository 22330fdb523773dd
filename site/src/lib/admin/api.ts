/**
 * The staff API (`/api/v1/admin`) from the browser: the bearer token on every call, errors
 * as values with the API's stable `code`. A 401 ends the session (see session.svelte.ts).
 */
import type { PublicationWarning } from '$core/cdn';
import type { Change } from '$core/diff';
import type { ImportPreview, ImportResult } from '$core/editing';
import type { Draft, Review, VersionRecord } from '$core/editing-repository';
import type { Figure, Problem, PublishedYear } from '$core/schema';
import type { Warning } from '$core/warnings';
import { session } from './session.svelte';

export type { Change, Draft, Review, Figure, ImportPreview, PublishedYear, VersionRecord, Warning };

export const ADMIN_API = '/api/v1/admin';

/** A problem as the API sends it: a code with parameters (worded by messages.ts), where it is. */
export type ApiProblem = Problem;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiProblem[] = [],
    /** VERSION_CONFLICT: the version the year is at now. */
    readonly current?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface YearListing {
  year: number;
  published?: { version: number; publishedAt: string; publishedBy: string };
  draft?: { version: number; updatedAt: string; updatedBy: string; review?: Review };
}

export interface YearState {
  year: number;
  published?: PublishedYear;
  draft?: Draft;
  /** The latest version in the year's history, 0 for a new year: every write sends it back. */
  head: number;
  warnings: Warning[];
}

export type HistoryEntry = Omit<VersionRecord, 'figures'> & { figureCount: number };

export type { ImportResult };

export interface Me {
  id: string;
  groups: string[];
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${ADMIN_API}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'the server cannot be reached');
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return json as T;
  if (res.status === 401) session.expire();
  throw new ApiError(
    res.status,
    typeof json.code === 'string' ? json.code : `HTTP_${res.status}`,
    typeof json.message === 'string' ? json.message : res.statusText,
    Array.isArray(json.problems) ? (json.problems as ApiProblem[]) : [],
    typeof json.current === 'number' ? json.current : undefined,
  );
}

export const api = {
  me: () => call<Me>('GET', '/me'),
  years: () => call<{ years: YearListing[] }>('GET', '/years'),
  year: (year: number) => call<YearState>('GET', `/years/${year}`),
  validate: (year: number, figures: Figure[], notes?: string) =>
    call<{ problems: ApiProblem[]; warnings: Warning[] }>('POST', '/validate', {
      year,
      figures,
      ...(notes ? { notes } : {}),
    }),
  saveDraft: (year: number, baseVersion: number, figures: Figure[], notes?: string) =>
    call<{ record: VersionRecord; warnings: Warning[] }>('PUT', `/years/${year}/draft`, {
      baseVersion,
      figures,
      ...(notes ? { notes } : {}),
    }),
  discardDraft: (year: number, baseVersion: number) =>
    call<{ record: VersionRecord }>('DELETE', `/years/${year}/draft`, { baseVersion }),
  submit: (year: number, baseVersion: number, comment?: string) =>
    call<{ record: VersionRecord }>('POST', `/years/${year}/submit`, {
      baseVersion,
      ...(comment ? { comment } : {}),
    }),
  sendBack: (year: number, baseVersion: number, comment: string) =>
    call<{ record: VersionRecord }>('POST', `/years/${year}/send-back`, { baseVersion, comment }),
  /** `publishAt`: a Paris wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`). */
  approveFor: (year: number, baseVersion: number, publishAt: string, reason?: string) =>
    call<{ record: VersionRecord }>('POST', `/years/${year}/approve`, {
      baseVersion,
      publishAt,
      ...(reason ? { reason } : {}),
    }),
  reschedule: (year: number, baseVersion: number, publishAt: string) =>
    call<{ record: VersionRecord }>('PUT', `/years/${year}/schedule`, { baseVersion, publishAt }),
  unschedule: (year: number, baseVersion: number) =>
    call<{ record: VersionRecord }>('DELETE', `/years/${year}/schedule`, { baseVersion }),
  publish: (year: number, baseVersion: number, reason?: string) =>
    call<{ record: VersionRecord; warnings?: PublicationWarning[] }>('POST', `/years/${year}/publish`, {
      baseVersion,
      ...(reason ? { reason } : {}),
    }),
  /** Marks a warning of the saved figures as checked; answers the year's warnings with their checks. */
  acknowledge: (year: number, code: string, metric: string) =>
    call<{ warnings: Warning[] }>('POST', `/years/${year}/warnings/checked`, { code, metric }),
  history: (year: number) => call<{ versions: HistoryEntry[] }>('GET', `/years/${year}/history`),
  version: (year: number, version: number) =>
    call<VersionRecord>('GET', `/years/${year}/versions/${version}`),
  restore: (year: number, version: number, baseVersion: number) =>
    call<{ record: VersionRecord; warnings: Warning[] }>('POST', `/years/${year}/restore`, {
      version,
      baseVersion,
    }),
  /** A pasted CSV's text, or a file's bytes (any CSV encoding, or XLSX): the server reads either. */
  importFile: (
    input: { csv: string } | { file: Uint8Array },
    dryRun: boolean,
    baseVersions?: Record<string, number>,
  ) =>
    call<ImportResult>('POST', '/import', {
      ...('csv' in input ? { csv: input.csv } : { file: toBase64(input.file) }),
      dryRun,
      ...(baseVersions ? { baseVersions } : {}),
    }),
  /** The import's model (every year as it stands), as a file to save. */
  template: async (): Promise<Blob> => {
    const res = await fetch(`${ADMIN_API}/template.csv`, {
      headers: session.token ? { Authorization: `Bearer ${session.token}` } : {},
      cache: 'no-store',
    });
    if (res.status === 401) session.expire();
    if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
    return res.blob();
  },
};

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Every published year with its figures, from the public API: what the preview draws around the draft. */
export async function publishedYears(): Promise<PublishedYear[]> {
  const res = await fetch('/api/v1/figures', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  return ((await res.json()) as { years: PublishedYear[] }).years;
}
