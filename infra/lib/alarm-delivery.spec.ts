import { describe, expect, it } from 'vitest';
import { stages } from './config.js';
import { resourcesOf, synthesised } from './test-support.js';

interface Statement {
  Effect: string;
  Principal?: { Service?: string } | string;
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

describe.each(stages)('alarms reach a human (%s)', (stage) => {
  const { stack, template } = synthesised(stage);
  const topicId = stack.getLogicalId(stack.monitoring.topic.node.defaultChild as never);
  const statements = () => {
    const policies = Object.values(resourcesOf(template, 'AWS::SNS::TopicPolicy')).filter((p) =>
      JSON.stringify(p.Properties?.Topics).includes(topicId),
    );
    return policies.flatMap((p) => (p.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
  };

  it('lets CloudWatch alarms of this account publish to the topic, and only them', () => {
    const allow = statements().filter((s) => s.Effect === 'Allow');
    expect(allow).toHaveLength(1);
    expect(allow[0]).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
    });
    expect(allow[0]?.Condition?.StringEquals).toEqual({ 'aws:SourceAccount': '111111111111' });
    expect(JSON.stringify(allow[0]?.Condition?.ArnLike?.['aws:SourceArn'])).toMatch(
      /arn:.*:cloudwatch:eu-west-3:111111111111:alarm:\*/,
    );
  });

  it('still refuses publication without TLS', () => {
    const deny = statements().filter((s) => s.Effect === 'Deny');
    expect(deny).toHaveLength(1);
    expect(deny[0]?.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
  });

  it('sends every alarm, and its recovery, to that topic', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties?.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties?.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it('fills the missing data points of every table operation with 0 before summing them', () => {
    const tableAlarms = Object.entries(resourcesOf(template, 'AWS::CloudWatch::Alarm')).filter(([id]) =>
      id.includes('Table'),
    );
    expect(tableAlarms.map(([id]) => id.replace(/[A-F0-9]{8}$/, '')).sort()).toEqual([
      'MonitoringTableSystemErrors',
      'MonitoringTableThrottles',
    ]);
    for (const [, alarm] of tableAlarms) {
      const metrics = alarm.Properties?.Metrics as {
        Id: string;
        Expression?: string;
        ReturnData?: boolean;
        MetricStat?: unknown;
      }[];
      const expression = metrics.find((m) => m.Expression)?.Expression ?? '';
      const inputs = metrics.filter((m) => m.MetricStat).map((m) => m.Id);
      expect(inputs.length).toBe(7);
      expect(expression.split(' + ').sort()).toEqual(inputs.map((id) => `FILL(${id}, 0)`).sort());
    }
  });

  it("subscribes the stage's alarm e-mail", () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'alertes@example.org',
      TopicArn: { Ref: topicId },
    });
  });
});
