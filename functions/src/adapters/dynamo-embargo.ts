/**
 * Embargo links in the figures table, beside the years: one partition for all of them (a few
 * dozen a year at most), so that listing is one Query and a link is found by its id alone.
 *
 * | pk        | sk             | holds                                                  |
 * | `EMBARGO` | `LINK#<id>`    | year, embargoUntil, expiresAt, createdAt/By, revokedAt/By |
 *
 * Conditional single-item writes only, as the rest of the table: runs on dynalite too.
 */
import type { EmbargoLink, EmbargoRepository } from '../core/embargo-repository';
import type { DocumentClient, Item } from './dynamo-client';
import { isConditionFailure } from './dynamo-repository';

const PK = 'EMBARGO';
const keyOf = (id: string) => ({ pk: PK, sk: `LINK#${id}` });

function toLink(item: Item): EmbargoLink {
  const { pk: _pk, sk: _sk, ...link } = item;
  return link as EmbargoLink;
}

const newestFirst = (a: EmbargoLink, b: EmbargoLink) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1;

export class DynamoEmbargoRepository implements EmbargoRepository {
  constructor(
    private readonly doc: DocumentClient,
    private readonly tableName: string,
  ) {}

  async putLink(link: EmbargoLink): Promise<void> {
    await this.doc.put({
      TableName: this.tableName,
      Item: { ...keyOf(link.id), ...link },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  }

  async getLink(id: string): Promise<EmbargoLink | undefined> {
    const { Item } = await this.doc.get({ TableName: this.tableName, Key: keyOf(id), ConsistentRead: true });
    return Item ? toLink(Item) : undefined;
  }

  async listLinks(year?: number): Promise<EmbargoLink[]> {
    const links: EmbargoLink[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.doc.query({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :link)',
        ExpressionAttributeValues: { ':pk': PK, ':link': 'LINK#' },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      });
      links.push(...page.Items.map(toLink));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return links.filter((l) => year === undefined || l.year === year).sort(newestFirst);
  }

  async revokeLink(id: string, by: string, at: string): Promise<EmbargoLink | undefined> {
    try {
      await this.doc.update({
        TableName: this.tableName,
        Key: keyOf(id),
        UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': at, ':by': by },
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    return this.getLink(id);
  }
}
