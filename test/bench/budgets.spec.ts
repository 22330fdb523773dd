import { describe, expect, it } from 'vitest';
import { budgetFor, failing, judge, loadBudgets, verdict, type Budget } from './budgets';

const budgets = new Map<string, Budget>([
  ['bundle.site-server', { max: 400, why: 'exact' }],
  ['bundle.*', { max: 150, why: 'pattern' }],
  ['lighthouse.*.performance', { min: 100, why: 'pattern in the middle' }],
  ['embed.chart-without-js', { equals: true, why: 'fact' }],
]);

describe('bench budgets', () => {
  it.each([
    ['bundle.site-server', 'exact'],
    ['bundle.public-api', 'pattern'],
    ['lighthouse.embed.performance', 'pattern in the middle'],
    ['lighthouse.embed.seo', undefined],
    ['bundle.a.b', undefined],
  ])('finds the budget of %s', (id, why) => {
    expect(budgetFor(budgets, id)?.why).toBe(why);
  });

  it('lets an exact key win over a pattern listed before it', () => {
    const patternFirst = new Map<string, Budget>([
      ['bundle.*', { max: 150, why: 'pattern' }],
      ['bundle.press-server', { max: 400, why: 'exact' }],
    ]);
    expect(budgetFor(patternFirst, 'bundle.press-server')?.why).toBe('exact');
    expect(budgetFor(patternFirst, 'bundle.admin-api')?.why).toBe('pattern');
  });

  it.each<[number | boolean | string, Budget | undefined, string]>([
    [150, { max: 150, why: '' }, 'ok'],
    [151, { max: 150, why: '' }, 'OVER'],
    [99, { min: 100, why: '' }, 'OVER'],
    [false, { equals: true, why: '' }, 'OVER'],
    [true, { equals: true, why: '' }, 'ok'],
    [Number.NaN, { max: 1, why: '' }, 'ERROR'],
    ['failed', { max: 1, why: '' }, 'ERROR'],
    [12, undefined, ''],
  ])('judges %s against %o as %s', (value, budget, expected) => {
    expect(verdict(value, budget)).toBe(expected);
  });

  it('reads budgets.json, where every budget says why', () => {
    const file = loadBudgets();
    expect(file.size).toBeGreaterThan(10);
    for (const [id, budget] of file) expect(budget.why, id).toMatch(/\w{4}/);
    expect(judge([{ id: 'load.errors', label: 'errors', value: 1 }], file)[0]).toMatchObject({
      verdict: 'OVER',
      budget: '≤ 0',
    });
    // Each SvelteKit function has its own bundle budget, and so has the public API (full zod,
    // issue 17); any other function falls to `bundle.*`.
    for (const id of ['bundle.site-server', 'bundle.press-server', 'bundle.public-api'])
      expect(budgetFor(file, id), id).toBe(file.get(id));
    expect(budgetFor(file, 'bundle.another-api')).toBe(file.get('bundle.*'));
  });

  it('bounds every timing by a ratio to a reference of the same run, never in milliseconds (machines differ)', () => {
    const file = loadBudgets();
    for (const [id, budget] of file) {
      if (!budget.timing) continue;
      if (id.startsWith('lighthouse.')) continue; // a score, from Lighthouse's own simulated phone
      expect(budget.unit, id).toBe('x');
    }
    for (const [id, budget] of file) expect(budget.unit === 'ms' && budget.timing, id).toBe(false);
    // Absolute figures stay in the table as information, with no budget.
    for (const id of ['cold-ms.public-api', 'site.c1.p50', 'api.c1.p99'])
      expect(budgetFor(file, id), id).toBeUndefined();
  });

  it('fails the run on any broken budget, or with timing reported only, on every broken budget but timing ones', () => {
    const file = loadBudgets();
    const judged = judge(
      [
        { id: 'cold.site-server', label: 'cold', value: 95, unit: 'x' },
        { id: 'bundle.site-server', label: 'bundle', value: 2_000_000, unit: 'B' },
        { id: 'lighthouse.home.performance', label: 'perf', value: 'failed' },
        { id: 'site.c1.mean-ratio', label: 'render', value: 2, unit: 'x' },
      ],
      file,
    );
    expect(failing(judged, { gateTiming: true }).map((r) => r.id)).toEqual([
      'cold.site-server',
      'bundle.site-server',
      'lighthouse.home.performance',
    ]);
    // A measure that failed is never excused; a size is not a timing.
    expect(failing(judged, { gateTiming: false }).map((r) => r.id)).toEqual([
      'bundle.site-server',
      'lighthouse.home.performance',
    ]);
    for (const id of [
      'site.c1.mean-ratio',
      'api.c1.mean-ratio',
      'cold.public-api',
      'lighthouse.embed.performance',
    ])
      expect(budgetFor(file, id)?.timing, id).toBe(true);
    for (const id of [
      'bundle.site-server',
      'embed.html.gzip',
      'load.errors',
      'lighthouse.home.accessibility',
      'lighthouse.home.cls',
    ])
      expect(budgetFor(file, id)?.timing, id).toBeUndefined();
  });
});
