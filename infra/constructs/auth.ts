import { Aws, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StageConfig } from '../config';

/** Cognito groups the handlers read from `cognito:groups`. */
export const TEAM_GROUP = 'team';
export const ADMIN_GROUP = 'admin';

/**
 * The team's identities: a user pool without self sign-up (an administrator creates each
 * member), MFA required, Plus tier threat protection enforced, and a hosted-UI domain whose
 * prefix is derived from the stack id so two stages or two accounts never collide.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  private client?: UserPoolClient;

  constructor(scope: Construct, id: string, props: { config: StageConfig }) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.config.stage === 'prod',
      // Team identities are re-creatable; prod keeps them anyway.
      removalPolicy: props.config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.userPool.addGroup('TeamGroup', { groupName: TEAM_GROUP, description: 'Legal team: every team route' });
    this.userPool.addGroup('AdminGroup', { groupName: ADMIN_GROUP, description: 'Administrators: team routes plus administration' });

    // "docketwatch-<first block of the stack's UUID>": unique per deployed stack, no fixed name.
    const stackUuidHead = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: Fn.join('-', ['docketwatch', props.config.stage, stackUuidHead]) },
    });
  }

  /** The hosted-UI origin (`https://<prefix>.auth.<region>.amazoncognito.com`), for the CSP. */
  get hostedUiOrigin(): string {
    return this.domain.baseUrl();
  }

  /** The hosted-UI host name alone, as the dashboard builds its /oauth2 URLs from it. */
  get hostedUiHost(): string {
    return `${this.domain.domainName}.auth.${Stack.of(this).region}.amazoncognito.com`;
  }

  /** Issuer URL the JWT authorizer and the publicOrTeam handler verify. */
  get issuer(): string {
    return this.userPool.userPoolProviderUrl;
  }

  /**
   * The web client: authorization code grant only, no secret (a browser cannot keep one), so
   * the page uses PKCE; callback and sign-out go back to the site.
   */
  addWebClient(siteUrl: string): UserPoolClient {
    if (this.client) throw new Error('the web client exists already');
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        // The dashboard completes the PKCE exchange where the hosted sign-in sends it back.
        callbackUrls: [`${siteUrl}/dashboard`],
        logoutUrls: [`${siteUrl}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    return this.client;
  }
}
