/**
 * Lambda entry of the staff API (behind the HTTP API's Cognito JWT authorizer; checks the group
 * itself too), and of the scheduled publications: EventBridge Scheduler invokes it directly
 * with a schedule payload (never an HTTP event), which publishes the approved version.
 */
import type { Context } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { createDocumentClient, storeConfigFromEnv } from '../adapters/dynamo-client';
import { DynamoFiguresRepository } from '../adapters/dynamo-repository';
import { DynamoEmbargoRepository } from '../adapters/dynamo-embargo';
import { embargoSecretFromEnv } from '../core/embargo';
import { CloudFrontInvalidator, loggingInvalidator } from '../adapters/cloudfront-invalidator';
import { instrumented, observability } from '../adapters/observability';
import { bestEffort, loggingNotifier, SnsNotifier } from '../adapters/review-notifiers';
import { EventBridgeScheduler, storedScheduler } from '../adapters/review-schedulers';
import { createAdminApp, reviewDeps, type AdminDeps } from '../api/admin-app';
import { runSchedule } from '../api/admin-review';
import { authConfigFromEnv } from '../api/auth';
import { fromEdgeOnly } from '../api/edge-guard';
import { isSchedulePayload } from '../core/review-ports';

const config = storeConfigFromEnv();
const doc = createDocumentClient(config);
const repo = new DynamoFiguresRepository(doc, config.tableName);
// Embargo links need their signing key (infra/lib/embargo.ts); without it their routes answer 404.
const embargo = process.env.EMBARGO_SECRET
  ? { links: new DynamoEmbargoRepository(doc, config.tableName), secret: embargoSecretFromEnv() }
  : undefined;
const cdn = process.env.DISTRIBUTION_ID
  ? new CloudFrontInvalidator(process.env.DISTRIBUTION_ID)
  : loggingInvalidator;
/** This function's own ARN, unqualified: what its schedules invoke (known from the first invocation). */
let ownArn = '';
const { SCHEDULE_GROUP, SCHEDULER_ROLE_ARN, NOTIFY_TOPIC_ARN } = process.env;
const deps: AdminDeps = {
  repo,
  auth: authConfigFromEnv(),
  cdn,
  scheduler:
    SCHEDULE_GROUP && SCHEDULER_ROLE_ARN
      ? new EventBridgeScheduler({
          groupName: SCHEDULE_GROUP,
          roleArn: SCHEDULER_ROLE_ARN,
          targetArn: () => ownArn,
        })
      : storedScheduler,
  notifier: bestEffort(NOTIFY_TOPIC_ARN ? new SnsNotifier(NOTIFY_TOPIC_ARN) : loggingNotifier()),
  ...(embargo ? { embargo } : {}),
};
const http = fromEdgeOnly(handle(createAdminApp(deps)));
const audit = (line: Record<string, unknown>) => observability().logger.info('audit', line);

export const handler = instrumented(async (event: unknown, context: Context) => {
  // Lambda always names the invoked function; a harness (the bench's cold start) may not.
  if (context?.invokedFunctionArn) ownArn = context.invokedFunctionArn.split(':').slice(0, 7).join(':');
  if (isSchedulePayload(event)) return runSchedule(reviewDeps(deps), event, audit);
  return http(event as Parameters<typeof http>[0], context);
});
