import { dirname, join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { Charset, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { repoRoot, type StageConfig } from './config.js';
import { RUNTIME_SDK } from './runtime-sdk.js';

/** The CloudWatch namespace of the functions' own metrics (Powertools Metrics, EMF). */
export const metricsNamespace = 'CimadeEnChiffres';
/** The `service` of every log line, trace and metric of a stage (one dimension for the alarms). */
export const serviceName = (stage: StageConfig): string => `cimade-en-chiffres-${stage.name}`;

/** The newest Node.js runtime this aws-cdk-lib knows; cdk-nag's L1 rule checks for it. */
export const houseRuntime = Runtime.NODEJS_24_X;

/**
 * The DynamoDB operations the repository sends (`functions/src/adapters/dynamo-client.ts`), and
 * nothing more: reading is single items and Queries, never a Scan nor a batch.
 */
export const tableReadActions = ['dynamodb:GetItem', 'dynamodb:Query'] as const;
/** What writing adds: conditional single-item writes (no batches, no transactions). */
export const tableWriteActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] as const;

export interface TableAccess {
  readonly table: ITable;
  /** Global secondary indexes the function may Query. */
  readonly indexNames: readonly string[];
  /** @default false — read-only */
  readonly write?: boolean;
}

export interface HouseFunctionProps {
  /** Entry file relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly stage: StageConfig;
  readonly environment?: Record<string, string>;
  readonly table?: TableAccess;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /**
   * Graviton is ~20% cheaper per GB-second; x86_64 only where a native binary needs it.
   * @default Architecture.ARM_64
   */
  readonly architecture?: Architecture;
  /**
   * Packages that cannot be bundled (native `.node` binaries): left out by esbuild and copied
   * as installed from the repository's node_modules beside the bundle.
   * @default none
   */
  readonly copiedPackages?: readonly string[];
  /**
   * Files copied into the bundle (fonts for the PNG renderer, say): `from` relative to the
   * repository root, `to` relative to the bundle (the function's /var/task).
   * @default none
   */
  readonly copiedFiles?: readonly { from: string; to: string }[];
  /**
   * CommonJS loads the runtime's AWS SDK (CommonJS too) without Node's scan of CommonJS
   * exports for ES imports: ~40 ms off a cold start. ESM where the code needs it (SvelteKit's
   * server output is ES modules).
   * @default 'cjs'
   */
  readonly moduleFormat?: 'cjs' | 'esm';
}

/**
 * The one way this project makes a Lambda function: fixed runtime, logging, tracing and
 * bundling, its own role with no managed policy, and table access granted here only.
 */
export class HouseFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    const copied = props.copiedPackages ?? [];
    const esm = props.moduleFormat === 'esm';

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.removalPolicy,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (${props.stage.name})`,
    });
    // Instead of the AWSLambdaBasicExecutionRole managed policy: this log group and nothing else.
    this.role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(repoRoot, props.entry),
      handler: 'handler',
      description: props.description,
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: houseRuntime,
      architecture: props.architecture ?? Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: serviceName(props.stage),
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        ...props.environment,
      },
      bundling: {
        format: esm ? OutputFormat.ESM : OutputFormat.CJS,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        charset: Charset.UTF8,
        logLevel: LogLevel.WARNING,
        // CommonJS dependencies call require(); an ES module has none until we make one.
        ...(esm
          ? {
              banner:
                "import { createRequire as __houseCreateRequire } from 'node:module'; const require = __houseCreateRequire(import.meta.url);",
            }
          : {}),
        // The DynamoDB client and Powertools are bundled (pinned, minified, only the commands
        // used). Only the CloudFront client, loaded on the first publication, comes from the
        // runtime's AWS SDK v3.
        externalModules: [...RUNTIME_SDK, ...copied],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            ...copied.map((pkg) => copyPackage(inputDir, outputDir, pkg)),
            ...(props.copiedFiles ?? []).map((f) => copyFile(inputDir, outputDir, f)),
          ],
        },
      },
    });

    if (props.table) this.grantTable(props.table);

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permission; nothing else is granted on *.',
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by API Gateway only: a failure returns to the caller, there is no event to dead-letter.',
      },
      {
        id: 'Serverless-LambdaAsyncFailureDestination',
        reason:
          'Invoked synchronously by API Gateway only: failure destinations apply to asynchronous invocations.',
      },
    );
  }

  /** Read-only unless `write` is asked for. Indexes get Query only. */
  private grantTable(access: TableAccess): void {
    const { tableArn } = access.table;
    const indexArns = access.indexNames.map((name) => `${tableArn}/index/${name}`);
    this.role.addToPolicy(new PolicyStatement({ actions: [...tableReadActions], resources: [tableArn] }));
    if (indexArns.length > 0) {
      this.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: indexArns }));
    }
    if (access.write) {
      this.role.addToPolicy(new PolicyStatement({ actions: [...tableWriteActions], resources: [tableArn] }));
    }
    this.function.addEnvironment('TABLE_NAME', access.table.tableName);
  }
}

function copyPackage(inputDir: string, outputDir: string, pkg: string): string {
  const from = join(inputDir, 'node_modules', pkg);
  const to = join(outputDir, 'node_modules', pkg);
  const missing = `${pkg} is not installed for this platform; install it (npm install --os=linux --cpu=x64) before synth`;
  return `{ test -d "${from}" || { echo "${missing}" >&2; exit 1; }; } && mkdir -p "${dirname(to)}" && cp -R "${from}" "${to}"`;
}

function copyFile(inputDir: string, outputDir: string, file: { from: string; to: string }): string {
  const from = join(inputDir, file.from);
  const to = join(outputDir, file.to);
  return `{ test -f "${from}" || { echo "${file.from} is missing" >&2; exit 1; }; } && mkdir -p "${dirname(to)}" && cp "${from}" "${to}"`;
}
