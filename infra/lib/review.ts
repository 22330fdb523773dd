/**
 * The review's AWS side (issue #16): an EventBridge Scheduler group for the one-time
 * publication schedules, the role the scheduler assumes to invoke the admin function (that
 * function only), and an encrypted SNS topic that tells staff of review steps — e-mail
 * subscriptions from the stage's settings, each filtered on the `recipient` attribute the
 * admin function sets (`publishers`, or a person's address). The admin function may create,
 * update and delete schedules in its own group only, pass that role only, publish to that topic.
 */
import { ArnFormat, Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageConfig } from './config.js';
import type { HouseFunction } from './house-function.js';
import { acknowledgeWildcards } from './nag.js';

const defaultPolicy = (role: Role): CfnResource =>
  role.node.findChild('DefaultPolicy').node.defaultChild as CfnResource;

export interface ReviewProps {
  readonly stage: StageConfig;
  /** The admin API function: it runs the review's routes and the scheduled publications. */
  readonly adminFunction: HouseFunction;
  /** Told when a draft awaits review, and of their own drafts' fate. @default none */
  readonly publisherEmails?: readonly string[];
  /** Told of their own drafts' fate (published, sent back). @default none */
  readonly editorEmails?: readonly string[];
}

export class Review extends Construct {
  readonly scheduleGroup: CfnScheduleGroup;
  readonly schedulerRole: Role;
  readonly topic: Topic;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: ReviewProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const fn = props.adminFunction.function;

    this.scheduleGroup = new CfnScheduleGroup(this, 'Publications', {
      name: `cimade-chiffres-${props.stage.name}-publications`,
    });
    const groupName = this.scheduleGroup.name!;

    // The scheduler may invoke the admin function, nothing else, and only for this account's group.
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': this.scheduleArn(groupName) },
        },
      }),
      description: 'EventBridge Scheduler: invokes the admin function for a scheduled publication',
    });
    this.schedulerRole.addToPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [fn.functionArn, `${fn.functionArn}:*`],
      }),
    );

    const role = props.adminFunction.role;
    role.addToPolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [this.scheduleArn(groupName)],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.schedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );

    // Notices name staff and quote their comments: encrypted with a key of our own, rotated.
    this.key = new Key(this, 'NoticesKey', {
      enableKeyRotation: true,
      description: 'Encrypts the review notices topic',
      removalPolicy: props.stage.removalPolicy,
    });
    this.topic = new Topic(this, 'Notices', {
      displayName: 'La Cimade en chiffres – relecture',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.topic.grantPublish(fn);
    this.key.grant(fn, 'kms:GenerateDataKey*', 'kms:Decrypt');

    const subscribe = (email: string, recipients: string[]) =>
      this.topic.addSubscription(
        new EmailSubscription(email, {
          filterPolicy: { recipient: SubscriptionFilter.stringFilter({ allowlist: recipients }) },
        }),
      );
    for (const email of props.publisherEmails ?? []) subscribe(email, ['publishers', email]);
    for (const email of props.editorEmails ?? []) subscribe(email, [email]);
    if ((props.publisherEmails?.length ?? 0) + (props.editorEmails?.length ?? 0) > 0)
      Validations.of(this.topic).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'E-mail subscriptions: every step stays in the year’s history in the admin if a notice bounces, so a dead-letter queue adds nothing.',
      });

    acknowledgeWildcards(
      defaultPolicy(this.schedulerRole),
      [/^Resource::<.*AdminApiFunction.*\.Arn>:\*$/],
      'The one admin function, any of its versions: the schedule invokes this function only.',
    );
    acknowledgeWildcards(
      defaultPolicy(role),
      [/^Resource::arn:.*:scheduler:.*:schedule\/cimade-chiffres-[a-z]+-publications\/\*$/],
      'The schedules of this stack’s own group, one per year, named when staff approve a year.',
    );
    acknowledgeWildcards(
      defaultPolicy(role),
      ['Action::kms:GenerateDataKey*'],
      'What SNS needs of the notices key to publish encrypted (GenerateDataKey and its WithoutPlaintext form), on that key only.',
    );

    props.adminFunction.function.addEnvironment('SCHEDULE_GROUP', groupName);
    props.adminFunction.function.addEnvironment('SCHEDULER_ROLE_ARN', this.schedulerRole.roleArn);
    props.adminFunction.function.addEnvironment('NOTIFY_TOPIC_ARN', this.topic.topicArn);
  }

  /** Every schedule of the group: `arn:aws:scheduler:<region>:<account>:schedule/<group>/*`. */
  private scheduleArn(groupName: string): string {
    return Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${groupName}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }
}
