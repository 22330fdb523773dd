import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The repository root: entry files, the lock file and the site build are found from here. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const stages = ['staging', 'production'] as const;
export type StageName = (typeof stages)[number];

export function parseStage(value: unknown): StageName {
  const name = value ?? 'staging';
  if (typeof name !== 'string' || !(stages as readonly string[]).includes(name)) {
    throw new Error(`Unknown stage "${String(name)}": use -c stage=${stages.join('|')}`);
  }
  return name as StageName;
}

/** What differs between environments. Everything else is the same code. */
export interface StageConfig {
  readonly name: StageName;
  /** Buckets, log groups and the user pool. The table is always retained. */
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
  /** How long CloudFront and S3 access logs are kept. */
  readonly accessLogExpiry: Duration;
  /** Steady-state and burst requests per second for the whole HTTP API stage. */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly adminThrottle: { readonly rateLimit: number; readonly burstLimit: number };
}

export function stageConfig(name: StageName): StageConfig {
  const production = name === 'production';
  return {
    name,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention: production ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    accessLogExpiry: Duration.days(production ? 365 : 30),
    apiThrottle: production ? { rateLimit: 200, burstLimit: 400 } : { rateLimit: 50, burstLimit: 100 },
    adminThrottle: { rateLimit: 10, burstLimit: 20 },
  };
}

/** Where the SvelteKit build leaves its static files (`npm run build`). */
export const defaultSiteAssetsPath = join(repoRoot, 'site', 'build', 'client');

export function assertSiteBuilt(path: string): void {
  if (!existsSync(join(path, '_app'))) {
    throw new Error(`No site build at ${path}: run \`npm run build\` before \`cdk synth\`.`);
  }
}
