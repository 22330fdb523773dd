import { describe, expect, it } from 'vitest';
import { metricsNamespace } from './house-function.js';
import { resourcesOf, synthesised } from './test-support.js';

interface AlarmProps {
  Namespace?: string;
  MetricName?: string;
  Statistic?: string;
  Threshold?: number;
  Dimensions?: { Name: string; Value: string }[];
  AlarmActions?: unknown[];
}

describe.each(['staging', 'production'] as const)('the stale-answers alarm (%s)', (stage) => {
  const { template } = synthesised(stage);

  it('fires on one page or embed answered from memory, on the metric the functions publish, and notifies the topic', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map(
      (r) => r.Properties as AlarmProps,
    );
    const stale = alarms.filter((a) => a.MetricName === 'StaleAnswers');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({
      Namespace: metricsNamespace,
      Statistic: 'Sum',
      Threshold: 1,
      Dimensions: [{ Name: 'service', Value: `cimade-en-chiffres-${stage}` }],
    });
    expect(stale[0]!.AlarmActions).toHaveLength(1);

    // The SvelteKit functions publish under that namespace and service (Powertools reads these).
    const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).map(
      (r) =>
        (r.Properties as { Environment?: { Variables?: Record<string, string> } }).Environment?.Variables ??
        {},
    );
    const ours = functions.filter((env) => 'TABLE_NAME' in env);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    for (const env of ours)
      expect(env).toMatchObject({
        POWERTOOLS_SERVICE_NAME: `cimade-en-chiffres-${stage}`,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
      });
  });
});
