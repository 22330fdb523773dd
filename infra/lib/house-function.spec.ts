import { readFileSync } from 'node:fs';
import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { tableReadActions, tableWriteActions } from './house-function.js';
import { resourcesOf, synthesised } from './test-support.js';

interface Statement {
  Effect: string;
  Action: string | string[];
}
const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** DynamoDB's item-writing actions, whether this app grants them or not. */
const dynamoWrites = [
  ...tableWriteActions,
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLInsert',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
];

/** True when an action, wildcards included, would let its holder write to DynamoDB. */
function writesToDynamo(action: string): boolean {
  if (action === '*' || action === 'dynamodb:*') return true;
  const pattern = new RegExp(`^${action.replace(/\*/g, '.*')}$`);
  return action.startsWith('dynamodb:') && dynamoWrites.some((write) => pattern.test(write));
}

describe('writesToDynamo', () => {
  it.each([
    ['dynamodb:PutItem', true],
    ['dynamodb:Batch*', true],
    ['dynamodb:*', true],
    ['*', true],
    ['dynamodb:Query', false],
    ['dynamodb:BatchGetItem', false],
    ['s3:PutObject', false],
  ])('%s → %s', (action, expected) => {
    expect(writesToDynamo(action)).toBe(expected);
  });
});

describe('table permissions', () => {
  const { stack, template } = synthesised('production');
  const adminRole = stack.getLogicalId(stack.api.adminFunction!.role.node.defaultChild as CfnElement);

  /** Every role that holds a DynamoDB write action, from attached policies and inline ones. */
  const rolesThatWrite = (): Set<string> => {
    const writers = new Set<string>();
    for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
      const props = policy.Properties as {
        PolicyDocument: { Statement: Statement[] };
        Roles?: { Ref: string }[];
      };
      const writes = props.PolicyDocument.Statement.some(
        (s) => s.Effect === 'Allow' && actionsOf(s).some(writesToDynamo),
      );
      if (writes) for (const role of props.Roles ?? []) writers.add(role.Ref);
    }
    for (const [id, role] of Object.entries(resourcesOf(template, 'AWS::IAM::Role'))) {
      const inline = (role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[];
      if (
        inline.some((p) =>
          p.PolicyDocument.Statement.some((s) => s.Effect === 'Allow' && actionsOf(s).some(writesToDynamo)),
        )
      ) {
        writers.add(id);
      }
    }
    return writers;
  };

  it('lets the admin function write, and no other role', () => {
    expect(rolesThatWrite()).toEqual(new Set([adminRole]));
  });

  /** Each role's DynamoDB actions, from the stack's policies. */
  const dynamoActionsByRole = (): Map<string, Set<string>> => {
    const byRole = new Map<string, Set<string>>();
    for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
      const props = policy.Properties as {
        PolicyDocument: { Statement: Statement[] };
        Roles?: { Ref: string }[];
      };
      const actions = props.PolicyDocument.Statement.filter((s) => s.Effect === 'Allow')
        .flatMap(actionsOf)
        .filter((a) => a.startsWith('dynamodb:'));
      for (const role of props.Roles ?? [])
        for (const action of actions) byRole.set(role.Ref, (byRole.get(role.Ref) ?? new Set()).add(action));
    }
    return byRole;
  };

  it('grants exactly the DynamoDB operations the repository sends: the admin all, the others the reads', () => {
    // The commands the one DynamoDB client of the functions sends, read from its source.
    const client = readFileSync(
      new URL('../../functions/src/adapters/dynamo-client.ts', import.meta.url),
      'utf8',
    );
    const sent = new Set([...client.matchAll(/new (\w+)Command\(/g)].map((m) => `dynamodb:${m[1]}`));
    expect(sent).toEqual(new Set([...tableReadActions, ...tableWriteActions]));
    const byRole = dynamoActionsByRole();
    expect(byRole.get(adminRole)).toEqual(sent);
    const readers = [stack.api.publicFunction, stack.site.serverFunction, stack.site.pressFunction].map((f) =>
      stack.getLogicalId(f.role.node.defaultChild as CfnElement),
    );
    for (const role of readers) expect(byRole.get(role), role).toEqual(new Set(tableReadActions));
  });

  it('grants nothing on every resource but X-Ray tracing', () => {
    for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
      const props = policy.Properties as {
        PolicyDocument: { Statement: (Statement & { Resource: unknown })[] };
      };
      for (const statement of props.PolicyDocument.Statement.filter((s) => s.Resource === '*')) {
        const actions = actionsOf(statement);
        const bucketDeployment = actions.every(
          (a) => a.startsWith('cloudfront:') && a.endsWith('Invalidation'),
        );
        expect(actions.every((a) => a.startsWith('xray:')) || bucketDeployment, actions.join()).toBe(true);
      }
    }
  });

  it('gives no function role an AWS managed policy', () => {
    const functionRoles = [
      stack.api.publicFunction,
      stack.api.adminFunction!,
      stack.site.serverFunction,
      stack.site.pressFunction,
    ].map((f) => stack.getLogicalId(f.role.node.defaultChild as CfnElement));
    const roles = resourcesOf(template, 'AWS::IAM::Role');
    for (const id of functionRoles) expect(roles[id]?.Properties?.ManagedPolicyArns).toBeUndefined();
  });
});

describe('the house function', () => {
  const { template } = synthesised('production');
  const functions = () =>
    Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter((f) =>
      String((f.Properties as { Description?: string }).Description ?? '').match(/API|SvelteKit/),
    );

  it('runs every function on nodejs24.x with tracing, JSON logs, set memory and timeout', () => {
    expect(functions()).toHaveLength(4);
    for (const fn of functions()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
        Handler: 'index.handler',
      });
      expect(fn.Properties?.MemorySize).toBeGreaterThanOrEqual(256);
      expect(fn.Properties?.Timeout).toBeLessThanOrEqual(30);
    }
  });

  it('puts the API and page functions on Graviton and the PNG-rendering press function on x86_64', () => {
    const archOf = (description: RegExp) =>
      functions().find((f) => description.test(String(f.Properties?.Description)))?.Properties?.Architectures;
    expect(archOf(/Public read API/)).toEqual(['arm64']);
    expect(archOf(/Admin API/)).toEqual(['arm64']);
    expect(archOf(/SvelteKit server render/)).toEqual(['arm64']);
    expect(archOf(/SvelteKit press downloads/)).toEqual(['x86_64']);
  });

  it('keeps logs for a bounded time', () => {
    for (const group of Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'))) {
      expect(group.Properties?.RetentionInDays).toBe(365);
    }
  });
});
