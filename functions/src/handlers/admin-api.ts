/** Lambda entry of the staff API (behind the HTTP API's Cognito JWT authorizer; checks the group itself too). */
import { handle } from 'hono/aws-lambda';
import { createDocumentClient, storeConfigFromEnv } from '../adapters/dynamo-client';
import { DynamoFiguresRepository } from '../adapters/dynamo-repository';
import { DynamoEmbargoRepository } from '../adapters/dynamo-embargo';
import { embargoSecretFromEnv } from '../core/embargo';
import { CloudFrontInvalidator, loggingInvalidator } from '../adapters/cloudfront-invalidator';
import { instrumented } from '../adapters/observability';
import { createAdminApp } from '../api/admin-app';
import { authConfigFromEnv } from '../api/auth';
import { fromEdgeOnly } from '../api/edge-guard';

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

export const handler = instrumented(
  fromEdgeOnly(
    handle(createAdminApp({ repo, auth: authConfigFromEnv(), cdn, ...(embargo ? { embargo } : {}) })),
  ),
);
