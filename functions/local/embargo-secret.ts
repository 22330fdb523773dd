/**
 * The local signing key of embargo links: generated once into the data folder (like the local
 * issuer's key), so that links survive a restart; delete the file to void every link at once.
 * On AWS, Secrets Manager generates it (infra/lib/embargo.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadEmbargoSecret(dir: string): Promise<string> {
  const file = join(dir, 'embargo-secret');
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    if (secret.length >= 32) return secret;
  } catch {
    // not there yet: made below
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dir, { recursive: true });
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}
