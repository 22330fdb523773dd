import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api.js';
import { Auth } from './auth.js';
import { defaultSiteAssetsPath, type StageConfig } from './config.js';
import { Data } from './data.js';
import { EdgeSecret } from './edge-secret.js';
import { Embargo } from './embargo.js';
import { serviceName } from './house-function.js';
import { Monitoring } from './monitoring.js';
import { Review } from './review.js';
import { Site, type CustomDomain } from './site.js';

export interface CimadeStackProps extends StackProps {
  readonly stage: StageConfig;
  /** @default `cimade-chiffres-<stage>` */
  readonly authDomainPrefix?: string;
  /** @default site/build/client */
  readonly siteAssetsPath?: string;
  readonly customDomain?: CustomDomain;
  readonly alarmEmail?: string;
  /** Review notices by e-mail (issue #16). @default none */
  readonly reviewEmails?: { readonly publishers?: readonly string[]; readonly editors?: readonly string[] };
}

/** One environment of La Cimade en chiffres: table, staff sign-in, API, site and CDN, alarms. */
export class CimadeStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly site: Site;
  readonly monitoring: Monitoring;
  readonly review: Review;

  constructor(scope: Construct, id: string, props: CimadeStackProps) {
    super(scope, id, { terminationProtection: props.stage.name === 'production', ...props });
    const { stage } = props;
    Tags.of(this).add('project', 'cimade-en-chiffres');
    Tags.of(this).add('stage', stage.name);

    this.data = new Data(this, 'Data');
    const edge = new EdgeSecret(this, 'Edge');
    const embargo = new Embargo(this, 'Embargo');
    this.auth = new Auth(this, 'Auth', {
      stage,
      domainPrefix: props.authDomainPrefix ?? `cimade-chiffres-${stage.name}`,
    });
    this.api = new Api(this, 'Api', { stage, data: this.data });
    this.site = new Site(this, 'Site', {
      stage,
      data: this.data,
      api: this.api,
      signInOrigin: this.auth.hostedSignInUrl,
      edgeSecret: edge.value,
      assetsPath: props.siteAssetsPath ?? defaultSiteAssetsPath,
      embargo,
      ...(props.customDomain ? { customDomain: props.customDomain } : {}),
    });
    // The client needs the site's URLs; the admin routes need the client: hence this order.
    const client = this.auth.addAdminClient(this.site.appUrls);
    const admin = this.api.addAdmin({
      data: this.data,
      userPool: this.auth.userPool,
      client,
      issuerUrl: this.auth.issuerUrl,
      distribution: this.site.distribution,
    });
    // What the admin pages need to run the PKCE sign-in in the browser (site/src/lib/admin/auth.ts).
    const server = this.site.serverFunction.function;
    const signIn = this.auth.hostedSignInUrl;
    server.addEnvironment('AUTH_AUTHORIZE_URL', `${signIn}/oauth2/authorize`);
    server.addEnvironment('AUTH_TOKEN_URL', `${signIn}/oauth2/token`);
    server.addEnvironment('AUTH_LOGOUT_URL', `${signIn}/logout`);
    server.addEnvironment('AUTH_CLIENT_ID', client.userPoolClientId);

    embargo.grant(admin.function, server);
    // Scheduled publications and review notices: the admin function drives both.
    this.review = new Review(this, 'Review', {
      stage,
      adminFunction: admin,
      ...(props.reviewEmails?.publishers ? { publisherEmails: props.reviewEmails.publishers } : {}),
      ...(props.reviewEmails?.editors ? { editorEmails: props.reviewEmails.editors } : {}),
    });

    edge.guard(this.api.publicFunction.function, admin.function, server, this.site.pressFunction.function);

    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        PublicApi: this.api.publicFunction,
        AdminApi: admin,
        SiteServer: this.site.serverFunction,
        PressServer: this.site.pressFunction,
      },
      api: this.api.httpApi,
      table: this.data.table,
      serviceName: serviceName(stage),
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });

    const outputs: Record<string, string> = {
      SiteUrl: this.site.appUrls[0] as string,
      DistributionId: this.site.distribution.distributionId,
      TableName: this.data.table.tableName,
      UserPoolId: this.auth.userPool.userPoolId,
      UserPoolClientId: client.userPoolClientId,
      HostedSignInUrl: this.auth.hostedSignInUrl,
      ApiEndpoint: this.api.httpApi.apiEndpoint,
      AlarmTopicArn: this.monitoring.topic.topicArn,
      ReviewTopicArn: this.review.topic.topicArn,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
  }
}
