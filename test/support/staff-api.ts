/**
 * The browser suites' staff side through the admin API itself, for the steps a journey does not
 * walk in the page: a token signed with the running system's own key (the local issuer's), and
 * a draft saved as an editor would save it.
 */
import { join } from 'node:path';
import { loadSigningKey, signStaffToken } from '../../functions/local/issuer';
import type { RunningSystem } from './system';

/** The source the journeys type into the form and their API drafts carry. */
export const REPORT_SOURCE = {
  title: 'La Cimade – Rapport d’activité',
  url: 'https://www.lacimade.org/rapport-activite',
};

/** A bearer token for `email` in `group`, signed by the running system's issuer key. */
export async function staffToken(
  system: RunningSystem,
  email: string,
  group: 'editors' | 'publishers',
): Promise<string> {
  const key = await loadSigningKey(join(system.dataDir, 'auth'));
  return signStaffToken(key, { email, groups: [group] });
}

/** Saves a draft of `year` with one national volunteers figure, on `baseVersion`. */
export function saveVolunteersDraft(
  system: RunningSystem,
  token: string,
  year: number,
  baseVersion: number,
  volunteers: number,
  notes?: string,
): Promise<Response> {
  return fetch(`${system.origin}/api/v1/admin/years/${year}/draft`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      baseVersion,
      figures: [{ metric: 'volunteers', value: volunteers, qualifier: 'exact', source: REPORT_SOURCE }],
      ...(notes ? { notes } : {}),
    }),
  });
}
