import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDBClient, ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { STORE_KINDS, freshTable, startStore, type TestTable } from '../../../test/support/stores';
import { figure, yearOf } from '../../../test/support/fixtures';
import type { RunningStore } from '../../local/stores';
import { describeSeed, readSeedYears, seed, SeedError } from '../../local/seed';
import { createDocumentClient, type DocumentClient, type StoreConfig } from './dynamo-client';
import { DynamoFiguresRepository } from './dynamo-repository';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** The AWS SDK, as a reader independent of the repository's own client. */
const sdk = (config: StoreConfig) =>
  new DynamoDBClient({
    region: config.region ?? 'eu-west-3',
    endpoint: config.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

describe.each(STORE_KINDS)('DynamoFiguresRepository on %s', (kind) => {
  let store: RunningStore;
  let t: TestTable;
  beforeAll(async () => {
    store = await startStore(kind);
  });
  afterAll(() => store?.stop());
  beforeEach(async () => {
    t = await freshTable(store);
  });

  it('publishes a new year once, as version 1, and refuses to overwrite it', async () => {
    expect(
      await t.repo.createPublished(
        yearOf(2016, [figure('volunteers', 2000)]),
        'tester',
        '2026-01-01T00:00:00Z',
      ),
    ).toBe(true);
    expect(
      await t.repo.createPublished(yearOf(2016, [figure('volunteers', 9)]), 'tester', '2026-01-02T00:00:00Z'),
    ).toBe(false);
    const got = await t.repo.getPublished(2016);
    expect(got).toMatchObject({
      year: 2016,
      version: 1,
      publishedBy: 'tester',
      publishedAt: '2026-01-01T00:00:00Z',
    });
    expect(got?.figures).toEqual([figure('volunteers', 2000)]);
  });

  it('reads every item strongly consistent, the published head included (the roll-forward reads what it wrote)', async () => {
    const doc = createDocumentClient(t.config);
    const gets: Parameters<DocumentClient['get']>[0][] = [];
    const get = doc.get.bind(doc);
    doc.get = (input) => (gets.push(input), get(input));
    const repo = new DynamoFiguresRepository(doc, t.config.tableName);
    await repo.createPublished(yearOf(2016, [figure('volunteers', 2000)]), 'tester', 'now');
    expect((await repo.getPublished(2016))?.version).toBe(1);
    await repo.publicationStamp();
    expect(gets.some((g) => g.Key.sk === 'PUBLISHED')).toBe(true);
    for (const g of gets) expect(g.ConsistentRead, JSON.stringify(g.Key)).toBe(true);
  });

  it('lists every published year, oldest first, with one Query on the sparse index', async () => {
    for (const year of [2020, 2008, 2016])
      await t.repo.createPublished(yearOf(year, [figure('volunteers', year)]), 'tester', 'now');
    const years = await t.repo.listPublished();
    expect(years.map((y) => y.year)).toEqual([2008, 2016, 2020]);
    expect(years[0]?.figures[0]?.value).toBe(2008);
  });

  it('moves the publication stamp on every publication, naming the year and version', async () => {
    expect(await t.repo.publicationStamp()).toEqual({ stamp: 0 });
    await t.repo.createPublished(yearOf(2016, [figure('volunteers', 1)]), 'tester', 'now');
    await t.repo.createPublished(yearOf(2017, [figure('volunteers', 2)]), 'tester', 'now');
    expect(await t.repo.publicationStamp()).toEqual({ stamp: 2, year: 2017, version: 1 });
    await t.repo.createPublished(yearOf(2017, [figure('volunteers', 3)]), 'tester', 'now'); // refused: nothing moves
    expect((await t.repo.publicationStamp()).stamp).toBe(2);
  });

  it('answers undefined for a year that was never published', async () => {
    expect(await t.repo.getPublished(1999)).toBeUndefined();
  });

  it('round-trips ranges, qualifiers, country lists and quotes unchanged', async () => {
    const rich = [
      figure('retention_volunteers_cra', 30, { upper: 40, qualifier: 'approx', unit: 'persons (range)' }),
      figure('partner_countries', 2, {
        countries: ['MA', 'SN'],
        source: { title: 'T', url: 'https://e.org', quote: '« citation »' },
      }),
    ];
    await t.repo.createPublished(yearOf(2011, rich), 'tester', 'now');
    expect((await t.repo.getPublished(2011))?.figures).toEqual(rich);
  });

  it('seeds data/ idempotently: the second run changes nothing', async () => {
    const first = await seed(t.repo);
    expect(first.created.length).toBeGreaterThan(10);
    expect(first.created).toContain(2016);
    const client = sdk(t.config);
    const before = await client.send(new ScanCommand({ TableName: t.config.tableName }));
    const second = await seed(t.repo);
    expect(second).toEqual({ created: [], unchanged: first.created, catalogue: 'unchanged' });
    expect(describeSeed(second)).toMatch(/0 year\(s\) published, \d+ already present/);
    const after = await client.send(new ScanCommand({ TableName: t.config.tableName }));
    expect(after.Items).toEqual(before.Items);
    const y2016 = await t.repo.getPublished(2016);
    expect(y2016?.figures.find((f) => f.metric === 'people_supported')).toMatchObject({
      value: 100000,
      qualifier: 'exact',
    });
  });

  it('writes nothing when one row of the seed file is malformed, and names file, row and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    const file = join(dir, 'figures.csv');
    writeFileSync(
      file,
      'year,metric,value,qualifier,source_title,source_url\n' +
        '2016,volunteers,2000,exact,Src,https://example.org\n' +
        '2017,volunteers,-5,exact,Src,https://example.org\n',
    );
    await expect(seed(t.repo, file)).rejects.toThrow(SeedError);
    await expect(seed(t.repo, file)).rejects.toThrow(/figures\.csv:3 column "value": must not be negative/);
    expect(await t.repo.listPublished()).toEqual([]);
    const client = sdk(t.config);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toContain(t.config.tableName);
  });
});

describe('the shipped data/', () => {
  it('parses as a whole with no problem', () => {
    expect(readSeedYears().length).toBeGreaterThan(10);
  });
});
