/**
 * Logs, traces and metrics through Powertools for AWS Lambda: a Logger (structured JSON, with
 * the request id and cold start of the invocation), a Tracer (X-Ray: the invocation and every
 * DynamoDB call) and Metrics (CloudWatch embedded metric format, flushed after each invocation).
 * Off Lambda the Tracer is off by itself and the logs are the same JSON lines.
 *
 * One set per process, kept on `globalThis`: the SvelteKit functions carry this module twice
 * (once built into the site's server by Vite, once in the Lambda entry by esbuild), and both
 * copies must log with the invocation's context and flush the same metrics.
 */
import type { Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** The CloudWatch namespace of the application's metrics (infra/lib/monitoring.ts alarms on them). */
export const METRICS_NAMESPACE = 'CimadeEnChiffres';

/** What the application counts. */
export const AppMetric = {
  /** A year published by staff. */
  Publications: 'Publications',
  /** An import applied (not a dry run). */
  Imports: 'Imports',
  /** A page or embed answered from memory because the store failed or was slow. */
  StaleAnswers: 'StaleAnswers',
  /** A publication after which the CDN could not be told: readers may see old figures for a day. */
  CdnInvalidationFailures: 'CdnInvalidationFailures',
} as const;
export type AppMetric = (typeof AppMetric)[keyof typeof AppMetric];

export interface Observability {
  logger: Logger;
  tracer: Tracer;
  metrics: Metrics;
  /** Counts one occurrence (or `n`) of an application metric, published at the end of the invocation. */
  count(metric: AppMetric, n?: number): void;
}

const KEY = Symbol.for('cimade-en-chiffres.observability');

function create(): Observability {
  // POWERTOOLS_SERVICE_NAME and POWERTOOLS_METRICS_NAMESPACE are set per stage by the CDK app.
  const serviceName = process.env.POWERTOOLS_SERVICE_NAME || 'cimade-en-chiffres';
  const logger = new Logger({ serviceName });
  const tracer = new Tracer({ serviceName });
  const metrics = new Metrics({
    serviceName,
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
    logger,
  });
  return {
    logger,
    tracer,
    metrics,
    count: (metric, n = 1) => metrics.addMetric(metric, MetricUnit.Count, n),
  };
}

export function observability(): Observability {
  const holder = globalThis as { [KEY]?: Observability };
  return (holder[KEY] ??= create());
}

/** Whether a subsegment still counts open children (the X-Ray SDK's own bookkeeping). */
const isOpen = (subsegment: object): boolean => ((subsegment as { counter?: number }).counter ?? 0) > 0;

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

/**
 * A Lambda handler with the invocation's context in every log line, a `## handler` subsegment
 * annotated with the cold start, and the metrics it counted flushed when it returns (Powertools'
 * manual instrumentation; no middleware engine).
 */
export function instrumented<E, R>(handler: Handler<E, R>): Handler<E, R> {
  const { logger, tracer, metrics } = observability();
  return async (event, context) => {
    logger.addContext(context);
    const segment = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
    const subsegment = segment?.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
    if (segment && subsegment) {
      tracer.setSegment(subsegment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
    }
    try {
      return await handler(event, context);
    } catch (error) {
      if (subsegment) tracer.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      if (segment && subsegment) {
        subsegment.close();
        // The X-Ray SDK sends a closed subsegment only once its children are closed; a call
        // still in flight when the answer is ready (the SDK finishing a response, a read that
        // lost a race) would keep the invocation's subsegment from ever leaving: send it now.
        if (isOpen(subsegment)) subsegment.flush();
        tracer.setSegment(segment);
      }
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
