import { describe, expect, it } from 'vitest';
import { figure } from '../../../test/support/fixtures';
import { YearFigures, toProblems } from './schema';
import { lastAllowedYear, metricKeyProblem, parseMetricKey } from './metric-keys';

const problemsOf = (input: unknown) => {
  const r = YearFigures.safeParse(input);
  return r.success ? [] : toProblems(r.error);
};

describe('metric keys', () => {
  it.each([
    ['volunteers', { metric: 'volunteers' }],
    [
      'region.ile-de-france.volunteers',
      { metric: 'volunteers', scope: { kind: 'region', slug: 'ile-de-france' } },
    ],
    [
      'local_group.saint-martin.volunteers',
      { metric: 'volunteers', scope: { kind: 'local_group', slug: 'saint-martin' } },
    ],
    ['Volunteers', undefined],
    ['region..volunteers', undefined],
    ['country.MA.volunteers', undefined],
  ])('%s parses to %j', (key, parsed) => {
    expect(parseMetricKey(key)).toEqual(parsed);
  });

  it.each([
    ['volunteers', undefined],
    ['no_such_metric', /unknown metric/],
    ['region.atlantis.volunteers', /unknown region "atlantis"/],
  ])('%s: %s', (key, problem) => {
    const got = metricKeyProblem(key);
    if (problem) expect(got).toMatch(problem);
    else expect(got).toBeUndefined();
  });
});

describe('YearFigures', () => {
  it('accepts a real-shaped year', () => {
    expect(
      problemsOf({
        year: 2016,
        figures: [figure('volunteers', 2000), figure('people_supported', 100000, { qualifier: 'more_than' })],
      }),
    ).toEqual([]);
  });

  it.each([
    ['a negative count', { year: 2016, figures: [figure('volunteers', -1)] }, 'figures.0.value', /negative/],
    [
      'a fractional count',
      { year: 2016, figures: [figure('volunteers', 2.5)] },
      'figures.0.value',
      /whole number/,
    ],
    ['an absurd count', { year: 2016, figures: [figure('volunteers', 1e12)] }, 'figures.0.value', /at most/],
    ['a year before 1939', { year: 1938, figures: [] }, 'year', /between 1939/],
    ['a year after next year', { year: lastAllowedYear() + 1, figures: [] }, 'year', /between 1939/],
    [
      'an unknown metric',
      { year: 2016, figures: [figure('bogus', 1)] },
      'figures.0.metric',
      /unknown metric/,
    ],
    [
      'an unknown country',
      { year: 2016, figures: [figure('partner_countries', 1, { countries: ['ZZ'] })] },
      'figures.0.countries.0',
      /unknown partner country/,
    ],
    [
      'a ftp source',
      { year: 2016, figures: [figure('volunteers', 1, { source: { title: 'x', url: 'ftp://e.org' } })] },
      'figures.0.source.url',
      /http/,
    ],
    [
      'a javascript: source',
      {
        year: 2016,
        figures: [figure('volunteers', 1, { source: { title: 'x', url: 'javascript:alert(1)' } })],
      },
      'figures.0.source.url',
      /http/,
    ],
    [
      'an empty source title',
      { year: 2016, figures: [figure('volunteers', 1, { source: { title: ' ', url: 'https://e.org' } })] },
      'figures.0.source.title',
      /title/,
    ],
    [
      'an oversize note',
      { year: 2016, figures: [figure('volunteers', 1, { note: 'x'.repeat(1001) })] },
      'figures.0.note',
      /1000/,
    ],
    [
      'an unknown qualifier',
      { year: 2016, figures: [{ ...figure('volunteers', 1), qualifier: 'roughly' }] },
      'figures.0.qualifier',
      /./,
    ],
    [
      'a duplicated metric',
      { year: 2016, figures: [figure('volunteers', 1), figure('volunteers', 2)] },
      'figures.1.metric',
      /twice/,
    ],
    [
      'an inverted range',
      { year: 2008, figures: [figure('retention_volunteers_cra', 40, { upper: 30 })] },
      'figures.0.upper',
      /exceed/,
    ],
    [
      'an extra field',
      { year: 2016, figures: [{ ...figure('volunteers', 1), evil: true }] },
      'figures.0',
      /./,
    ],
  ])('rejects %s at its path', (_name, input, path, message) => {
    const problems = problemsOf(input);
    expect(
      problems.some((p) => p.path === path && message.test(p.message)),
      JSON.stringify(problems),
    ).toBe(true);
  });

  it('lists every problem at once, not only the first', () => {
    expect(problemsOf({ year: 1900, figures: [figure('volunteers', -1), figure('bogus', 1)] })).toHaveLength(
      3,
    );
  });

  it('says each problem as a code with its parameters', () => {
    expect(problemsOf({ year: 2016, figures: [figure('volunteers', -1)] })).toEqual([
      {
        path: 'figures.0.value',
        code: 'NEGATIVE',
        params: { value: -1 },
        message: 'must not be negative (got -1)',
      },
    ]);
  });

  it('checks every figure and every field even when one figure is malformed', () => {
    const problems = problemsOf({
      year: 2016,
      figures: [{ ...figure('volunteers', 1), value: 'x' }, figure('employees', -3), figure('bogus', 2.5)],
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['figures.0.value', 'MALFORMED'],
      ['figures.1.value', 'NEGATIVE'],
      ['figures.2.metric', 'UNKNOWN_METRIC'],
    ]);
  });

  it('takes decimals for a decimal quantity (ETP), not for a count', () => {
    expect(problemsOf({ year: 2016, figures: [figure('retention_staff_fte', 72.5)] })).toEqual([]);
    expect(problemsOf({ year: 2016, figures: [figure('employees', 72.5)] }).map((p) => p.code)).toEqual([
      'WHOLE_NUMBER',
    ]);
  });

  it.each([
    ['NUL', '\u0000'],
    ['a C0 control', '\u0001'],
    ['a C1 control (Latin-1 read as Windows-1252)', '\u0096'],
    ['U+FFFE', '\ufffe'],
    ['U+FFFF', '\uffff'],
    ['a plane-1 non-character', '\u{1FFFF}'],
    ['a lone surrogate', '\ud800'],
  ])('refuses %s in a source title, a quote, a note, a unit and the year notes', (_name, char) => {
    const bad = `Rapport ${char} 2023`;
    const problems = problemsOf({
      year: 2016,
      notes: bad,
      figures: [
        figure('volunteers', 1, {
          unit: bad,
          note: bad,
          source: { title: bad, url: 'https://e.org', quote: bad },
        }),
      ],
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['figures.0.unit', 'CONTROL_CHARACTER'],
      ['figures.0.source.title', 'CONTROL_CHARACTER'],
      ['figures.0.source.quote', 'CONTROL_CHARACTER'],
      ['figures.0.note', 'CONTROL_CHARACTER'],
      ['notes', 'CONTROL_CHARACTER'],
    ]);
    expect(problems[0]?.params).toMatchObject({ position: 9 });
  });

  it('accepts tabs, line ends, emoji and every script', () => {
    expect(problemsOf({ year: 2016, notes: 'Ligne 1\r\n\tLigne 2 — « ✓ » 🇫🇷 العربية', figures: [] })).toEqual(
      [],
    );
  });
});
