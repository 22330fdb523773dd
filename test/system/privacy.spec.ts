/**
 * No staff identity and no research note in any public answer: a year is published by an editor signed in with
 * their e-mail address, then every public page, the API (JSON and CSV), the embeds, their
 * downloads (SVG, CSV, JSON, and the press kit's files, its XLSX unzipped too) and oEmbed are
 * read and searched for an e-mail address, and for the research note the editor wrote on every
 * figure of that year (`note`: how a figure's year or source was worked out, kept for staff).
 * The admin still says who published, and still has the notes.
 */
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey, signStaffToken } from '../../functions/local/issuer';
import { ALL_PAGES } from '../browser/pages';
import { startSystem, type RunningSystem } from '../support/system';

const EDITOR = 'prenom.nom@lacimade.org';
/** Four eyes: another named person publishes the editor's draft. */
const PUBLISHER = 'autre.personne@lacimade.org';
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const YEAR = 2024;
/** Written as every figure's research note of YEAR: it must appear in no public answer. */
const NOTE = 'Note-de-recherche-7f3a';

describe('privacy: what the public sees of the staff', () => {
  let system: RunningSystem;
  let token: string;
  beforeAll(async () => {
    system = await startSystem({ env: { CLOCK_AT: '2026-11-26T12:00:00Z' } });
    const key = await loadSigningKey(join(system.dataDir, 'auth'));
    token = await signStaffToken(key, { email: EDITOR, groups: ['editors'] });
    const publisher = await signStaffToken(key, { email: PUBLISHER, groups: ['publishers'] });
    const admin = (method: string, path: string, body?: unknown, as = token) =>
      fetch(`${system.origin}/api/v1/admin${path}`, {
        method,
        headers: { Authorization: `Bearer ${as}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // Republish a real year as it is, with a note on the year and a research note on each figure:
    // a correction published by a named editor.
    const state = (await (await admin('GET', `/years/${YEAR}`)).json()) as {
      head: number;
      published: { figures: { metric: string }[] };
    };
    const saved = await admin('PUT', `/years/${YEAR}/draft`, {
      baseVersion: state.head,
      figures: state.published.figures.map((f) => ({ ...f, note: `${NOTE} (${f.metric})` })),
      notes: 'Relu par l’équipe.',
    });
    expect(saved.status).toBe(200);
    expect(
      (
        await admin(
          'POST',
          `/years/${YEAR}/publish`,
          { baseVersion: state.head + 1, reason: 'Notes relues par l’équipe' },
          publisher,
        )
      ).status,
    ).toBe(200);
  }, 60_000);
  afterAll(() => system?.stop({ clean: true }));

  /** Every e-mail address or research note in an answer, its text and, for a zip, the text of every file inside (nested zips, such as an XLSX, too). */
  async function addressesIn(path: string): Promise<string[]> {
    // oEmbed is asked about one of our own pages.
    const res = await fetch(
      `${system.origin}${path}${path.endsWith('?url=') ? encodeURIComponent(`${system.origin}/personnes`) : ''}`,
    );
    expect(res.status, path).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A picture's name for a second resolution (`chart@2x.png`) is not an address.
    return textsOf(bytes).flatMap((t) => [
      ...(t.match(EMAIL) ?? []).filter((m) => !/@\dx\.(png|svg|jpe?g|webp)$/i.test(m)),
      ...(t.match(new RegExp(`${NOTE}[^"<,;\n]*`, 'g')) ?? []),
    ]);
  }
  const textsOf = (bytes: Uint8Array): string[] =>
    bytes[0] === 0x50 && bytes[1] === 0x4b
      ? Object.values(unzipSync(bytes)).flatMap(textsOf)
      : bytes[0] === 0x89
        ? []
        : [strFromU8(bytes)];

  const API = [
    '/api/v1/years',
    `/api/v1/years/${YEAR}`,
    `/api/v1/years/${YEAR}.csv`,
    '/api/v1/figures',
    '/api/v1/figures.csv',
    '/api/v1/series/people_supported',
    '/api/v1/series/people_supported.csv',
    '/api/v1/metrics',
    '/api/v1/openapi.json',
  ];
  const PAGES = ALL_PAGES.flatMap(({ path }) => [path, `${path}?year=${YEAR}`]);
  /** Every chart the pages offer to embed, as their embed codes and links name them, with its downloads. */
  async function embeds(): Promise<string[]> {
    const ids = new Set<string>();
    for (const { path } of ALL_PAGES)
      for (const m of (await (await fetch(`${system.origin}${path}`)).text()).matchAll(
        /\/embed\/([a-z0-9-]+)/g,
      ))
        ids.add(m[1]!);
    expect(ids.size).toBeGreaterThan(5);
    // Each embed as the page offers it (latest year) and pinned to the corrected year, where that
    // chart has a figure for it (a map with no figure that year answers 404, as it should).
    const pinned = [];
    for (const id of ids)
      if ((await fetch(`${system.origin}/embed/${id}?year=${YEAR}`)).status === 200) pinned.push(id);
    expect(pinned.length).toBeGreaterThan(5);
    const withDownloads = (id: string, query: string) => [
      `/embed/${id}${query}`,
      ...['svg', 'csv', 'xlsx', 'json', 'zip'].map((ext) => `/embed/${id}.${ext}${query}`),
      `/embed/${id}.csv${query ? `${query}&` : '?'}format=excel-fr`,
    ];
    return [
      ...[...ids].flatMap((id) => withDownloads(id, '')),
      ...pinned.flatMap((id) => withDownloads(id, `?year=${YEAR}`)),
    ];
  }

  it.each([
    ['the public API', async () => API],
    ['the pages', async () => PAGES],
    ['the embeds, their downloads and oEmbed', async () => [...(await embeds()), '/oembed?url=']],
  ])(
    'no e-mail address and no research note in %s',
    async (_name, paths) => {
      const found: string[] = [];
      for (const path of await paths())
        for (const address of await addressesIn(path)) found.push(`${path}: ${address}`);
      expect(found).toEqual([]);
    },
    240_000,
  );

  it('keeps the research notes in the admin', async () => {
    const admin = await fetch(`${system.origin}/api/v1/admin/years/${YEAR}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { published } = (await admin.json()) as { published: { figures: { note?: string }[] } };
    expect(published.figures.length).toBeGreaterThan(0);
    for (const f of published.figures) expect(f.note).toMatch(new RegExp(`^${NOTE} `));
  });

  it('names « La Cimade » as the publisher in public, and the editor in the admin', async () => {
    const year = (await (await fetch(`${system.origin}/api/v1/years/${YEAR}`)).json()) as {
      publishedBy: string;
      version: number;
    };
    expect(year).toMatchObject({ publishedBy: 'La Cimade', version: 3 });
    const admin = await fetch(`${system.origin}/api/v1/admin/years/${YEAR}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await admin.json()) as { published: { publishedBy: string } }).published.publishedBy).toBe(
      PUBLISHER,
    );
  });
});
