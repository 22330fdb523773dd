/**
 * The DynamoDB implementation of the core's repository. Only conditional single-item
 * writes, so that the same code runs on DynamoDB, DynamoDB Local and dynalite.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FiguresRepository } from '../core/repository';
import type { PublishedYear, YearFigures } from '../core/schema';
import { PUBLISHED_INDEX, versionSk, yearPk } from './dynamo-table';

type Item = Record<string, unknown>;

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException || (error as Error | undefined)?.name === 'ConditionalCheckFailedException';

function toPublished(item: Item): PublishedYear {
  return {
    year: item.year as number,
    figures: item.figures as PublishedYear['figures'],
    ...(item.notes ? { notes: item.notes as string } : {}),
    version: item.version as number,
    publishedAt: item.publishedAt as string,
    publishedBy: item.publishedBy as string,
  };
}

export class DynamoFiguresRepository implements FiguresRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listPublished(): Promise<PublishedYear[]> {
    const years: PublishedYear[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: PUBLISHED_INDEX,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': 'PUBLISHED' },
          ExclusiveStartKey: startKey,
        }),
      );
      years.push(...(page.Items ?? []).map(toPublished));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return years;
  }

  async getPublished(year: number): Promise<PublishedYear | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: yearPk(year), sk: 'PUBLISHED' } }));
    return Item ? toPublished(Item) : undefined;
  }

  async createPublished(year: YearFigures, by: string, at: string): Promise<boolean> {
    const content = { year: year.year, figures: year.figures, notes: year.notes };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: yearPk(year.year), sk: versionSk(1), ...content, version: 1, action: 'seed', savedAt: at, savedBy: by, state: 'published' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // A snapshot 1 already exists. Only finish an interrupted seed (its snapshot written,
      // the head not); never overwrite what staff wrote.
      const { Item } = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: { pk: yearPk(year.year), sk: versionSk(1) }, ConsistentRead: true }),
      );
      if (Item?.action !== 'seed') return false;
    }
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: yearPk(year.year), sk: 'PUBLISHED', gsi1pk: 'PUBLISHED', gsi1sk: year.year,
            ...content, version: 1, publishedAt: at, publishedBy: by,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
