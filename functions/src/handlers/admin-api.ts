/** Lambda entry of the staff API (behind the HTTP API's Cognito JWT authorizer; checks the group itself too). */
import { handle } from 'hono/aws-lambda';
import { createDocumentClient, storeConfigFromEnv } from '../adapters/dynamo-client';
import { DynamoFiguresRepository } from '../adapters/dynamo-repository';
import { CloudFrontInvalidator, loggingInvalidator } from '../adapters/cloudfront-invalidator';
import { instrumented } from '../adapters/observability';
import { createAdminApp } from '../api/admin-app';
import { authConfigFromEnv } from '../api/auth';
import { fromEdgeOnly } from '../api/edge-guard';

const config = storeConfigFromEnv();
const repo = new DynamoFiguresRepository(createDocumentClient(config), config.tableName);
const cdn = process.env.DISTRIBUTION_ID
  ? new CloudFrontInvalidator(process.env.DISTRIBUTION_ID)
  : loggingInvalidator;

export const handler = instrumented(
  fromEdgeOnly(handle(createAdminApp({ repo, auth: authConfigFromEnv(), cdn }))),
);
