/**
 * functions/src/adapters/observability.ts without Powertools: console lines, no traces, no
 * metrics. Only for the bench, which bundles the public API with it to print what Powertools
 * costs a cold start (`test/bench/bundles.ts` swaps it in). Never shipped.
 */
import type { Context } from 'aws-lambda';

export const METRICS_NAMESPACE = 'CimadeEnChiffres';
export const AppMetric = {
  Publications: 'Publications',
  Imports: 'Imports',
  StaleAnswers: 'StaleAnswers',
} as const;

const log = (level: string) => (message: string, extra?: Record<string, unknown>) =>
  console.log(JSON.stringify({ level, message, ...extra }));
const logger = { info: log('INFO'), warn: log('WARN'), error: log('ERROR'), addContext: () => {} };
const tracer = { captureAWSv3Client: <T>(client: T) => client };
const observabilitySet = { logger, tracer, metrics: {}, count: () => {} };

export const observability = () => observabilitySet;

export const instrumented =
  <E, R>(handler: (event: E, context: Context) => Promise<R>) =>
  (event: E, context: Context) =>
    handler(event, context);
