import { Duration, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Api } from './api.js';
import { CdnPolicies } from './cdn-policies.js';
import { edgeHeader } from './edge-secret.js';
import type { StageConfig } from './config.js';
import type { Data } from './data.js';
import type { Embargo } from './embargo.js';
import { HouseFunction } from './house-function.js';
import { SiteAssets, staticPathPatterns } from './site-assets.js';

export interface CustomDomain {
  readonly domainName: string;
  /** An ACM certificate in us-east-1 covering domainName. */
  readonly certificateArn: string;
}

export interface SiteProps {
  readonly stage: StageConfig;
  readonly data: Data;
  readonly api: Api;
  /** Origin of the hosted sign-in, allowed in the admin pages' CSP. */
  readonly signInOrigin: string;
  /** The value of the header that lets CloudFront, and only it, reach the functions (edge-secret.ts). */
  readonly edgeSecret: string;
  /** The SvelteKit client build (site/build/client). */
  readonly assetsPath: string;
  readonly customDomain?: CustomDomain;
  /** Embargoed previews' behaviours (embargo.ts), to the pages' origin, never cached. */
  readonly embargo?: Embargo;
}

/** The chart downloads' paths (site/src/routes/embed/[chart].[ext]), sent to the press function. */
export const pressDownloadPatterns = ['png', 'svg', 'csv', 'xlsx', 'json', 'zip'].map(
  (ext) => `/embed/*.${ext}`,
);

/** The API path prefix under which CloudFront reaches the press function; no site path starts so. */
export const pressPathPrefix = '/_press';

/**
 * The SvelteKit functions (pages; press downloads), their static assets in a private bucket,
 * and the CloudFront distribution in front of everything (site, API, assets) on one origin.
 */
export class Site extends Construct {
  /** Pages, embeds, oEmbed: every path the press function does not take. */
  readonly serverFunction: HouseFunction;
  /** The downloads: `/embed/<chart>.png|svg|csv|xlsx|json|zip`. */
  readonly pressFunction: HouseFunction;
  readonly distribution: Distribution;
  readonly logsBucket: Bucket;
  /** Public base URLs of the site, custom domain first. */
  readonly appUrls: readonly string[];

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const { stage } = props;
    const destroy = stage.name !== 'production';

    // Pages, embeds and oEmbed: no native code, so Graviton (the house default).
    this.serverFunction = new HouseFunction(this, 'Server', {
      entry: 'functions/src/handlers/site-server.ts',
      description: 'SvelteKit server render (pages and embeds)',
      stage,
      moduleFormat: 'esm',
      memorySize: 1024,
      timeout: Duration.seconds(15),
      table: { table: props.data.table, indexNames: props.data.indexNames },
    });
    props.api.addDefaultRoute(this.serverFunction.function);

    // The downloads, apart so that the pages function carries neither the PNG renderer nor the
    // XLSX and zip writers. x86_64: the PNG renderer (@resvg/resvg-js) is a native binary and
    // the x64 glibc build is the one installed where we synth; Graviton would need the arm64
    // package bundled instead. 1769 MB is one full vCPU: rendering is CPU-bound and
    // single-threaded (measured on one EPYC core: a 2x PNG ~0.4 s, a press kit ~0.7 s, 260 MB
    // resident), so below it a download takes longer for about the same GB-seconds, and above
    // it gains nothing. Each URL is rendered about once a day per edge cache.
    this.pressFunction = new HouseFunction(this, 'Press', {
      entry: 'functions/src/handlers/press-server.ts',
      description: 'SvelteKit press downloads (PNG, SVG, CSV, XLSX, JSON, zip)',
      stage,
      architecture: Architecture.X86_64,
      moduleFormat: 'esm',
      memorySize: 1769,
      timeout: Duration.seconds(15),
      table: { table: props.data.table, indexNames: props.data.indexNames },
      // resvg is native; subset-font (the SVG's embedded fonts) loads harfbuzz's WebAssembly
      // from its package folder at run time: both are copied beside the bundle, with their
      // dependencies.
      copiedPackages: [
        '@resvg/resvg-js',
        '@resvg/resvg-js-linux-x64-gnu',
        ...[
          'subset-font',
          'harfbuzzjs',
          'fontverter',
          'wawoff2',
          'argparse',
          'woff2sfnt-sfnt2woff',
          'pako',
          'p-limit',
          'yocto-queue',
        ],
      ],
      // The fonts PNG downloads are drawn with (PRESS_FONTS in site/src/lib/press/server/png.ts):
      // resvg draws no text without them.
      copiedFiles: [
        '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
        '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
        'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
        'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
        '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
      ].map((f) => ({ from: `node_modules/${f}`, to: `fonts/${f.split('/').at(-1)}` })),
      environment: { PRESS_FONTS_DIR: '/var/task/fonts', PATH_PREFIX: pressPathPrefix },
    });
    props.api.addPressRoute(pressPathPrefix, this.pressFunction.function);

    this.logsBucket = new Bucket(this, 'AccessLogs', {
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: stage.accessLogExpiry }],
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: destroy,
    });
    Validations.of(this.logsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket; logging its own accesses into itself would loop.',
    });
    const assetsBucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3-assets/',
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: destroy,
    });

    const policies = new CdnPolicies(this, 'Policies', { signInOrigin: props.signInOrigin });
    const apiOriginProps = {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      readTimeout: Duration.seconds(30),
      customHeaders: { [edgeHeader]: props.edgeSecret },
    };
    const apiOrigin = new HttpOrigin(props.api.originDomain, apiOriginProps);
    // The same API, every path prefixed: its press route sends them to the press function.
    const pressOrigin = new HttpOrigin(props.api.originDomain, {
      ...apiOriginProps,
      originPath: pressPathPrefix,
    });
    const assetsOrigin = S3BucketOrigin.withOriginAccessControl(assetsBucket);

    const page = (headers: typeof policies.pageHeaders, origin = apiOrigin): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachePolicy: policies.pageCache,
      responseHeadersPolicy: headers,
      compress: true,
    });
    const uncached = (headers: typeof policies.pageHeaders): BehaviorOptions => ({
      origin: apiOrigin,
      // A redirect would turn a POST into a GET and lose its body: the admin API refuses http.
      viewerProtocolPolicy:
        headers === policies.adminApiHeaders
          ? ViewerProtocolPolicy.HTTPS_ONLY
          : ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Cookies, Authorization and bodies reach the function; Host stays the API's own.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
      compress: true,
    });
    const fromBucket = (
      cachePolicy: typeof policies.immutableCache | typeof CachePolicy.CACHING_OPTIMIZED,
    ): BehaviorOptions => ({
      origin: assetsOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy,
      responseHeadersPolicy: policies.pageHeaders,
      compress: true,
    });

    const behaviors: Record<string, BehaviorOptions> = {
      // Most specific first: CloudFront takes the first pattern that matches.
      '/api/v1/admin/*': uncached(policies.adminApiHeaders),
      '/api/*': {
        origin: apiOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachePolicy: policies.apiCache,
        originRequestPolicy: policies.apiOriginRequest,
        responseHeadersPolicy: policies.apiHeaders,
        compress: true,
      },
      ...(props.embargo?.behaviors(apiOrigin) ?? {}),
      '/_app/immutable/*': fromBucket(policies.immutableCache),
      ...Object.fromEntries(
        staticPathPatterns(props.assetsPath).map((p) => [p, fromBucket(CachePolicy.CACHING_OPTIMIZED)]),
      ),
      // Downloads (`/embed/<chart>.<ext>`, no /en form): cached and framed as the embeds are.
      ...Object.fromEntries(pressDownloadPatterns.map((p) => [p, page(policies.embedHeaders, pressOrigin)])),
      // Pages live at /x and, in English, at /en/x (the optional [[lang]] route segment).
      ...Object.fromEntries(
        ['', '/en'].flatMap((lang) => [
          [`${lang}/embed/*`, page(policies.embedHeaders)],
          [`${lang}/admin`, uncached(policies.adminHeaders)],
          [`${lang}/admin/*`, uncached(policies.adminHeaders)],
        ]),
      ),
    };

    const certificate = props.customDomain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn)
      : undefined;
    this.distribution = new Distribution(this, 'Cdn', {
      comment: `La Cimade en chiffres (${stage.name})`,
      defaultBehavior: page(policies.pageHeaders),
      additionalBehaviors: behaviors,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.customDomain && certificate
        ? {
            domainNames: [props.customDomain.domainName],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Open data for a worldwide public and press: no country is to be refused.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF (about $8/month fixed): every public answer is cached, the API is throttled and read-only, writes need a Cognito token; Shield Standard covers L3/L4. Revisit if abuse appears.',
      },
    );
    if (!props.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the *.cloudfront.net certificate is used and its TLS policy cannot be chosen; with -c domainName/-c certificateArn the distribution enforces TLSv1.2_2021.',
      });
    }

    this.appUrls = [
      ...(props.customDomain ? [`https://${props.customDomain.domainName}`] : []),
      `https://${this.distribution.distributionDomainName}`,
    ];
    for (const fn of [this.serverFunction, this.pressFunction])
      fn.function.addEnvironment('ORIGIN', this.appUrls[0] as string);

    new SiteAssets(this, 'Upload', {
      stage,
      assetsPath: props.assetsPath,
      bucket: assetsBucket,
      distribution: this.distribution,
      after: [this.serverFunction.function, this.pressFunction.function],
    });
  }
}
