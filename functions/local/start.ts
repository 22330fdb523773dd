/**
 * `npm start`: the whole system on one machine, nothing else to install. An embedded
 * DynamoDB-compatible store (dynalite, on disk in .data/), seeded from data/ on first start;
 * the public API and the SvelteKit site on one origin. Honours PORT, HOST and DATA_DIR.
 */
import { resolve } from 'node:path';
import { createDocumentClient } from '../src/adapters/dynamo-client';
import { DynamoFiguresRepository } from '../src/adapters/dynamo-repository';
import { ensureTable } from '../src/adapters/dynamo-table';
import { loggingInvalidator } from '../src/adapters/cloudfront-invalidator';
import { authConfigFromEnv } from '../src/api/auth';
import { createIssuerApp, LOCAL_AUDIENCE, LOCAL_ISSUER, loadSigningKey } from './issuer';
import { describeSeed, seed } from './seed';
import { loadEmbargoSecret } from './embargo-secret';
import { DynamoEmbargoRepository } from '../src/adapters/dynamo-embargo';
import { embargoSecretFromEnv } from '../src/core/embargo';
import { createPressPool, pressThreads } from './press-pool';
import { createLocalApp, listen, loadKitServer, startScheduleTimer } from './server';
import { startDynalite } from './stores';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // Lambda runs Node 22+; this warns about local Node 20.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const tableName = process.env.TABLE_NAME ?? 'cimade-figures';

const store = await startDynalite({ path: resolve(dataDir, 'dynamodb') });
const config = { tableName, endpoint: store.endpoint, region: 'eu-west-3' };
const origin = process.env.ORIGIN ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
Object.assign(process.env, {
  TABLE_NAME: tableName,
  DYNAMODB_ENDPOINT: store.endpoint,
  AWS_REGION: 'eu-west-3',
  ORIGIN: origin,
  // Staff sign-in: the local issuer stands in for Cognito; the admin API verifies its tokens
  // through its JWKS URL exactly as it verifies Cognito's on AWS.
  AUTH_ISSUER: LOCAL_ISSUER,
  AUTH_AUDIENCE: LOCAL_AUDIENCE,
  AUTH_JWKS_URL: `${origin}/auth/.well-known/jwks.json`,
  AUTH_AUTHORIZE_URL: `${origin}/auth/authorize`,
  AUTH_TOKEN_URL: `${origin}/auth/token`,
  AUTH_CLIENT_ID: LOCAL_AUDIENCE,
});
const signingKey = await loadSigningKey(resolve(dataDir, 'auth'));
// Embargo links are signed by the admin API and checked by the site: both read EMBARGO_SECRET.
process.env.EMBARGO_SECRET ??= await loadEmbargoSecret(resolve(dataDir, 'auth'));

const repo = new DynamoFiguresRepository(createDocumentClient(config), tableName);
if ((await ensureTable(config)) === 'created') {
  console.log(`store: created table ${tableName} in ${dataDir}`);
  console.log(describeSeed(await seed(repo)));
} else {
  console.log(
    `store: using ${dataDir} (${(await repo.listPublished()).length} published years; delete the folder to start afresh)`,
  );
}

// CLOCK_AT (an ISO instant) starts the clock that staff writes record at that instant, running
// on from there: tests pin it so that what they read back does not depend on today's date.
const clockAt = process.env.CLOCK_AT ? Date.parse(process.env.CLOCK_AT) : NaN;
if (process.env.CLOCK_AT && Number.isNaN(clockAt))
  throw new Error(`CLOCK_AT is not an ISO date: ${process.env.CLOCK_AT}`);
const clockOffset = Number.isNaN(clockAt) ? 0 : clockAt - Date.now();
const clock = () => new Date(Date.now() + clockOffset);

// Downloads draw on worker threads, so that a burst of PNGs does not stall the pages.
const threads = pressThreads(process.env.PRESS_THREADS);
const press = threads > 0 ? createPressPool(threads) : undefined;
const app = createLocalApp({
  repo,
  origin,
  ...(press ? { press } : {}),
  kit: await loadKitServer(process.env),
  staff: {
    auth: authConfigFromEnv(),
    cdn: loggingInvalidator,
    issuer: createIssuerApp(signingKey, origin),
    clock,
    embargo: {
      links: new DynamoEmbargoRepository(createDocumentClient(config), tableName),
      secret: embargoSecretFromEnv(),
    },
  },
});
const server = await listen(app, port, host);
// Scheduled publications: a short timer reads the scheduled drafts (EventBridge Scheduler on AWS).
const schedules = startScheduleTimer({ repo, cdn: loggingInvalidator, clock });
console.log(`La Cimade en chiffres: ${process.env.ORIGIN}/  (API: ${process.env.ORIGIN}/api/v1/years)`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  schedules.stop();
  server.close();
  await press?.close();
  await store.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
