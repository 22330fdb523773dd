import { describe, expect, it } from 'vitest';
import { validateCatalogue, type Catalogue } from './catalogue';
import { catalogueAuditEntries } from './catalogue-audit';
import { diffCatalogues } from './catalogue-editing';
import type { CatalogueVersion } from './catalogue-repository';
import { countryChoices } from './country-choices';
import { DomainError } from './errors';
import { seedCatalogue } from './reference';
import { BENIN } from '../../../test/support/catalogue-fixtures';

const clone = (): Catalogue => structuredClone(seedCatalogue);
const checks = { choices: countryChoices() };

function problemsOf(input: unknown, years: Parameters<typeof validateCatalogue>[1]['years'] = []) {
  try {
    validateCatalogue(input, { ...checks, years });
  } catch (error) {
    if (error instanceof DomainError) return error.details?.problems ?? [];
    throw error;
  }
  return [];
}

describe('the choice of partner countries', () => {
  it('names each country in French and English with its ISO codes, and only countries the map can draw', () => {
    expect(countryChoices().get('BJ')).toEqual({
      iso2: 'BJ',
      isoNumeric: '204',
      name: { fr: 'Bénin', en: 'Benin' },
    });
    // Every partner country data/ ships is among them, with the same numeric code.
    for (const c of seedCatalogue.countries)
      expect(countryChoices().get(c.iso2)?.isoNumeric).toBe(c.isoNumeric);
    // Tuvalu has an ISO code but no shape in world-atlas's 1:50m file.
    expect(countryChoices().has('TV')).toBe(false);
  });
});

describe('validateCatalogue', () => {
  it("accepts data/'s own catalogue as it is", () => {
    expect(validateCatalogue(clone(), checks)).toStrictEqual(seedCatalogue);
  });

  it('accepts Bénin with a partner association', () => {
    const c = clone();
    c.countries.push(BENIN);
    expect(validateCatalogue(c, checks).countries.at(-1)?.iso2).toBe('BJ');
  });

  it('reports every cross-list problem at once, each where it is', () => {
    const c = clone();
    c.countries.push({ ...BENIN, isoNumeric: '999' }, { ...BENIN, iso2: 'TV', isoNumeric: '798' });
    c.countries.push({ ...c.countries[0]! });
    c.centres.push({ slug: 'nulle-part', name: { fr: 'Nulle part', en: 'Nowhere' }, region: 'atlantide' });
    c.regions.push({ ...c.regions[0]! });
    const problems = problemsOf(c);
    const at = (path: string) => problems.filter((p) => p.path === path).map((p) => p.code);
    const n = seedCatalogue.countries.length;
    expect(at(`countries.${n}.isoNumeric`)).toEqual(['WRONG_NUMERIC_CODE']);
    expect(at(`countries.${n + 1}.iso2`)).toEqual(['NOT_A_MAPPED_COUNTRY']);
    expect(at(`countries.${n + 2}.iso2`)).toEqual(['DUPLICATE_KEY']);
    expect(at(`centres.${seedCatalogue.centres.length}.region`)).toEqual(['UNKNOWN_REGION']);
    expect(at(`regions.${seedCatalogue.regions.length}.slug`)).toEqual(['DUPLICATE_KEY']);
    expect(problems).toHaveLength(5);
  });

  it('reports every malformed field at once (the schema), before the cross-checks', () => {
    const c = clone() as unknown as {
      metrics: Record<string, unknown>[];
      countries: Record<string, unknown>[];
    };
    c.metrics[0]!.kind = 'colour';
    c.metrics[1]!.label = { fr: '', en: 'x' };
    c.countries[0]!.iso2 = 'dz';
    const paths = problemsOf(c).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['metrics.0.kind', 'metrics.1.label.fr', 'countries.0.iso2']),
    );
  });

  it('refuses to remove an indicator, a place or a country that a year still uses, naming the year', () => {
    const c = clone();
    c.countries = c.countries.filter((x) => x.iso2 !== 'MA');
    c.metrics = c.metrics.filter((m) => m.id !== 'volunteers');
    const years = [
      {
        year: 2016,
        figures: [
          { metric: 'partner_countries', value: 1, countries: ['MA'] },
          { metric: 'volunteers', value: 2000 },
        ],
      },
    ] as unknown as Parameters<typeof validateCatalogue>[1]['years'];
    const problems = problemsOf(c, years);
    expect(problems.map((p) => [p.code, p.params])).toEqual(
      expect.arrayContaining([
        ['STILL_USED', { key: 'MA', year: 2016 }],
        ['STILL_USED', { key: 'volunteers', year: 2016 }],
      ]),
    );
  });
});

describe('the history of the catalogue', () => {
  it('says what was added, removed and changed, by part and key', () => {
    const after = clone();
    after.countries.push(BENIN);
    after.regions[0] = { ...after.regions[0]!, name: { fr: 'IDF', en: 'IDF' } };
    after.localGroups.pop();
    const changes = diffCatalogues(seedCatalogue, after);
    // In the catalogue's order: metrics, regions, centres, local groups, countries.
    expect(changes.map((c) => `${c.metric} ${c.field}`)).toEqual([
      `regions.${seedCatalogue.regions[0]!.slug} (changed)`,
      `localGroups.${seedCatalogue.localGroups.at(-1)!.slug} (removed)`,
      'countries.BJ (added)',
    ]);
  });

  it('maps saves, publications and restores to audit entries, leaving out the seed', () => {
    const base = { catalogue: seedCatalogue, changes: [] };
    const versions: CatalogueVersion[] = [
      {
        ...base,
        version: 4,
        action: 'restore',
        savedAt: '2026-12-03T10:03:00Z',
        savedBy: 'b@x',
        restoredFrom: 1,
      },
      {
        ...base,
        version: 3,
        action: 'publish',
        savedAt: '2026-12-03T10:02:00Z',
        savedBy: 'b@x',
        draftBy: 'a@x',
      },
      { ...base, version: 2, action: 'save', savedAt: '2026-12-03T10:01:00Z', savedBy: 'a@x' },
      { ...base, version: 1, action: 'seed', savedAt: '2026-12-03T10:00:00Z', savedBy: 'seed:data/' },
    ];
    expect(catalogueAuditEntries(versions)).toEqual([
      {
        at: '2026-12-03T10:03:00Z',
        by: 'b@x',
        kind: 'catalogue.restore',
        subject: { type: 'catalogue' },
        version: 4,
        changes: [],
        comment: 'restored from version 1',
      },
      {
        at: '2026-12-03T10:02:00Z',
        by: 'b@x',
        kind: 'catalogue.publish',
        subject: { type: 'catalogue' },
        version: 3,
        changes: [],
      },
      {
        at: '2026-12-03T10:01:00Z',
        by: 'a@x',
        kind: 'catalogue.save',
        subject: { type: 'catalogue' },
        version: 2,
        changes: [],
      },
    ]);
  });
});
