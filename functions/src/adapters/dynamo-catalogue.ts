/**
 * The catalogue in the figures table (issue #16), beside the years: one partition, `CATALOGUE`,
 * with `PUBLISHED`, `DRAFT` and an immutable `V#000001` per version. Only conditional
 * single-item writes (entry first, then the heads, never backwards), so the same code runs on
 * DynamoDB, DynamoDB Local and dynalite. The heads stay out of the years' sparse index.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CatalogueHead, CatalogueRepository, CatalogueVersion } from '../core/catalogue-repository';
import type { Catalogue } from '../core/reference-schema';
import { DynamoError, type DocumentClient, type Item } from './dynamo-client';
import { versionSk } from './dynamo-table';

export const CATALOGUE_PK = 'CATALOGUE';

const isConditionFailure = (error: unknown): boolean =>
  error instanceof DynamoError && error.name === 'ConditionalCheckFailedException';

const toHead = (item: Item): CatalogueHead => ({
  version: item.version as number,
  catalogue: item.catalogue as Catalogue,
  at: item.at as string,
  by: item.by as string,
});

function toVersion(item: Item): CatalogueVersion {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return { changes: [], ...rest } as unknown as CatalogueVersion;
}

export class DynamoCatalogueRepository implements CatalogueRepository {
  constructor(
    private readonly doc: DocumentClient,
    private readonly tableName: string,
  ) {}

  private async head(sk: 'PUBLISHED' | 'DRAFT'): Promise<CatalogueHead | undefined> {
    const { Item } = await this.doc.get({
      TableName: this.tableName,
      Key: { pk: CATALOGUE_PK, sk },
      ConsistentRead: true,
    });
    return Item ? toHead(Item) : undefined;
  }

  getPublishedCatalogue = () => this.head('PUBLISHED');

  async publishedCatalogueVersion(): Promise<number | undefined> {
    const { Item } = await this.doc.get({
      TableName: this.tableName,
      Key: { pk: CATALOGUE_PK, sk: 'STAMP' },
      ConsistentRead: true,
    });
    return Item ? (Item.version as number) : undefined;
  }
  getCatalogueDraft = () => this.head('DRAFT');

  async latestCatalogueVersion(): Promise<CatalogueVersion | undefined> {
    const { Items } = await this.doc.query({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': CATALOGUE_PK, ':v': 'V#' },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    });
    return Items[0] ? toVersion(Items[0]) : undefined;
  }

  async getCatalogueVersion(version: number): Promise<CatalogueVersion | undefined> {
    const { Item } = await this.doc.get({
      TableName: this.tableName,
      Key: { pk: CATALOGUE_PK, sk: versionSk(version) },
      ConsistentRead: true,
    });
    return Item ? toVersion(Item) : undefined;
  }

  async listCatalogueVersions(): Promise<CatalogueVersion[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.doc.query({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': CATALOGUE_PK, ':v': 'V#' },
        ScanIndexForward: false,
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      });
      items.push(...page.Items);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items.map(toVersion);
  }

  async appendCatalogueVersion(record: CatalogueVersion): Promise<boolean> {
    try {
      await this.doc.put({
        TableName: this.tableName,
        Item: { pk: CATALOGUE_PK, sk: versionSk(record.version), ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // A retried put whose first attempt had landed fails on our own entry: a success.
      const existing = await this.getCatalogueVersion(record.version);
      return (
        existing !== undefined &&
        isDeepStrictEqual(existing, { changes: [], ...JSON.parse(JSON.stringify(record)) })
      );
    }
  }

  async applyCatalogueVersion(r: CatalogueVersion): Promise<void> {
    const newer = {
      ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
      ExpressionAttributeValues: { ':v': r.version },
    };
    const ignoreStale = (error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    };
    const sk = r.action === 'save' || r.action === 'restore' ? 'DRAFT' : 'PUBLISHED';
    await this.doc
      .put({
        TableName: this.tableName,
        Item: {
          pk: CATALOGUE_PK,
          sk,
          version: r.version,
          catalogue: r.catalogue,
          at: r.savedAt,
          by: r.savedBy,
        },
        ...newer,
      })
      .catch(ignoreStale);
    if (sk === 'PUBLISHED')
      // The small item readers check on every request, moved after the head it names.
      await this.doc
        .put({
          TableName: this.tableName,
          Item: { pk: CATALOGUE_PK, sk: 'STAMP', version: r.version },
          ...newer,
        })
        .catch(ignoreStale);
    if (sk === 'PUBLISHED')
      // Publishing ends the draft it was made from, never a newer one.
      await this.doc
        .delete({
          TableName: this.tableName,
          Key: { pk: CATALOGUE_PK, sk: 'DRAFT' },
          ConditionExpression: 'version < :v',
          ExpressionAttributeValues: { ':v': r.version },
        })
        .catch(ignoreStale);
  }
}
