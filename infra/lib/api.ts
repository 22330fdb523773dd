import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StageConfig } from './config.js';
import type { Data } from './data.js';
import { HouseFunction } from './house-function.js';

export const publicRoutePath = '/api/v1/{proxy+}';
export const adminRoutePath = '/api/v1/admin/{proxy+}';
export const publicMethods = [HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS] as const;

export interface ApiProps {
  readonly stage: StageConfig;
  readonly data: Data;
}

export interface AdminProps {
  readonly data: Data;
  readonly userPool: IUserPool;
  readonly client: IUserPoolClient;
  readonly issuerUrl: string;
  readonly distribution: IDistribution;
}

/**
 * One HTTP API behind CloudFront: the public read API, the admin API behind a Cognito JWT
 * authorizer, and (added by the site) a `$default` route to the SvelteKit pages function and
 * a prefixed route to its press downloads function.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly httpStage: HttpStage;
  readonly publicFunction: HouseFunction;
  adminFunction?: HouseFunction;
  private readonly stage: StageConfig;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.stage = props.stage;
    this.httpApi = new HttpApi(this, 'Http', {
      description: `La Cimade en chiffres (${props.stage.name})`,
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.removalPolicy,
    });
    this.httpStage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: props.stage.apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            editor: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });

    this.publicFunction = new HouseFunction(this, 'PublicApi', {
      entry: 'functions/src/handlers/public-api.ts',
      description: 'Public read API /api/v1',
      stage: props.stage,
      table: { table: props.data.table, indexNames: props.data.indexNames },
    });
    // GET, HEAD (a HEAD would otherwise fall to the pages function's 404) and OPTIONS (the
    // CORS preflight of a conditional request from another origin, answered by the app).
    const integration = new HttpLambdaIntegration('PublicIntegration', this.publicFunction.function);
    for (const method of publicMethods) {
      const route = this.addRoute(
        `Public${method === HttpMethod.GET ? '' : method}`,
        HttpRouteKey.with(publicRoutePath, method),
        integration,
      );
      Validations.of(route).acknowledge(
        {
          id: 'AwsSolutions-APIG4',
          reason: 'The public read API serves published open data to anyone; it is read-only and throttled.',
        },
        {
          id: 'AwsSolutions-COG4',
          reason:
            'The public read API serves published open data to anyone; only /api/v1/admin/* needs a user.',
        },
      );
    }
  }

  /**
   * The admin API: every method under /api/v1/admin/ requires a valid token of the admin
   * client; the function reads and writes the table and invalidates the CDN after a publish.
   */
  addAdmin(props: AdminProps): HouseFunction {
    const admin = new HouseFunction(this, 'AdminApi', {
      entry: 'functions/src/handlers/admin-api.ts',
      description: 'Admin API /api/v1/admin for editors',
      stage: this.stage,
      table: { table: props.data.table, indexNames: props.data.indexNames, write: true },
      environment: {
        DISTRIBUTION_ID: props.distribution.distributionId,
        USER_POOL_ID: props.userPool.userPoolId,
        USER_POOL_CLIENT_ID: props.client.userPoolClientId,
      },
    });
    admin.role.addToPolicy(
      new PolicyStatement({
        actions: ['cloudfront:CreateInvalidation'],
        resources: [
          Stack.of(this).formatArn({
            service: 'cloudfront',
            region: '',
            resource: 'distribution',
            resourceName: props.distribution.distributionId,
          }),
        ],
      }),
    );

    const authorizer = new HttpJwtAuthorizer('EditorsJwt', props.issuerUrl, {
      jwtAudience: [props.client.userPoolClientId],
    });
    // ANY covers every method; GET is also declared so that it can never lose the
    // most-specific-route contest to the public `GET /api/v1/{proxy+}`.
    const integration = new HttpLambdaIntegration('AdminIntegration', admin.function);
    const routes = [HttpMethod.ANY, HttpMethod.GET].map((method) =>
      this.addRoute(`Admin${method}`, HttpRouteKey.with(adminRoutePath, method), integration, authorizer),
    );
    const cfnStage = this.httpStage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      [HttpMethod.ANY, HttpMethod.GET].map((method) => [
        `${method} ${adminRoutePath}`,
        // routeSettings is untyped JSON: CloudFormation's own PascalCase names.
        {
          ThrottlingRateLimit: this.stage.adminThrottle.rateLimit,
          ThrottlingBurstLimit: this.stage.adminThrottle.burstLimit,
        },
      ]),
    );
    for (const route of routes) cfnStage.node.addDependency(route);
    this.adminFunction = admin;
    return admin;
  }

  /** The site's catch-all: every path no other route claims goes to the SvelteKit function. */
  addDefaultRoute(fn: IFunction): HttpRoute {
    const route = this.addRoute(
      'Site',
      HttpRouteKey.DEFAULT,
      new HttpLambdaIntegration('SiteIntegration', fn),
    );
    Validations.of(route).acknowledge(
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'The public site pages are for everyone; admin pages check the session themselves and admin data sits behind the JWT routes.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason: 'The public site pages are for everyone; the Cognito authorizer guards the admin API routes.',
      },
    );
    return route;
  }

  /**
   * The press downloads: CloudFront reaches them under `prefix` (its origin path), which no
   * other route claims; the press function removes it before routing.
   */
  addPressRoute(prefix: string, fn: IFunction): HttpRoute {
    const route = this.addRoute(
      'Press',
      HttpRouteKey.with(`${prefix}/{proxy+}`, HttpMethod.ANY),
      new HttpLambdaIntegration('PressIntegration', fn),
    );
    Validations.of(route).acknowledge(
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Press downloads (pictures and tables of published open data) are for everyone; read-only and throttled with the stage.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason: 'Press downloads are public; the Cognito authorizer guards the admin API routes.',
      },
    );
    return route;
  }

  private addRoute(
    id: string,
    routeKey: HttpRouteKey,
    integration: HttpLambdaIntegration,
    authorizer?: HttpJwtAuthorizer,
  ): HttpRoute {
    return new HttpRoute(this, `${id}Route`, {
      httpApi: this.httpApi,
      routeKey,
      integration,
      ...(authorizer ? { authorizer } : {}),
    });
  }

  /** The host name CloudFront uses to reach the API. */
  get originDomain(): string {
    return `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }
}
