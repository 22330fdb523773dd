/**
 * One Lambda function as the runtime holds it: its bundle imported once (a cold start), then
 * one event per line on stdin, each answer as one line on stdout. Run under Node 24, the
 * runtime of the functions (nodejs24.x), by test/edge/edge.ts.
 */
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, handlerSpec] = process.argv.slice(2);
const [file, name] = handlerSpec.split('.');
const { existsSync } = await import('node:fs');
const esm = join(dir, `${file}.mjs`);
const mod = existsSync(esm)
  ? await import(pathToFileURL(esm).href)
  : createRequire(import.meta.url)(join(dir, `${file}.js`));
const handler = mod[name];
// Functions log to stdout too: protocol lines carry a prefix of their own.
const write = (value) => process.stdout.write(`@@edge ${JSON.stringify(value)}\n`);
write({ ready: process.version });

for await (const line of createInterface({ input: process.stdin })) {
  const { id, event } = JSON.parse(line);
  try {
    write({
      id,
      result: await handler(event, {
        awsRequestId: `req-${id}`,
        functionName: file,
        getRemainingTimeInMillis: () => 10_000,
      }),
    });
  } catch (error) {
    write({ id, error: String(error?.stack ?? error) });
  }
}
