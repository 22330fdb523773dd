/**
 * The review's AWS side: the schedule group, a scheduler role that may only invoke the admin
 * function, the admin function's least-privilege grants (its group's schedules, that role,
 * that topic), an encrypted topic with filtered e-mail subscriptions, and the env vars.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { counted, resourcesOf, synthesised, testStack } from './test-support.js';

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown; Effect: string };
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('the review (EventBridge Scheduler, SNS notices)', () => {
  const { stack, template } = synthesised('staging');
  const logicalId = (c: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(c.node.defaultChild as never);
  const adminRole = logicalId(stack.api.adminFunction!.role);
  const schedulerRole = logicalId(stack.review.schedulerRole);
  const policiesOf = (role: string): Statement[] =>
    Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties?.Roles).includes(role))
      .flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);

  it('keeps one schedule group for the stage', () => {
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', {
      Name: 'cimade-chiffres-staging-publications',
    });
  });

  it('lets the scheduler role only invoke the admin function, assumed by this account’s scheduler only', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': '111111111111' } }),
          }),
        ],
      },
    });
    const statements = policiesOf(schedulerRole);
    expect(statements.flatMap(actions)).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(statements[0]!.Resource)).toContain(logicalId(stack.api.adminFunction!.function));
  });

  it('lets the admin function manage only its own group’s schedules, pass only that role, publish only to the topic', () => {
    const statements = policiesOf(adminRole);
    const scheduler = statements.filter((s) => actions(s).some((a) => a.startsWith('scheduler:')));
    expect(scheduler.flatMap(actions).sort()).toEqual([
      'scheduler:CreateSchedule',
      'scheduler:DeleteSchedule',
      'scheduler:UpdateSchedule',
    ]);
    expect(JSON.stringify(scheduler[0]!.Resource)).toContain(
      ':schedule/cimade-chiffres-staging-publications/*',
    );
    const pass = statements.filter((s) => actions(s).includes('iam:PassRole'));
    expect(pass).toHaveLength(1);
    expect(JSON.stringify(pass[0]!.Resource)).toContain(schedulerRole);
    expect(pass[0]!.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
    });
    const publish = statements.filter((s) => actions(s).includes('sns:Publish'));
    expect(publish).toHaveLength(1);
    expect(JSON.stringify(publish[0]!.Resource)).toContain(logicalId(stack.review.topic));
    expect(
      statements.flatMap(actions).filter((a) => a.startsWith('iam:') || a === 'lambda:InvokeFunction'),
    ).toEqual(['iam:PassRole']);
  });

  it('encrypts the notices topic with a rotated key, and refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalId(stack.review.key), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: logicalId(stack.review.topic) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('gives the admin function the group, the role and the topic', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Admin API'),
      Environment: {
        Variables: Match.objectLike({
          SCHEDULE_GROUP: 'cimade-chiffres-staging-publications',
          SCHEDULER_ROLE_ARN: { 'Fn::GetAtt': [schedulerRole, 'Arn'] },
          NOTIFY_TOPIC_ARN: { Ref: logicalId(stack.review.topic) },
        }),
      },
    });
  });

  it('subscribes the stage’s addresses, each filtered on who the notice is for', () => {
    const withEmails = counted(
      Template.fromStack(
        testStack('staging', undefined, {
          reviewEmails: { publishers: ['relecture@example.org'], editors: ['redaction@example.org'] },
        }),
      ),
    );
    withEmails.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'relecture@example.org',
      FilterPolicy: { recipient: ['publishers', 'relecture@example.org'] },
    });
    withEmails.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'redaction@example.org',
      FilterPolicy: { recipient: ['redaction@example.org'] },
    });
    // None configured: no subscription to the notices topic (the alarm topic has its own).
    expect(
      Object.values(resourcesOf(template, 'AWS::SNS::Subscription')).filter((s) =>
        JSON.stringify(s.Properties?.TopicArn).includes(logicalId(stack.review.topic)),
      ),
    ).toEqual([]);
  });
});
