import { describe, expect, it } from 'vitest';
import { tableKeyDefinition } from '../../functions/src/adapters/table-schema.js';
import { stages } from './config.js';
import { resourcesOf, synthesised } from './test-support.js';

describe.each(stages)('the figures table (%s)', (stage) => {
  const { template } = synthesised(stage);
  const tables = () => Object.values(resourcesOf(template, 'AWS::DynamoDB::Table'));

  it('has point-in-time recovery, deletion protection, encryption and on-demand billing', () => {
    expect.hasAssertions();
    expect(tables().length).toBeGreaterThan(0);
    for (const table of tables()) {
      expect(table.Properties).toMatchObject({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        BillingMode: 'PAY_PER_REQUEST',
      });
    }
  });

  it('is retained when the stack or the resource goes away, in every stage', () => {
    expect.hasAssertions();
    for (const table of tables()) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
    }
  });

  it('is keyed as the local stores create it, from the one declaration (table-schema.ts)', () => {
    const local = tableKeyDefinition();
    expect(tables().length).toBeGreaterThan(0);
    for (const { Properties: p = {} } of tables()) {
      expect(p.KeySchema).toEqual(local.KeySchema);
      expect(p.AttributeDefinitions).toEqual(expect.arrayContaining(local.AttributeDefinitions));
      expect(p.AttributeDefinitions).toHaveLength(local.AttributeDefinitions.length);
      expect(p.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    }
  });

  it('is keyed pk/sk with the sparse gsi1 index (gsi1pk S, gsi1sk N, projection ALL)', () => {
    expect(tableKeyDefinition()).toEqual({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi1sk', AttributeType: 'N' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });
});

describe('stage-dependent removal', () => {
  const policiesOf = (stage: 'staging' | 'production', type: string) =>
    Object.values(resourcesOf(synthesised(stage).template, type)).map((r) => r.DeletionPolicy);

  it('deletes buckets and log groups with a staging stack, keeps them with production', () => {
    expect.hasAssertions();
    for (const type of ['AWS::S3::Bucket', 'AWS::Logs::LogGroup']) {
      expect(new Set(policiesOf('staging', type))).toEqual(new Set(['Delete']));
      expect(new Set(policiesOf('production', type))).toEqual(new Set(['Retain']));
    }
  });
});
