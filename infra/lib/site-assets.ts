import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, Validations, type CfnElement, type CfnResource } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { IConstruct } from 'constructs';
import { Construct } from 'constructs';
import type { StageConfig } from './config.js';
import { acknowledgeWildcards } from './nag.js';

const immutableDir = join('_app', 'immutable');
/** CloudFront allows 25 behaviours by default; the routed ones take 14 (5 of them downloads). */
const maxStaticPatterns = 11;

/**
 * Path patterns, besides /_app/immutable/*, that S3 serves: the build's top-level files
 * (favicon, robots.txt...), /_app/version.json, and top-level folders holding no HTML.
 * Everything else, prerendered pages included, stays with the server function.
 */
export function staticPathPatterns(assetsPath: string): string[] {
  const patterns: string[] = [];
  if (existsSync(join(assetsPath, '_app', 'version.json'))) patterns.push('/_app/version.json');
  for (const name of readdirSync(assetsPath).sort()) {
    if (name === '_app') continue;
    const full = join(assetsPath, name);
    if (statSync(full).isDirectory()) {
      if (!holdsHtml(full)) patterns.push(`/${name}/*`);
    } else if (!name.endsWith('.html')) {
      patterns.push(`/${name}`);
    }
  }
  if (patterns.length > maxStaticPatterns) {
    throw new Error(
      `${patterns.length} static paths at the root of the site build; move them under one folder.`,
    );
  }
  return patterns;
}

function holdsHtml(dir: string): boolean {
  return readdirSync(dir).some((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? holdsHtml(full) : name.endsWith('.html');
  });
}

export interface SiteAssetsProps {
  readonly stage: StageConfig;
  readonly assetsPath: string;
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
  /** Deployed before the upload, so that the invalidation sees the new server too. */
  readonly after: readonly IConstruct[];
}

/**
 * Uploads the client build: hashed files first, marked immutable; then the rest, followed by
 * one invalidation of every path so that cached HTML points at the new hashes. Nothing is
 * pruned: HTML still cached somewhere keeps finding the assets it names.
 */
export class SiteAssets extends Construct {
  constructor(scope: Construct, id: string, props: SiteAssetsProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.removalPolicy,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Uploads the site's static files (${props.stage.name})`,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    const common = { destinationBucket: props.bucket, prune: false, role, logGroup, memoryLimit: 512 };

    const immutable = new BucketDeployment(this, 'Immutable', {
      ...common,
      sources: [Source.asset(join(props.assetsPath, immutableDir))],
      destinationKeyPrefix: '_app/immutable/',
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const rest = new BucketDeployment(this, 'Rest', {
      ...common,
      sources: [Source.asset(props.assetsPath, { exclude: [`${immutableDir}/**`, immutableDir] })],
      cacheControl: [CacheControl.fromString('public, max-age=300')],
      distribution: props.distribution,
      distributionPaths: ['/*'],
    });
    rest.node.addDependency(immutable, ...props.after);

    this.acknowledge(role, props.bucket);
  }

  private acknowledge(role: Role, bucket: IBucket): void {
    const handler = Stack.of(this).node.children.find((c) =>
      c.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (handler) {
      const ids = [
        'AwsSolutions-L1',
        'Serverless-LambdaLatestVersion',
        'Serverless-LambdaTracing',
        'Serverless-LambdaDLQ',
        'Serverless-LambdaAsyncFailureDestination',
      ];
      for (const id of ids) {
        Validations.of(handler).acknowledge({
          id,
          reason:
            "CDK's BucketDeployment handler: CloudFormation invokes it during a deploy only and reports its failure; its runtime is CDK's choice.",
        });
      }
    }
    const policy = role.node.findChild('DefaultPolicy').node.defaultChild as CfnResource;
    const bucketLogicalId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement);
    acknowledgeWildcards(
      policy,
      [
        'Action::s3:GetBucket*',
        'Action::s3:GetObject*',
        'Action::s3:List*',
        'Action::s3:Abort*',
        'Action::s3:DeleteObject*',
        `Resource::<${bucketLogicalId}.Arn>/*`,
        /^Resource::arn:[^:]+:s3:::cdk-[a-z0-9]+-assets-[^/]+\/\*$/,
        'Resource::*',
      ],
      'Grants BucketDeployment writes for itself: read the CDK asset bucket, write our assets bucket, invalidate the distribution (CloudFront invalidations take no resource ARN in its policy).',
    );
  }
}
