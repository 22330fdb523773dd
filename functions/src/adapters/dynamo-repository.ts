/**
 * The DynamoDB implementation of the core's repository. Only conditional single-item
 * writes, so that the same code runs on DynamoDB, DynamoDB Local and dynalite.
 */
import { isDeepStrictEqual } from 'node:util';
import type { PublicationStamp, StampedRepository } from '../core/published-cache';
import type { StoredAcknowledgement } from '../core/acknowledgements';
import {
  REVIEW_ACTIONS,
  type Draft,
  type EditingRepository,
  type Review,
  type VersionRecord,
} from '../core/editing-repository';
import type { PublishedYear, YearFigures } from '../core/schema';
import { DynamoError, type DocumentClient, type Item, type QueryInput } from './dynamo-client';
import { PUBLISHED_INDEX, versionSk, yearPk } from './dynamo-table';
import { DynamoCatalogueRepository } from './dynamo-catalogue';

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof DynamoError && error.name === 'ConditionalCheckFailedException';

/** The year's content as stored on a head item (PUBLISHED or DRAFT). */
function yearContent(item: Item) {
  return {
    year: item.year as number,
    figures: item.figures as PublishedYear['figures'],
    ...(item.notes ? { notes: item.notes as string } : {}),
    version: item.version as number,
  };
}

const toPublished = (item: Item): PublishedYear => ({
  ...yearContent(item),
  publishedAt: item.publishedAt as string,
  publishedBy: item.publishedBy as string,
  ...(item.corrections ? { corrections: item.corrections as PublishedYear['corrections'] } : {}),
});

const toDraft = (item: Item): Draft => ({
  ...yearContent(item),
  updatedAt: item.updatedAt as string,
  updatedBy: item.updatedBy as string,
  ...(item.review ? { review: item.review as Review } : {}),
});

function toRecord(item: Item): VersionRecord {
  const { pk: _pk, sk: _sk, state: _state, ...rest } = item;
  return { changes: [], ...rest } as unknown as VersionRecord;
}

/** The item every publication moves, so that readers can tell cheaply whether anything changed. */
const STAMP_KEY = { pk: 'META', sk: 'PUBLICATION' };

/** The item whose existence commits an import: all its years' entries count from then on. */
const importKey = (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'COMMITTED' });

export class DynamoFiguresRepository implements EditingRepository, StampedRepository {
  constructor(
    private readonly doc: DocumentClient,
    private readonly tableName: string,
  ) {}

  /** The catalogue in the same table, through the same client (issue #16). */
  catalogueRepository(): DynamoCatalogueRepository {
    return new DynamoCatalogueRepository(this.doc, this.tableName);
  }

  private async queryAll(input: Omit<QueryInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.doc.query({
        TableName: this.tableName,
        ...input,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      });
      items.push(...page.Items);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** Every year's head of one kind, through the sparse index. */
  private heads(kind: 'PUBLISHED' | 'DRAFT'): Promise<Item[]> {
    return this.queryAll({
      IndexName: PUBLISHED_INDEX,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': kind },
    });
  }

  async listPublished(): Promise<PublishedYear[]> {
    return (await this.heads('PUBLISHED')).map(toPublished);
  }

  async listDrafts(): Promise<Draft[]> {
    return (await this.heads('DRAFT')).map(toDraft);
  }

  async getDraft(year: number): Promise<Draft | undefined> {
    const { Item } = await this.doc.get({
      TableName: this.tableName,
      Key: { pk: yearPk(year), sk: 'DRAFT' },
      ConsistentRead: true,
    });
    return Item ? toDraft(Item) : undefined;
  }

  async latestVersion(year: number): Promise<VersionRecord | undefined> {
    const { Items } = await this.doc.query({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': yearPk(year), ':v': 'V#' },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    });
    return Items?.[0] ? toRecord(Items[0]) : undefined;
  }

  async listVersions(year: number): Promise<VersionRecord[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': yearPk(year), ':v': 'V#' },
      ScanIndexForward: false,
      ConsistentRead: true,
    });
    return items.map(toRecord);
  }

  async getVersion(year: number, version: number): Promise<VersionRecord | undefined> {
    const { Item } = await this.doc.get({
      TableName: this.tableName,
      Key: { pk: yearPk(year), sk: versionSk(version) },
      ConsistentRead: true,
    });
    return Item ? toRecord(Item) : undefined;
  }

  async appendVersion(record: VersionRecord): Promise<boolean> {
    try {
      await this.doc.put({
        TableName: this.tableName,
        Item: { pk: yearPk(record.year), sk: versionSk(record.version), ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // The client retries a put that timed out; when the first attempt had landed, the retry
      // fails its condition on our own entry. That is a success, not another writer's.
      const existing = await this.getVersion(record.year, record.version);
      return (
        existing !== undefined &&
        isDeepStrictEqual(existing, { changes: [], ...JSON.parse(JSON.stringify(record)) })
      );
    }
  }

  async applyVersion(r: VersionRecord): Promise<void> {
    const key = (sk: string) => ({ pk: yearPk(r.year), sk });
    const content = { year: r.year, figures: r.figures, notes: r.notes, version: r.version };
    const newer = {
      ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
      ExpressionAttributeValues: { ':v': r.version },
    };
    const ignoreStale = (error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    };
    if (r.action === 'save' || r.action === 'import' || r.action === 'restore') {
      await this.doc
        .put({
          TableName: this.tableName,
          Item: {
            ...key('DRAFT'),
            gsi1pk: 'DRAFT',
            gsi1sk: r.year,
            ...content,
            updatedAt: r.savedAt,
            updatedBy: r.savedBy,
            ...(r.review ? { review: r.review } : {}),
          },
          ...newer,
        })
        .catch(ignoreStale);
      return;
    }
    if (REVIEW_ACTIONS.includes(r.action as never)) {
      // A review step moves the draft's version and review state; its figures and author stay.
      await this.doc
        .update({
          TableName: this.tableName,
          Key: key('DRAFT'),
          UpdateExpression: 'SET version = :v, review = :r',
          ConditionExpression: 'attribute_exists(pk) AND version < :v',
          ExpressionAttributeValues: { ':v': r.version, ':r': r.review ?? { status: 'drafting' } },
        })
        .catch(ignoreStale);
      return;
    }
    if (r.action === 'publish' || r.action === 'seed') {
      const moved = await this.doc
        .put({
          TableName: this.tableName,
          Item: {
            ...key('PUBLISHED'),
            gsi1pk: 'PUBLISHED',
            gsi1sk: r.year,
            ...content,
            publishedAt: r.savedAt,
            publishedBy: r.savedBy,
            ...(r.corrections ? { corrections: r.corrections } : {}),
          },
          ...newer,
        })
        .then(
          () => true,
          (error: unknown) => (ignoreStale(error), false),
        );
      if (moved) await this.movePublicationStamp(r.year, r.version);
    }
    // Publishing or discarding ends the draft the record was made from, never a newer one.
    await this.doc
      .delete({
        TableName: this.tableName,
        Key: key('DRAFT'),
        ConditionExpression: 'version < :v',
        ExpressionAttributeValues: { ':v': r.version },
      })
      .catch(ignoreStale);
  }

  async publicationStamp(): Promise<PublicationStamp> {
    const { Item } = await this.doc.get({ TableName: this.tableName, Key: STAMP_KEY, ConsistentRead: true });
    return Item
      ? { stamp: Item.stamp as number, year: Item.year as number, version: Item.version as number }
      : { stamp: 0 };
  }

  private async movePublicationStamp(year: number, version: number): Promise<void> {
    await this.doc.update({
      TableName: this.tableName,
      Key: STAMP_KEY,
      UpdateExpression: 'ADD stamp :one SET #y = :y, version = :v',
      ExpressionAttributeNames: { '#y': 'year' },
      ExpressionAttributeValues: { ':one': 1, ':y': year, ':v': version },
    });
  }

  async getPublished(year: number): Promise<PublishedYear | undefined> {
    // Strongly consistent: the roll-forward of an interrupted publication reads the head it may
    // have just written, and a save compares against the version it reads here.
    const { Item } = await this.doc.get({
      TableName: this.tableName,
      Key: { pk: yearPk(year), sk: 'PUBLISHED' },
      ConsistentRead: true,
    });
    return Item ? toPublished(Item) : undefined;
  }

  async createPublished(year: YearFigures, by: string, at: string): Promise<boolean> {
    const record: VersionRecord = {
      year: year.year,
      version: 1,
      action: 'seed',
      figures: year.figures,
      notes: year.notes,
      savedAt: at,
      savedBy: by,
      changes: [],
    };
    if (!(await this.appendVersion(record))) {
      // A version 1 exists. Only finish an interrupted seed (its history entry written, the
      // head not); never touch a year staff wrote.
      const existing = await this.getVersion(year.year, 1);
      if (existing?.action !== 'seed' || (await this.getPublished(year.year))) return false;
    }
    await this.applyVersion(record);
    return true;
  }

  async listAcknowledgements(year: number): Promise<StoredAcknowledgement[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
      ExpressionAttributeValues: { ':pk': yearPk(year), ':a': 'ACK#' },
      ConsistentRead: true,
    });
    return items.map(({ pk: _pk, sk: _sk, ...ack }) => ack as unknown as StoredAcknowledgement);
  }

  async putAcknowledgement(ack: StoredAcknowledgement): Promise<void> {
    await this.doc.put({
      TableName: this.tableName,
      Item: { pk: yearPk(ack.year), sk: `ACK#${ack.code}#${ack.metric}`, ...ack },
    });
  }

  async removeVersion(year: number, version: number, importId: string): Promise<void> {
    await this.doc
      .delete({
        TableName: this.tableName,
        Key: { pk: yearPk(year), sk: versionSk(version) },
        ConditionExpression: 'importId = :id',
        ExpressionAttributeValues: { ':id': importId },
      })
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  async commitImport(importId: string, at: string): Promise<void> {
    await this.doc.put({ TableName: this.tableName, Item: { ...importKey(importId), committedAt: at } });
  }

  async importCommitted(importId: string): Promise<boolean> {
    const { Item } = await this.doc.get({
      TableName: this.tableName,
      Key: importKey(importId),
      ConsistentRead: true,
    });
    return Item !== undefined;
  }
}
