import { Duration, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  UserPoolGroup,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StageConfig } from './config.js';

export const editorsGroupName = 'editors';
export const publishersGroupName = 'publishers';

/** Paths of the admin pages that the hosted sign-in returns to. */
export const adminCallbackPath = '/admin/auth/callback';
export const adminSignedOutPath = '/admin';

export interface AuthProps {
  readonly stage: StageConfig;
  /** Globally unique per region; may not contain "aws", "amazon" or "cognito". */
  readonly domainPrefix: string;
}

/**
 * Staff accounts: created by an administrator only, strong passwords, TOTP required, an
 * `editors` and a `publishers` group that the admin API checks in the token's `cognito:groups` claim.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  readonly issuerUrl: string;
  private client?: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const production = props.stage.name === 'production';

    this.userPool = new UserPool(this, 'Staff', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // Required, TOTP only: the hosted sign-in then enrols an authenticator app at the first
      // sign-in (it offers no enrolment while MFA is optional, so optional meant none).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier: compromised-credential and risky sign-in protection, about $0.02 per staff member a month.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Votre accès à La Cimade en chiffres',
        emailBody:
          'Bonjour,<br>un compte a été créé pour vous.<br>Identifiant : {username}<br>Mot de passe provisoire : {####}<br>Il expire dans 3 jours.',
      },
      deletionProtection: production,
      removalPolicy: props.stage.removalPolicy,
    });

    new UserPoolGroup(this, 'Editors', {
      userPool: this.userPool,
      groupName: editorsGroupName,
      description: 'Staff who may draft, import and submit figures for review',
    });
    new UserPoolGroup(this, 'Publishers', {
      userPool: this.userPool,
      groupName: publishersGroupName,
      description: 'Staff who may also approve, schedule and publish what someone else drafted',
    });

    this.domain = this.userPool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });
    this.issuerUrl = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /** The hosted sign-in's base URL, e.g. https://prefix.auth.eu-west-3.amazoncognito.com */
  get hostedSignInUrl(): string {
    return this.domain.baseUrl();
  }

  /**
   * The public client of the admin pages: authorization code with PKCE (no secret lives in
   * a browser), hosted sign-in, short-lived tokens.
   */
  addAdminClient(appUrls: readonly string[]): UserPoolClient {
    if (this.client) throw new Error('The admin client exists already');
    this.client = this.userPool.addClient('AdminPages', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: appUrls.map((url) => `${url}${adminCallbackPath}`),
        logoutUrls: appUrls.map((url) => `${url}${adminSignedOutPath}`),
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    return this.client;
  }
}
