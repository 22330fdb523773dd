import { describe, expect, it } from 'vitest';
import type { AppMetric } from '../../functions/src/adapters/observability.js';
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

describe.each(['staging', 'production'] as const)('the application-metric alarms (%s)', (stage) => {
  const { template } = synthesised(stage);

  it('fire on one stale answer or one CDN left uninvalidated, on the metrics the functions publish, and notify the topic', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map(
      (r) => r.Properties as AlarmProps,
    );
    // Both metrics the functions count for people to act on (observability.ts's AppMetric).
    for (const metric of ['StaleAnswers', 'CdnInvalidationFailures'] satisfies AppMetric[]) {
      const found = alarms.filter((a) => a.MetricName === metric);
      expect(found, metric).toHaveLength(1);
      expect(found[0]).toMatchObject({
        Namespace: metricsNamespace,
        Statistic: 'Sum',
        Threshold: 1,
        Dimensions: [{ Name: 'service', Value: `cimade-en-chiffres-${stage}` }],
      });
      expect(found[0]!.AlarmActions).toHaveLength(1);
    }

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
