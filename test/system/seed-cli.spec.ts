/**
 * `npm run seed` as a developer runs it against a real account: credentials from a named
 * profile (`AWS_PROFILE`) through the SDK's default chain, here a `credential_process` in a
 * config file of its own, and no key in the environment. Only the endpoint differs from AWS:
 * Amazon's DynamoDB Local, which keeps tables per access key, so the table is found under the
 * key the process handed out, and only there.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbLocalAvailable, startDynamoDbLocal, type RunningStore } from '../../functions/local/stores';
import { readSeedYears } from '../../functions/local/seed';
import { ROOT } from '../support/bundle';

const run = promisify(execFile);

/** The environment of the test run without any AWS setting that would bypass the profile. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^AWS_/.test(key) && key !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED') delete env[key];
  delete env.DYNAMODB_ENDPOINT;
  return env;
}

describe.skipIf(!dynamoDbLocalAvailable())('npm run seed with AWS_PROFILE (credential_process)', () => {
  let store: RunningStore;
  let dir: string;
  beforeAll(async () => {
    store = await startDynamoDbLocal();
    dir = mkdtempSync(join(tmpdir(), 'seed-profile-'));
  });
  afterAll(async () => {
    await store?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads data/ into the table with the keys the profile gave, as on a real account', async () => {
    const marker = join(dir, 'credential-process-ran');
    const script = join(dir, 'credentials.sh');
    writeFileSync(
      script,
      `#!/bin/sh\necho ran >> '${marker}'\necho '{"Version":1,"AccessKeyId":"AKIDPROFILE","SecretAccessKey":"profile-secret","SessionToken":"profile-token"}'\n`,
    );
    chmodSync(script, 0o755);
    const config = join(dir, 'config');
    writeFileSync(config, `[profile cimade-seed]\ncredential_process = ${script}\nregion = eu-west-3\n`);

    const env = {
      ...cleanEnv(),
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_PROFILE: 'cimade-seed',
      AWS_REGION: 'eu-west-3',
      TABLE_NAME: 'cimade-figures',
      DYNAMODB_ENDPOINT: store.endpoint,
    };
    const { stdout } = await run('npm', ['run', '--silent', 'seed'], { cwd: ROOT, env, timeout: 120_000 });
    const expected = readSeedYears().map((y) => y.year);
    expect(stdout).toContain(`seed: ${expected.length} year(s) published`);
    expect(existsSync(marker) && readFileSync(marker, 'utf8')).toMatch(/ran/);

    // Read back with the profile's key: every year of data/ is published.
    const asProfile = new DynamoDBClient({
      region: 'eu-west-3',
      endpoint: store.endpoint,
      credentials: { accessKeyId: 'AKIDPROFILE', secretAccessKey: 'x' },
    });
    const published = await asProfile.send(
      new QueryCommand({
        TableName: 'cimade-figures',
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': { S: 'PUBLISHED' } },
      }),
    );
    expect(published.Items?.map((i) => Number(i.year?.N)).sort()).toEqual([...expected].sort());
    // Not with the local dummy key: the seed did not fall back to it.
    const asLocal = new DynamoDBClient({
      region: 'eu-west-3',
      endpoint: store.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    expect((await asLocal.send(new ListTablesCommand({}))).TableNames).not.toContain('cimade-figures');

    // A second run, as the deploy guide allows: idempotent.
    const again = await run('npm', ['run', '--silent', 'seed'], { cwd: ROOT, env, timeout: 120_000 });
    expect(again.stdout).toMatch(/seed: 0 year\(s\) published/);
  });
});
