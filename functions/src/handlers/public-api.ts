/** Lambda entry of the public read API (API Gateway HTTP API, payload v2). */
import { handle } from 'hono/aws-lambda';
import { createPublicApp } from '../api/public-app';
import { createDocumentClient, storeConfigFromEnv } from '../adapters/dynamo-client';
import { DynamoFiguresRepository } from '../adapters/dynamo-repository';
import { instrumented } from '../adapters/observability';
import { publishedCache } from '../core/published-cache';
import { fromEdgeOnly } from '../api/edge-guard';

const config = storeConfigFromEnv();
const repo = new DynamoFiguresRepository(createDocumentClient(config), config.tableName);

// Reads one small stamp item per request, and every year again only after a publication.
export const handler = instrumented(
  fromEdgeOnly(
    handle(createPublicApp({ repo: publishedCache(repo), catalogue: repo.catalogueRepository() })),
  ),
);
