// One cold start of a bundled Lambda handler, in a fresh Node process (run by bundles.ts):
// import the bundle, serve one request, print the timings as JSON. Plain JavaScript so that
// no loader sits between Node and the bundle being measured. Loaded as the Lambda Node.js
// runtime loads a handler (aws-lambda-nodejs-runtime-interface-client, UserFunction.js):
// `require` for CommonJS, `import()` for an ES module. (Importing CommonJS through the ES module
// loader would add a pass of cjs-module-lexer over the bundle that Lambda never pays.)
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundle, eventJson] = process.argv.slice(2);
const t0 = performance.now();
const { handler } = bundle.endsWith('.cjs')
  ? createRequire(import.meta.url)(resolve(bundle))
  : await import(pathToFileURL(bundle).href);
const t1 = performance.now();
const response = await handler(JSON.parse(eventJson), {
  awsRequestId: 'bench',
  getRemainingTimeInMillis: () => 10_000,
});
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    importMs: t1 - t0,
    firstRequestMs: t2 - t1,
    totalMs: t2 - t0,
    status: response?.statusCode,
  }),
);
process.exit(0);
