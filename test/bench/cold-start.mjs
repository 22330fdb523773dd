// One cold start of a bundled Lambda handler, in a fresh Node process (run by bundles.ts):
// import the bundle, serve one request, print the timings as JSON. Plain JavaScript so that
// no loader sits between Node and the bundle being measured.
import { pathToFileURL } from 'node:url';

const [bundle, eventJson] = process.argv.slice(2);
const t0 = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
const response = await handler(JSON.parse(eventJson), { awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstRequestMs: t2 - t1, totalMs: t2 - t0, status: response?.statusCode }));
process.exit(0);
