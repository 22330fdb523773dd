/**
 * The site and the public API on one origin, as `npm start` serves them (gzipped, as CloudFront
 * would), but against the store at DYNAMODB_ENDPOINT (DynamoDB Local for the bench and the
 * outage tests). Run as a child process by `system.ts`; prints `ready <origin>` once it listens.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createDocumentClient, storeConfigFromEnv } from '../../functions/src/adapters/dynamo-client';
import { DynamoFiguresRepository } from '../../functions/src/adapters/dynamo-repository';
import { createPressPool, pressThreads } from '../../functions/local/press-pool';
import { createLocalApp, listen, loadKitServer } from '../../functions/local/server';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const port = Number(process.env.PORT);
const origin = `http://127.0.0.1:${port}`;
process.env.ORIGIN ??= origin;

const config = storeConfigFromEnv();
// The API reads the store directly: an outage is a 503 with Retry-After, never stale JSON.
const repo = new DynamoFiguresRepository(createDocumentClient(config), config.tableName);
// As `npm start`: downloads draw on the press pool, unless PRESS_THREADS=0 (the bench compares both).
const threads = pressThreads(process.env.PRESS_THREADS);
const press = threads > 0 ? createPressPool(threads) : undefined;
const app = createLocalApp({
  repo,
  origin: process.env.ORIGIN,
  kit: await loadKitServer(process.env),
  ...(press ? { press } : {}),
});
// CloudFront compresses what it serves (infra/lib/site.ts): a browser here should get what a phone gets.
// autocannon asks for no encoding, so the load runs measure the origin alone.
const edge = new Hono();
edge.use(compress());
// The latency reference: the same server, edge and connection, none of the application.
edge.get('/__bench/trivial', (c) => c.text('ok'));
edge.all('*', (c) => app.fetch(c.req.raw));
const server = await listen(edge, port);
console.log(`ready ${origin}`);

process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
