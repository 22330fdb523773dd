import { describe, expect, it } from 'vitest';
import { edgeHeader } from './edge-secret.js';
import { resourcesOf, synthesised } from './test-support.js';

describe('the origin locked to CloudFront', () => {
  const { stack, template } = synthesised('production');
  // The edge's own secret (the embargo links' key is another: embargo.spec.ts).
  const secrets = () =>
    Object.fromEntries(
      Object.entries(resourcesOf(template, 'AWS::SecretsManager::Secret')).filter(([, r]) =>
        String(r.Properties?.Description).includes(edgeHeader),
      ),
    );
  const secretId = () => Object.keys(secrets())[0] as string;
  const reference = () => ({
    'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId() }, ':SecretString:::}}']],
  });

  it('generates the secret in the stack: no value in the template or in git', () => {
    expect(Object.keys(secrets())).toHaveLength(1);
    const secret = secrets()[secretId()]?.Properties;
    expect(secret?.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    expect(secret).not.toHaveProperty('SecretString');
  });

  it('has CloudFront send it to the HTTP API on every API origin, and never to the bucket', () => {
    const config = Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'))[0]?.Properties
      ?.DistributionConfig as {
      Origins: {
        Id: string;
        S3OriginConfig?: unknown;
        CustomOriginConfig?: unknown;
        OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
      }[];
    };
    const api = config.Origins.filter((o) => o.CustomOriginConfig);
    expect(api.length).toBe(2); // pages and API; downloads under /_press
    for (const origin of api)
      expect(origin.OriginCustomHeaders).toEqual([{ HeaderName: edgeHeader, HeaderValue: reference() }]);
    for (const origin of config.Origins.filter((o) => o.S3OriginConfig))
      expect(origin.OriginCustomHeaders).toBeUndefined();
  });

  it('has every function behind the HTTP API check it', () => {
    const functions = [
      stack.api.publicFunction,
      stack.api.adminFunction!,
      stack.site.serverFunction,
      stack.site.pressFunction,
    ];
    const all = resourcesOf(template, 'AWS::Lambda::Function');
    for (const fn of functions) {
      const id = stack.getLogicalId(fn.function.node.defaultChild as never);
      const env = (all[id]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.EDGE_SECRET, id).toEqual(reference());
    }
  });
});
