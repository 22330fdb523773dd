import { Duration } from 'aws-cdk-lib';
import {
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ResponseHeadersPolicy,
  type ResponseHeadersCorsBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';
import { cspDirectives, renderCsp } from '../../site/csp-directives.js';

const oneYear = Duration.days(365);
/** How long the edge keeps a page whose answer says nothing about caching. */
export const pageDefaultTtl = Duration.minutes(5);

/**
 * The CSP CloudFront adds to a page answer that carries none (an S3 file, say). Pages carry
 * their own, with the hashes of their inline scripts (SvelteKit's `kit.csp`, framed per path by
 * the server hook), which the page policies keep (`override: false`): both are written from
 * site/csp-directives.js, so there is one policy, locally and on AWS.
 */
export function pageCsp(frameAncestors: string, signInOrigin?: string): string {
  const withSignIn = (name: string) => [
    ...(cspDirectives[name] ?? []),
    ...(signInOrigin ? [signInOrigin] : []),
  ];
  return renderCsp({
    ...cspDirectives,
    'connect-src': withSignIn('connect-src'),
    'form-action': withSignIn('form-action'),
    'frame-ancestors': [frameAncestors],
    'upgrade-insecure-requests': true,
  });
}

/** JSON and CSV answers load nothing and are framed by no one. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'";

export interface HeadersOptions {
  readonly comment: string;
  readonly csp: string;
  /** Whether the origin's own CSP stands (pages: it holds their script hashes). @default true */
  readonly cspOverride?: boolean;
  /** Omitted where anyone may frame the page: X-Frame-Options has no "anyone". */
  readonly frameOption?: HeadersFrameOption;
  readonly noStore?: boolean;
  /** Headers forced besides the security ones (e.g. `Cache-Control`, `X-Robots-Tag`). */
  readonly extra?: readonly { header: string; value: string }[];
  readonly cors?: ResponseHeadersCorsBehavior;
}

/**
 * Every cache and headers policy the distribution uses, one per kind of path. The headers
 * policies override whatever the origin says: framing rules must hold even if a page forgets.
 */
export class CdnPolicies extends Construct {
  readonly immutableCache: CachePolicy;
  readonly apiCache: CachePolicy;
  readonly pageCache: CachePolicy;
  readonly apiOriginRequest: OriginRequestPolicy;
  readonly pageHeaders: ResponseHeadersPolicy;
  readonly embedHeaders: ResponseHeadersPolicy;
  readonly adminHeaders: ResponseHeadersPolicy;
  readonly apiHeaders: ResponseHeadersPolicy;
  readonly adminApiHeaders: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: { signInOrigin: string }) {
    super(scope, id);
    const compressed = { enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true };

    this.immutableCache = new CachePolicy(this, 'Immutable', {
      comment: 'Hashed build assets: one year, whatever the origin says',
      minTtl: oneYear,
      defaultTtl: oneYear,
      maxTtl: oneYear,
      ...compressed,
    });
    // defaultTtl 0: an answer without Cache-Control is not cached; the origin decides.
    this.apiCache = new CachePolicy(this, 'Api', {
      comment: 'API answers: cached as long as their Cache-Control says, keyed by query and Accept',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: oneYear,
      queryStringBehavior: CacheQueryStringBehavior.all(),
      // The API answers CSV or JSON by Accept: one cached copy per representation.
      headerBehavior: CacheHeaderBehavior.allowList('Accept'),
      cookieBehavior: CacheCookieBehavior.none(),
      ...compressed,
    });
    // The site says how long (site/src/lib/server/cache-control.ts: a day for public pages and
    // embeds, no-store for staff pages and stale answers). Should an answer ever come without
    // Cache-Control, five minutes rather than 0: a 0 sends every view of it to the functions.
    this.pageCache = new CachePolicy(this, 'Page', {
      comment:
        'Server-rendered pages and embeds: cached as long as their Cache-Control says, 5 minutes if silent',
      minTtl: Duration.seconds(0),
      defaultTtl: pageDefaultTtl,
      maxTtl: oneYear,
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      ...compressed,
    });
    // Not in the cache key: CloudFront answers a matching If-None-Match from cache itself, and
    // on a miss the origin sees the viewer's validator and may answer 304. No cookies are
    // forwarded, which conditional requests require.
    this.apiOriginRequest = new OriginRequestPolicy(this, 'ApiOrigin', {
      comment: 'Forward the viewer validator, and what a CORS preflight asks, to the API',
      headerBehavior: OriginRequestHeaderBehavior.allowList(
        'If-None-Match',
        'Origin',
        'Access-Control-Request-Method',
        'Access-Control-Request-Headers',
      ),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });

    this.pageHeaders = this.headers('PageHeaders', {
      comment: 'Public pages and assets: framed by no one',
      csp: pageCsp("'none'"),
      cspOverride: false,
      frameOption: HeadersFrameOption.DENY,
    });
    this.embedHeaders = this.headers('EmbedHeaders', {
      comment: 'Press embeds: any site may frame them',
      csp: pageCsp('*'),
      cspOverride: false,
    });
    this.adminHeaders = this.headers('AdminHeaders', {
      comment: 'Admin pages: never framed, never stored',
      csp: pageCsp("'none'", props.signInOrigin),
      cspOverride: false,
      frameOption: HeadersFrameOption.DENY,
      noStore: true,
    });
    this.apiHeaders = this.headers('ApiHeaders', {
      comment: 'Public API: open data, readable from any origin',
      csp: apiCsp,
      frameOption: HeadersFrameOption.DENY,
      cors: {
        accessControlAllowCredentials: false,
        accessControlAllowHeaders: ['Accept', 'If-None-Match'],
        accessControlAllowMethods: ['GET', 'HEAD', 'OPTIONS'],
        accessControlAllowOrigins: ['*'],
        accessControlExposeHeaders: ['ETag'],
        accessControlMaxAge: Duration.days(1),
        originOverride: false,
      },
    });
    this.adminApiHeaders = this.headers('AdminApiHeaders', {
      comment: 'Admin API: same origin only, never stored',
      csp: apiCsp,
      frameOption: HeadersFrameOption.DENY,
      noStore: true,
    });
  }

  private headers(id: string, options: HeadersOptions): ResponseHeadersPolicy {
    return securityHeadersPolicy(this, id, options);
  }
}

/** A headers policy with the site's security headers (HSTS, nosniff, referrer, permissions), and `options`'. */
export function securityHeadersPolicy(
  scope: Construct,
  id: string,
  options: HeadersOptions,
): ResponseHeadersPolicy {
  const customHeaders = [
    {
      header: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=()',
      override: true,
    },
    ...(options.noStore ? [{ header: 'Cache-Control', value: 'no-store', override: true }] : []),
    ...(options.extra ?? []).map((h) => ({ ...h, override: true })),
  ];
  return new ResponseHeadersPolicy(scope, id, {
    comment: options.comment,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: options.csp, override: options.cspOverride ?? true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      ...(options.frameOption ? { frameOptions: { frameOption: options.frameOption, override: true } } : {}),
    },
    customHeadersBehavior: { customHeaders },
    ...(options.cors ? { corsBehavior: options.cors } : {}),
  });
}
