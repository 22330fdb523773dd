import { describe, expect, it } from 'vitest';
import { figure } from '../../../test/support/fixtures';
import { DomainError } from './errors';
import { checkMetricParam, headlines, parseYearParam, seriesOf } from './figures';
import type { PublishedYear } from './schema';

const published = (year: number, figures: PublishedYear['figures']): PublishedYear => ({
  year,
  figures,
  version: 1,
  publishedAt: '',
  publishedBy: '',
});
const years = [
  published(2016, [figure('volunteers', 2000), figure('people_supported', 100000)]),
  published(2020, [figure('volunteers', 2500, { qualifier: 'about' })]),
  published(2024, [figure('volunteers', 2678)]),
];

describe('read use cases', () => {
  it('keeps unknown years out of a series instead of filling them', () => {
    expect(seriesOf(years, 'people_supported').map((p) => p.year)).toEqual([2016]);
    expect(seriesOf(years, 'volunteers').map((p) => [p.year, p.value, p.qualifier])).toEqual([
      [2016, 2000, 'exact'],
      [2020, 2500, 'about'],
      [2024, 2678, 'exact'],
    ]);
  });

  it('gives each headline its own latest year', () => {
    const h = headlines(years);
    expect(h.find((x) => x.definition.id === 'volunteers')).toMatchObject({
      latest: { year: 2024, value: 2678 },
      previous: { year: 2020 },
    });
    expect(h.find((x) => x.definition.id === 'people_supported')).toMatchObject({ latest: { year: 2016 } });
    expect(h.every((x) => x.definition.headline)).toBe(true);
  });

  it.each([
    ['2016', 2016, undefined],
    ['16', undefined, 'BAD_REQUEST'],
    ['2016.5', undefined, 'BAD_REQUEST'],
  ])('parses year %j', (raw, year, code) => {
    if (code) expect(() => parseYearParam(raw)).toThrow(expect.objectContaining({ code }));
    else expect(parseYearParam(raw)).toBe(year);
  });

  it('tells a malformed metric (400) from an unknown one (404)', () => {
    expect(() => checkMetricParam('Bad Metric')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => checkMetricParam('unknown_metric')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => checkMetricParam('unknown_metric')).toThrow(DomainError);
    expect(checkMetricParam('region.ile-de-france.volunteers').id).toBe('volunteers');
  });
});
