import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source, type ISource, type SourceConfig, type DeploymentSourceContext } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { StageConfig } from '../config';
import { acknowledge, acknowledgeWildcardResource, REASONS } from '../nag';
import { SITE_REWRITES } from '../../functions/routes';

export interface WebProps {
  readonly config: StageConfig;
  readonly webDir: string;
  /** Host name of the HTTP API (`<id>.execute-api.<region>.amazonaws.com`). */
  readonly apiDomainName: string;
  /** The Cognito hosted-UI origin the pages redirect to and fetch tokens from. */
  readonly authOrigin: string;
  /** ARN of the CLOUDFRONT-scope WebACL (lives in us-east-1). */
  readonly webAclArn: string;
}

/**
 * The CloudFront Function: the SITE_REWRITES of functions/routes.ts (`/track/<code>` serves
 * track.html, `/dashboard` dashboard.html; the pages read the path themselves). JS runtime 2.0.
 */
export const TRACK_REWRITE_CODE = `var REWRITES = ${JSON.stringify(SITE_REWRITES)}.map(function (r) { return { re: new RegExp(r.pattern), page: r.page }; });
function handler(event) {
  var request = event.request;
  for (var i = 0; i < REWRITES.length; i++) {
    if (REWRITES[i].re.test(request.uri)) {
      request.uri = REWRITES[i].page;
      break;
    }
  }
  return request;
}`;

/** Records what a source bound to, so the deployment role can be granted that one object. */
class RecordingSource implements ISource {
  bound?: SourceConfig;
  constructor(private readonly inner: ISource) {}
  bind(scope: Construct, context?: DeploymentSourceContext): SourceConfig {
    this.bound = this.inner.bind(scope, context);
    return this.bound;
  }
}

/**
 * Pages in a private bucket (block public access, TLS only, read by CloudFront through origin
 * access control), `/api/*` to the HTTP API uncached, security headers on every response, the
 * WAF WebACL in front of both.
 */
export class Web extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly siteUrl: string;
  readonly contentSecurityPolicy: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);

    // Access logs of the site bucket and the distribution. ACLs are enabled because CloudFront
    // standard logging delivers through the awslogsdelivery ACL grant.
    this.logBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.config.stage === 'prod' ? 400 : 30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Only public pages live here; the deployment rewrites it, so it may go with the stack.
    this.bucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.contentSecurityPolicy = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self' ${props.authOrigin}`,
      `form-action 'self' ${props.authOrigin}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
      'upgrade-insecure-requests',
    ].join('; ');
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Docketwatch security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: this.contentSecurityPolicy, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        // Tracking codes are in page URLs: never send them to another site in a Referer.
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        xssProtection: { protection: false, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
      removeHeaders: ['Server'],
    });

    const trackRewrite = new CloudFrontFunction(this, 'TrackRewrite', {
      code: FunctionCode.fromInline(TRACK_REWRITE_CODE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve /track/<code> from track.html',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Docketwatch ${props.config.stage}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: trackRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything but Host (API Gateway routes on its own host name), Authorization included.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    this.siteUrl = `https://${this.distribution.distributionDomainName}`;
    acknowledge(this.distribution, 'AwsSolutions-CFR1', REASONS.geoRestriction);
    acknowledge(this.distribution, 'AwsSolutions-CFR4', REASONS.defaultCertificate);

    this.deploySite(props);
  }

  /**
   * BucketDeployment grants itself `s3:GetObject*`, `s3:List*`, `s3:Abort*`, and CloudFront
   * invalidation on `*`. It gets an immutable role instead (those grants become no-ops) and the
   * exact actions below, on the one asset object, the site bucket and this distribution.
   */
  private deployment?: BucketDeployment;
  private deployRole?: Role;

  /**
   * Writes `/config.json` beside the pages: the dashboard reads the Cognito domain and client id
   * from it for the hosted sign-in (authorization code with PKCE). Part of the same deployment,
   * so pruning never removes it.
   */
  publishConfig(config: { cognito: { domain: string; clientId: string } }): void {
    if (!this.deployment || !this.deployRole) throw new Error('the site is not deployed yet');
    const source = new RecordingSource(Source.jsonData('config.json', config));
    this.deployment.addSource(source);
    const bound = source.bound;
    if (!bound) throw new Error('the config asset was not bound');
    this.deployRole.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bound.bucket.arnForObjects(bound.zipObjectKey)] }));
  }

  private deploySite(props: WebProps): void {
    const stack = Stack.of(this);
    const logGroup = new LogGroup(this, 'DeployLogs', {
      retention: props.config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Uploads web/ to the site bucket and invalidates the distribution',
    });
    const source = new RecordingSource(Source.asset(props.webDir));
    const deployment = (this.deployment = new BucketDeployment(this, 'Deploy', {
      sources: [source],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      retainOnDelete: false,
      logGroup,
      memoryLimit: 512,
      role: role.withoutPolicyUpdates(),
    }));
    this.deployRole = role;
    const bound = source.bound;
    if (!bound) throw new Error('the web asset was not bound');
    role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bound.bucket.arnForObjects(bound.zipObjectKey)] }));
    role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
    role.addToPolicy(
      new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [this.bucket.arnForObjects('*')] }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
        resources: [`arn:${stack.partition}:cloudfront::${stack.account}:distribution/${this.distribution.distributionId}`],
      }),
    );
    role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    // The immutable role hides these statements from the deployment: wait for them explicitly.
    deployment.node.addDependency(role);
    acknowledgeWildcardResource(role, this.bucket.arnForObjects('*'), REASONS.siteObjects);
    // The deployment's handler is a stack-level singleton named after its memory size.
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) acknowledge(child, 'AwsSolutions-L1', REASONS.bucketDeploymentRuntime);
    }
  }
}
