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

/** Where every stage deploys: Paris, as the README bootstraps, seeds and documents. */
export const defaultRegion = 'eu-west-3';

/**
 * What a stage is deployed with, kept in cdk.json (`stages.<stage>`) and so in git: every
 * deploy of a stage is the same, and no forgotten `-c` flag drops a subscription, the custom
 * domain or the sign-in's callback URLs.
 */
export interface StageSettings {
  /** Subscribed to the alarm topic. Required in production. */
  readonly alarmEmail?: string;
  /** Both or neither; the certificate lives in us-east-1, where CloudFront reads it. */
  readonly domainName?: string;
  readonly certificateArn?: string;
  /** @default `cimade-chiffres-<stage>` */
  readonly authDomainPrefix?: string;
  /** Review notices (issue #16), comma-separated addresses: told when a draft awaits review. */
  readonly reviewPublisherEmails?: string;
  /** Review notices, comma-separated: told when their draft is published or sent back. */
  readonly reviewEditorEmails?: string;
}

/** The context keys that used to be `-c` flags and now live in cdk.json only. */
export const settingKeys = [
  'alarmEmail',
  'domainName',
  'certificateArn',
  'authDomainPrefix',
  'reviewPublisherEmails',
  'reviewEditorEmails',
] as const;

/** A comma-separated list of addresses as a list ('' → none). */
export const emailList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);

const certificatePattern = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The settings of `stage` from the app's context (cdk.json's `stages`), every problem reported
 * at once. Empty strings count as absent, so cdk.json can show the keys to fill in.
 */
export function stageSettings(stage: StageName, stagesContext: unknown): StageSettings {
  const problems: string[] = [];
  const where = `cdk.json context "stages"."${stage}"`;
  const raw = (stagesContext as Record<string, unknown> | undefined)?.[stage] ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${where} must be an object`);
  const entries = raw as Record<string, unknown>;
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (!(settingKeys as readonly string[]).includes(key))
      problems.push(`${where}.${key} is not a setting (${settingKeys.join(', ')})`);
    else if (typeof value !== 'string') problems.push(`${where}.${key} must be a string`);
    else if (value.trim() !== '') settings[key] = value.trim();
  }
  const { alarmEmail, domainName, certificateArn } = settings;
  if (alarmEmail !== undefined && !emailPattern.test(alarmEmail))
    problems.push(`${where}.alarmEmail "${alarmEmail}" is not an e-mail address`);
  for (const key of ['reviewPublisherEmails', 'reviewEditorEmails'] as const)
    for (const email of emailList(settings[key]))
      if (!emailPattern.test(email)) problems.push(`${where}.${key}: "${email}" is not an e-mail address`);
  if (stage === 'production' && alarmEmail === undefined)
    problems.push(
      `${where}.alarmEmail is missing: production alarms must reach someone. Set it in cdk.json and commit it.`,
    );
  if ((domainName === undefined) !== (certificateArn === undefined))
    problems.push(`${where}: give both domainName and certificateArn (us-east-1), or neither`);
  if (certificateArn !== undefined && !certificatePattern.test(certificateArn))
    problems.push(
      `${where}.certificateArn "${certificateArn}" is not an ACM certificate ARN in us-east-1 (CloudFront reads certificates there only)`,
    );
  if (problems.length > 0)
    throw new Error(`The ${stage} stage cannot be synthesised:\n- ${problems.join('\n- ')}`);
  return settings;
}

/**
 * The region the stack deploys to: context `region` (cdk.json), eu-west-3 by default. When the
 * developer's AWS configuration names another region, the synth stops and says so: bootstrap,
 * seed and the README's commands would then point elsewhere than the stack. `configured` is
 * what AWS_REGION, AWS_DEFAULT_REGION or the profile says — not the CLI's own us-east-1
 * fallback, which it passes as CDK_DEFAULT_REGION when nothing is configured.
 */
export function pinnedRegion(
  contextRegion: unknown,
  configured: { region: string; from: string } | undefined,
): string {
  const region = contextRegion ?? defaultRegion;
  if (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    throw new Error(`context "region" is not an AWS region: ${String(region)}`);
  if (configured && configured.region !== region) {
    throw new Error(
      `This app deploys to ${region} (context "region"), but ${configured.from} says ${configured.region}. ` +
        `Run with AWS_REGION=${region}, or change "region" in cdk.json if the stage really moves.`,
    );
  }
  return region;
}
