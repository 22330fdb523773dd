import { describe, expect, it } from 'vitest';
import { resourcesOf, synthesised } from './test-support.js';

describe('the HTTP API', () => {
  const { template } = synthesised('production');
  const routes = () =>
    Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties ?? {});
  const authorizers = () => resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer');

  it('puts every admin route behind the Cognito JWT authorizer', () => {
    const admin = routes().filter((r) => String(r.RouteKey).includes('/admin'));
    expect(admin.map((r) => r.RouteKey).sort()).toEqual([
      'ANY /api/v1/admin/{proxy+}',
      'GET /api/v1/admin/{proxy+}',
    ]);
    for (const route of admin) {
      expect(route.AuthorizationType).toBe('JWT');
      const authorizer = authorizers()[(route.AuthorizerId as { Ref: string }).Ref];
      expect(authorizer?.Properties).toMatchObject({
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
      });
    }
  });

  it('checks tokens against the admin client of the staff user pool', () => {
    const pools = Object.keys(resourcesOf(template, 'AWS::Cognito::UserPool'));
    const clients = Object.keys(resourcesOf(template, 'AWS::Cognito::UserPoolClient'));
    const config = Object.values(authorizers())[0]?.Properties?.JwtConfiguration as {
      Audience: { Ref: string }[];
      Issuer: { 'Fn::Join': [string, unknown[]] };
    };
    expect(config.Audience).toEqual([{ Ref: clients[0] }]);
    expect(JSON.stringify(config.Issuer)).toContain('https://cognito-idp.eu-west-3.amazonaws.com/');
    expect(JSON.stringify(config.Issuer)).toContain(`"Ref":"${pools[0]}"`);
  });

  it('routes public reads, the site and its press downloads without an authorizer, and nothing else', () => {
    const open = routes()
      .filter((r) => r.AuthorizationType === 'NONE')
      .map((r) => r.RouteKey);
    expect(open.sort()).toEqual([
      '$default',
      'ANY /_press/{proxy+}',
      'GET /api/v1/{proxy+}',
      'HEAD /api/v1/{proxy+}',
      'OPTIONS /api/v1/{proxy+}',
    ]);
  });

  it('throttles the stage, the admin routes harder, and writes JSON access logs', () => {
    const stage = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Stage'))[0]?.Properties as {
      DefaultRouteSettings: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
      RouteSettings: Record<string, { ThrottlingRateLimit: number }>;
      AccessLogSettings: { Format: string; DestinationArn: unknown };
    };
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
    const admin = stage.RouteSettings['ANY /api/v1/admin/{proxy+}'];
    expect(admin?.ThrottlingRateLimit).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
    });
  });
});

describe('staff sign-in', () => {
  const { template } = synthesised('production');

  it('admits only administrator-created users, with a strong password and TOTP required (enrolled at the first sign-in)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      DeletionProtection: 'ACTIVE',
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'editors' });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'publishers' });
  });

  it('gives the admin pages a public client using the authorization code flow only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
    });
  });
});
