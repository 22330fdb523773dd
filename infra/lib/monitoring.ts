import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { metricsNamespace, type HouseFunction } from './house-function.js';

export interface MonitoringProps {
  readonly functions: Record<string, HouseFunction>;
  readonly api: IHttpApi;
  readonly table: ITable;
  /** The `service` dimension of the functions' own metrics (`serviceName(stage)`). */
  readonly serviceName: string;
  /** Who is told when an alarm fires; confirm the subscription email once. */
  readonly alarmEmail?: string;
}

const tableOperations = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
];

/**
 * A table metric summed over the operations this app uses. DynamoDB publishes a data point
 * only for a period with such an event, and `m1 + m2` has no value where any term has none:
 * without FILL, one missing operation would keep the sum, and the alarm, silent.
 */
export function tableSum(table: ITable, metricName: 'SystemErrors' | 'ThrottledRequests'): MathExpression {
  const usingMetrics = Object.fromEntries(
    tableOperations.map((operation) => [
      operation.toLowerCase(),
      table.metric(metricName, {
        dimensionsMap: { TableName: table.tableName, Operation: operation },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
    ]),
  );
  return new MathExpression({
    expression: Object.keys(usingMetrics)
      .map((id) => `FILL(${id}, 0)`)
      .join(' + '),
    usingMetrics,
    label: `${metricName}, all operations`,
    period: Duration.minutes(5),
  });
}

/**
 * Alarms on what users would notice — failing or throttled functions, API 5xx, table errors
 * and throttles — to one SNS topic. Five-minute sums; a single failure is worth a look here.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', { displayName: 'La Cimade en chiffres alarms', enforceSSL: true });
    // enforceSSL writes a topic policy with its Deny only; a topic policy replaces the default
    // one, so without this statement CloudWatch could not publish and no alarm would notify.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notices carry metric names, no personal data; CloudWatch cannot publish to a topic under the AWS managed key, and a customer key costs $1/month for nothing to protect.',
    });
    if (props.alarmEmail) {
      const subscription = new EmailSubscription(props.alarmEmail);
      this.topic.addSubscription(subscription);
      Validations.of(this.topic).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'An email subscription: the alarm itself stays visible in CloudWatch if a notice bounces, so a dead-letter queue adds nothing.',
      });
    }

    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, fn.function.metricErrors(), 1, `${name} function threw or timed out`);
      this.alarm(`${name}Throttles`, fn.function.metricThrottles(), 1, `${name} function was throttled`);
    }
    this.alarm('Api5xx', props.api.metricServerError(), 5, 'HTTP API answered 5xx');
    this.alarm(
      'TableSystemErrors',
      tableSum(props.table, 'SystemErrors'),
      1,
      'DynamoDB returned internal errors',
    );
    this.alarm(
      'TableThrottles',
      tableSum(props.table, 'ThrottledRequests'),
      1,
      'DynamoDB throttled requests',
    );
    // Counted by the SvelteKit functions (Powertools Metrics) for each page or embed answered
    // from memory because the store failed or was slow: readers saw « may be out of date ».
    this.alarm(
      'StaleAnswers',
      this.appMetric('StaleAnswers', props.serviceName),
      1,
      'pages or embeds were answered from memory: the figures store failed or was slow',
    );
    // Counted by the admin function when a publication could not invalidate the CDN: readers may
    // see the previous figures for a day (s-maxage) unless someone invalidates `/*` by hand.
    this.alarm(
      'CdnInvalidationFailures',
      this.appMetric('CdnInvalidationFailures', props.serviceName),
      1,
      'a publication could not invalidate the CDN: invalidate /* by hand (readers may see old figures for a day)',
    );
  }

  /** A metric the functions count (Powertools Metrics), summed over five minutes. */
  private appMetric(metricName: string, service: string): Metric {
    return new Metric({
      namespace: metricsNamespace,
      metricName,
      dimensionsMap: { service },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
