import { describe, expect, it } from 'vitest';
import { embargoEmbedPattern, embargoPagePattern } from './embargo.js';
import { resourcesOf, synthesised } from './test-support.js';

/** CloudFront's managed CachingDisabled policy. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

interface Behavior {
  PathPattern: string;
  CachePolicyId: string;
  OriginRequestPolicyId: { Ref: string };
  ResponseHeadersPolicyId: { Ref: string };
  TargetOriginId: string;
  AllowedMethods: string[];
}

describe('embargoed previews at the edge', () => {
  const { stack, template } = synthesised('production');
  const config = Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'))[0]?.Properties
    ?.DistributionConfig as { CacheBehaviors: Behavior[]; DefaultCacheBehavior: { TargetOriginId: string } };
  const at = (pattern: string) => config.CacheBehaviors.find((b) => b.PathPattern === pattern)!;
  const headers = (pattern: string) =>
    resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy')[at(pattern).ResponseHeadersPolicyId.Ref]
      ?.Properties?.ResponseHeadersPolicyConfig as {
      CustomHeadersConfig: { Items: { Header: string; Value: string; Override: boolean }[] };
      SecurityHeadersConfig: {
        ContentSecurityPolicy: { ContentSecurityPolicy: string };
        FrameOptions?: { FrameOption: string };
      };
    };
  const secret = () =>
    Object.entries(resourcesOf(template, 'AWS::SecretsManager::Secret')).find(([, r]) =>
      String(r.Properties?.Description).includes('EMBARGO_SECRET'),
    )!;

  it('never caches them: caching disabled, GET and HEAD only, to the pages’ origin, embeds first', () => {
    const patterns = config.CacheBehaviors.map((b) => b.PathPattern);
    expect(patterns.indexOf(embargoEmbedPattern)).toBeLessThan(patterns.indexOf(embargoPagePattern));
    for (const pattern of [embargoEmbedPattern, embargoPagePattern]) {
      const b = at(pattern);
      expect(b.CachePolicyId, pattern).toBe(CACHING_DISABLED);
      expect(b.AllowedMethods.sort(), pattern).toEqual(['GET', 'HEAD']);
      expect(b.TargetOriginId, pattern).toBe(config.DefaultCacheBehavior.TargetOriginId);
      const forwarded = resourcesOf(template, 'AWS::CloudFront::OriginRequestPolicy')[
        b.OriginRequestPolicyId.Ref
      ]?.Properties?.OriginRequestPolicyConfig;
      expect(forwarded, pattern).toMatchObject({
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        CookiesConfig: { CookieBehavior: 'none' },
        HeadersConfig: { HeaderBehavior: 'none' },
      });
    }
  });

  it('forces private, no-store and noindex on every answer; only embeds may be framed', () => {
    for (const pattern of [embargoEmbedPattern, embargoPagePattern]) {
      const custom = Object.fromEntries(headers(pattern).CustomHeadersConfig.Items.map((h) => [h.Header, h]));
      expect(custom['Cache-Control'], pattern).toMatchObject({ Value: 'private, no-store', Override: true });
      expect(custom['X-Robots-Tag'], pattern).toMatchObject({ Value: 'noindex, nofollow', Override: true });
    }
    const csp = (p: string) =>
      /frame-ancestors ([^;]+)/.exec(
        headers(p).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
      )?.[1];
    expect(csp(embargoEmbedPattern)).toBe('*');
    expect(headers(embargoEmbedPattern).SecurityHeadersConfig.FrameOptions).toBeUndefined();
    expect(csp(embargoPagePattern)).toBe("'none'");
    expect(headers(embargoPagePattern).SecurityHeadersConfig.FrameOptions?.FrameOption).toBe('DENY');
  });

  it('generates the signing key, and gives it to the admin and site functions only', () => {
    const [id, resource] = secret();
    expect(resource.Properties?.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
    expect(resource.Properties).not.toHaveProperty('SecretString');
    const reference = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: id }, ':SecretString:::}}']] };
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    const holders = Object.entries(functions)
      .filter(([, f]) => JSON.stringify(f.Properties?.Environment ?? {}).includes(JSON.stringify(reference)))
      .map(([logicalId]) => logicalId)
      .sort();
    const logical = (fn: { function: { node: { defaultChild: unknown } } }) =>
      stack.getLogicalId(fn.function.node.defaultChild as never);
    expect(holders).toEqual([logical(stack.api.adminFunction!), logical(stack.site.serverFunction)].sort());
  });
});
