/**
 * Unpacks Amazon's DynamoDB Local (the jar and its native libraries) from the npm package
 * that ships it, without installing that package's ~280 dependencies. Idempotent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DYNAMODB_LOCAL_DIR, dynamoDbLocalAvailable } from './stores';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';

if (dynamoDbLocalAvailable()) {
  console.log(`DynamoDB Local: already in ${DYNAMODB_LOCAL_DIR}`);
} else {
  const work = mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
  execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/emulator']);
  mkdirSync(dirname(DYNAMODB_LOCAL_DIR), { recursive: true });
  rmSync(DYNAMODB_LOCAL_DIR, { recursive: true, force: true });
  renameSync(join(work, 'package/emulator'), DYNAMODB_LOCAL_DIR);
  rmSync(work, { recursive: true, force: true });
  if (!existsSync(join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal.jar'))) throw new Error('DynamoDBLocal.jar missing after unpacking');
  console.log(`DynamoDB Local: unpacked ${PACKAGE} into ${DYNAMODB_LOCAL_DIR}`);
}
try {
  execFileSync('java', ['-version'], { stdio: 'ignore' });
} catch {
  console.error('DynamoDB Local needs Java 17+: `apt-get install -y default-jre-headless` (Debian) — .ci/run does this.');
  process.exitCode = 1;
}
