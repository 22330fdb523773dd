/**
 * The site and the public API on one origin, as `npm start` serves them, but against the
 * store at DYNAMODB_ENDPOINT (DynamoDB Local for the bench and the outage tests). Run as a
 * child process by `system.ts`; prints `ready <origin>` once it listens on PORT.
 */
import { createDocumentClient, storeConfigFromEnv } from '../../functions/src/adapters/dynamo-client';
import { DynamoFiguresRepository } from '../../functions/src/adapters/dynamo-repository';
import { createLocalApp, listen, loadKitServer } from '../../functions/local/server';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const port = Number(process.env.PORT);
const origin = `http://127.0.0.1:${port}`;
process.env.ORIGIN ??= origin;

const config = storeConfigFromEnv();
// The API reads the store directly: an outage is a 503 with Retry-After, never stale JSON.
const repo = new DynamoFiguresRepository(createDocumentClient(config), config.tableName);
const server = await listen(createLocalApp({ repo, kit: await loadKitServer(process.env) }), port);
console.log(`ready ${origin}`);

process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
