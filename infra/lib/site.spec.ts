import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { staticPathPatterns } from './site-assets.js';
import { pressDownloadPatterns } from './site.js';
import { fixtureAssetsPath, resourcesOf, synthesised } from './test-support.js';

/** Managed policy ids, as CloudFront documents them. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface Behavior {
  PathPattern?: string;
  CachePolicyId: string | { Ref: string };
  OriginRequestPolicyId?: string | { Ref: string };
  ResponseHeadersPolicyId: { Ref: string };
  TargetOriginId: string;
  AllowedMethods: string[];
}
/** A template string, with any token (the sign-in domain) shown as <token>. */
function flat(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map((part) => (typeof part === 'string' ? part : '<token>')).join(join[0]);
  return '<token>';
}

interface SecurityHeaders {
  ContentSecurityPolicy: { ContentSecurityPolicy: unknown; Override: boolean };
  StrictTransportSecurity: { AccessControlMaxAgeSec: number; Override: boolean };
  ContentTypeOptions: { Override: boolean };
  ReferrerPolicy: { ReferrerPolicy: string };
  FrameOptions?: { FrameOption: string };
}

describe('the distribution', () => {
  const { stack, template } = synthesised('production');
  const config = Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'))[0]?.Properties
    ?.DistributionConfig as {
    DefaultCacheBehavior: Behavior;
    CacheBehaviors: Behavior[];
    Origins: { Id: string; DomainName: unknown; OriginPath?: string }[];
    Logging?: unknown;
  };
  const behaviour = (path: string): Behavior => {
    const found =
      path === '*' ? config.DefaultCacheBehavior : config.CacheBehaviors.find((b) => b.PathPattern === path);
    if (!found) throw new Error(`no behaviour for ${path}`);
    return found;
  };
  const headersAt = (path: string): SecurityHeaders => {
    const policies = resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const policy = policies[behaviour(path).ResponseHeadersPolicyId.Ref]?.Properties as {
      ResponseHeadersPolicyConfig: { SecurityHeadersConfig: SecurityHeaders };
    };
    return policy.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
  };
  const cspAt = (path: string) => flat(headersAt(path).ContentSecurityPolicy.ContentSecurityPolicy);
  const frameAncestors = (path: string) => /frame-ancestors ([^;]+)/.exec(cspAt(path))?.[1];
  const allPaths = () => ['*', ...config.CacheBehaviors.map((b) => b.PathPattern as string)];
  const functionOf = (fn: CfnElement) =>
    resourcesOf(template, 'AWS::Lambda::Function')[stack.getLogicalId(fn)]?.Properties ?? {};
  const envOf = (fn: CfnElement) =>
    (functionOf(fn).Environment as { Variables: Record<string, unknown> }).Variables;
  const origins = () => config.Origins;

  it('lets anyone frame /embed/*, and no one /admin/* or the rest', () => {
    for (const path of ['/embed/*', '/en/embed/*', ...pressDownloadPatterns]) {
      expect(frameAncestors(path), path).toBe('*');
      expect(headersAt(path).FrameOptions, path).toBeUndefined();
    }
    for (const path of ['/admin', '/admin/*', '/en/admin', '/en/admin/*', '*', '/api/*', '/api/v1/admin/*']) {
      expect(frameAncestors(path), path).toBe("'none'");
      expect(headersAt(path).FrameOptions?.FrameOption, path).toBe('DENY');
    }
  });

  it('sends HSTS, nosniff, a referrer policy and a CSP without inline scripts on every path', () => {
    for (const path of allPaths()) {
      const headers = headersAt(path);
      expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec, path).toBeGreaterThanOrEqual(31_536_000);
      expect(headers.StrictTransportSecurity.Override, path).toBe(true);
      expect(headers.ContentTypeOptions.Override, path).toBe(true);
      expect(headers.ReferrerPolicy.ReferrerPolicy, path).toBe('strict-origin-when-cross-origin');
      expect(cspAt(path), path).toMatch(/default-src '(self|none)'/);
      expect(/script-src ([^;]*)/.exec(cspAt(path))?.[1] ?? '', path).not.toContain('unsafe-inline');
    }
  });

  it("keeps a page's own CSP (its script hashes), and adds the same policy where an answer has none; the API's is CloudFront's", () => {
    for (const path of ['*', '/embed/*', '/admin/*', '/_app/immutable/*', ...pressDownloadPatterns]) {
      expect(headersAt(path).ContentSecurityPolicy.Override, path).toBe(false);
    }
    for (const path of ['/api/*', '/api/v1/admin/*'])
      expect(headersAt(path).ContentSecurityPolicy.Override, path).toBe(true);
    expect(cspAt('*')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
    expect(cspAt('/admin/*')).toMatch(
      /connect-src 'self' https:\/\/<token>\.auth\.eu-west-3\.amazoncognito\.com;/,
    );
  });

  it('never caches admin pages or the admin API, and forwards their Authorization and cookies', () => {
    for (const path of ['/admin', '/admin/*', '/en/admin', '/en/admin/*', '/api/v1/admin/*']) {
      expect(behaviour(path).CachePolicyId, path).toBe(CACHING_DISABLED);
      expect(behaviour(path).OriginRequestPolicyId, path).toBe(ALL_VIEWER_EXCEPT_HOST);
      expect(behaviour(path).AllowedMethods, path).toContain('POST');
    }
  });

  it('caches /api/* as the API says, per query string and Accept, forwarding If-None-Match', () => {
    const api = behaviour('/api/*');
    const cache = resourcesOf(template, 'AWS::CloudFront::CachePolicy')[
      (api.CachePolicyId as { Ref: string }).Ref
    ]?.Properties?.CachePolicyConfig as Record<string, unknown>;
    expect(cache).toMatchObject({
      MinTTL: 0,
      DefaultTTL: 0,
      ParametersInCacheKeyAndForwardedToOrigin: {
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        CookiesConfig: { CookieBehavior: 'none' },
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Accept'] },
      },
    });
    expect(cache.MaxTTL).toBeGreaterThanOrEqual(86_400);
    const request = resourcesOf(template, 'AWS::CloudFront::OriginRequestPolicy')[
      (api.OriginRequestPolicyId as { Ref: string }).Ref
    ]?.Properties?.OriginRequestPolicyConfig as Record<string, unknown>;
    expect(request).toMatchObject({ HeadersConfig: { HeaderBehavior: 'whitelist' } });
    expect((request.HeadersConfig as { Headers: string[] }).Headers).toEqual(
      expect.arrayContaining(['If-None-Match', 'Origin', 'Access-Control-Request-Method']),
    );
  });

  it('caches pages and embeds as their Cache-Control says (s-maxage), and five minutes when they say nothing', () => {
    for (const path of ['*', '/en/embed/*', '/embed/*', ...pressDownloadPatterns]) {
      const id = (behaviour(path).CachePolicyId as { Ref: string }).Ref;
      const cache = resourcesOf(template, 'AWS::CloudFront::CachePolicy')[id]?.Properties
        ?.CachePolicyConfig as Record<string, unknown>;
      expect(cache, path).toMatchObject({
        MinTTL: 0,
        DefaultTTL: 300,
        ParametersInCacheKeyAndForwardedToOrigin: {
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          CookiesConfig: { CookieBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
        },
      });
      expect(cache.MaxTTL, path).toBeGreaterThanOrEqual(86_400);
    }
  });

  it('serves /_app/immutable/* from the bucket, cached a year', () => {
    const immutable = behaviour('/_app/immutable/*');
    const cache = resourcesOf(template, 'AWS::CloudFront::CachePolicy')[
      (immutable.CachePolicyId as { Ref: string }).Ref
    ]?.Properties?.CachePolicyConfig as Record<string, number>;
    expect(cache.MinTTL).toBe(31_536_000);
    expect(cache.DefaultTTL).toBe(31_536_000);
    const bucketOrigin = behaviour('/_app/immutable/*').TargetOriginId;
    expect(bucketOrigin).not.toBe(behaviour('*').TargetOriginId);
  });

  it('sends each download shape to the press origin, before /embed/*, cached and framed as the embeds', () => {
    expect(pressDownloadPatterns).toEqual([
      '/embed/*.png',
      '/embed/*.svg',
      '/embed/*.csv',
      '/embed/*.xlsx',
      '/embed/*.json',
      '/embed/*.zip',
    ]);
    const embed = behaviour('/embed/*');
    const order = config.CacheBehaviors.map((b) => b.PathPattern);
    const press = origins().find((o) => o.OriginPath === '/_press');
    const api = origins().find((o) => o.Id === behaviour('*').TargetOriginId);
    expect(press?.DomainName).toEqual(api?.DomainName);
    for (const path of pressDownloadPatterns) {
      const download = behaviour(path);
      expect(download.TargetOriginId, path).toBe(press?.Id);
      expect(download.CachePolicyId, path).toEqual(embed.CachePolicyId);
      expect(download.ResponseHeadersPolicyId, path).toEqual(embed.ResponseHeadersPolicyId);
      expect(download.AllowedMethods, path).toEqual(embed.AllowedMethods);
      expect(order.indexOf(path), path).toBeLessThan(order.indexOf('/embed/*'));
    }
  });

  it('routes the press prefix of the API to the press function, whose path prefix it is', () => {
    const press = stack.getLogicalId(stack.site.pressFunction.function.node.defaultChild as CfnElement);
    const route = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).find(
      (r) => r.Properties?.RouteKey === 'ANY /_press/{proxy+}',
    );
    const target = (route?.Properties?.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })[
      'Fn::Join'
    ][1][1].Ref;
    const integration = resourcesOf(template, 'AWS::ApiGatewayV2::Integration')[target];
    expect(integration?.Properties?.IntegrationUri).toEqual({ 'Fn::GetAtt': [press, 'Arn'] });
    expect(envOf(stack.site.pressFunction.function.node.defaultChild as CfnElement)).toMatchObject({
      PATH_PREFIX: '/_press',
    });
  });

  it('gives the press function the fonts, its public origin and more memory than pages, and no sign-in settings', () => {
    const pages = stack.site.serverFunction.function.node.defaultChild as CfnElement;
    const press = stack.site.pressFunction.function.node.defaultChild as CfnElement;
    const env = envOf(press);
    expect(env).toMatchObject({ PRESS_FONTS_DIR: '/var/task/fonts' });
    expect(env.ORIGIN).toEqual(envOf(pages).ORIGIN);
    expect(env).toHaveProperty('TABLE_NAME');
    expect(Object.keys(env).filter((k) => k.startsWith('AUTH_'))).toEqual([]);
    expect(functionOf(press).MemorySize).toBeGreaterThan(functionOf(pages).MemorySize as number);
  });

  it('keeps its assets bucket private, reachable through origin access control only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    expect(config.Logging).toBeDefined();
  });

  it('tells the site function its public origin, and the sign-in where to come back', () => {
    const distribution = stack.getLogicalId(stack.site.distribution.node.defaultChild as CfnElement);
    const env = envOf(stack.site.serverFunction.function.node.defaultChild as CfnElement);
    expect(env.ORIGIN).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]],
    });
    expect(env).toHaveProperty('TABLE_NAME');
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['AUTH_AUTHORIZE_URL', 'AUTH_TOKEN_URL', 'AUTH_CLIENT_ID', 'AUTH_LOGOUT_URL']),
    );
    expect(env).not.toHaveProperty('PRESS_FONTS_DIR');
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [
        {
          'Fn::Join': [
            '',
            ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, '/admin/auth/callback'],
          ],
        },
      ],
    });
  });
});

describe('staticPathPatterns', () => {
  it('routes root files, _app/version.json and HTML-free folders to S3, never prerendered pages', () => {
    expect(staticPathPatterns(fixtureAssetsPath)).toEqual([
      '/_app/version.json',
      '/favicon.svg',
      '/fonts/*',
      '/robots.txt',
    ]);
  });
});
