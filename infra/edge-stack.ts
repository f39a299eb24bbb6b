import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { RouteSpec } from '../functions/routes';
import type { StageConfig } from './config';
import { isPublic, parseRouteKey, pathRegex } from './route-plan';

export interface EdgeStackProps extends StackProps {
  readonly config: StageConfig;
  readonly routes: readonly RouteSpec[];
}

const NO_TRANSFORM = [{ priority: 0, type: 'NONE' }];

const TOO_MANY_BODY = 'TooManyRequests';
const TOO_MANY: CfnWebACL.CustomResponseProperty = {
  responseCode: 429,
  customResponseBodyKey: TOO_MANY_BODY,
  responseHeaders: [{ name: 'retry-after', value: '300' }],
};
/** No Authorization header on the request. */
const WITHOUT_AUTHORIZATION: CfnWebACL.StatementProperty = {
  notStatement: { statement: { sizeConstraintStatement: { fieldToMatch: { singleHeader: { Name: 'authorization' } }, comparisonOperator: 'GT', size: 0, textTransformations: NO_TRANSFORM } } },
};

/** Method and path of one route, as WAF sees the viewer request at CloudFront. */
function routeStatement(route: RouteSpec): CfnWebACL.StatementProperty {
  const { method, path } = parseRouteKey(route.routeKey);
  return {
    andStatement: {
      statements: [
        { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: method, textTransformations: NO_TRANSFORM } },
        { regexMatchStatement: { fieldToMatch: { uriPath: {} }, regexString: pathRegex(path), textTransformations: NO_TRANSFORM } },
      ],
    },
  };
}

/** The public routes of ROUTES (public and publicOrTeam), as one WAF statement. */
export function publicRoutesStatement(routes: readonly RouteSpec[]): CfnWebACL.StatementProperty {
  const statements = routes.filter((r) => isPublic(r.auth)).map(routeStatement);
  if (statements.length === 0) throw new Error('ROUTES has no public route to rate-limit');
  return statements.length === 1 ? statements[0]! : { orStatement: { statements } };
}

function managedGroup(name: string, priority: number, countOnly: string[] = []): CfnWebACL.RuleProperty {
  return {
    name: `AWS-${name}`,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(countOnly.length ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
  };
}

/**
 * WAF for the CloudFront distribution. A CLOUDFRONT-scope WebACL can only be created in
 * us-east-1, and a WebACL cannot be attached to an HTTP API stage at all (only REST APIs,
 * ALBs, AppSync, Cognito...), so the API is protected where its traffic enters: CloudFront's
 * `/api/*` behaviour. This stack lives in us-east-1; the app passes its ARN to the main stack
 * through a cross-region reference.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: `Docketwatch ${config.stage}: managed rules and rate limits`,
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'docketwatch', sampledRequestsEnabled: true },
      // A rate-limited client gets the API's own error shape, not WAF's default 403 page.
      customResponseBodies: {
        [TOO_MANY_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429, detail: 'Too many requests from this address; try again in a few minutes' }),
        },
      },
      rules: [
        managedGroup('AWSManagedRulesAmazonIpReputationList', 0),
        // SizeRestrictions_BODY blocks bodies over 8 KB; a record request's description may be
        // 10,000 characters, and the handlers refuse anything over 64 KB themselves.
        managedGroup('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
        managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 2),
        {
          name: 'RateLimitPublicRoutes',
          priority: 3,
          action: { block: { customResponse: TOO_MANY } },
          statement: {
            rateBasedStatement: {
              limit: config.wafRateLimit.publicRoutes,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              // The public limit is for the public: a request carrying a bearer token (a team
              // member's intake) is left to the overall limit, and the handler refuses a bad token
              // before it writes anything.
              scopeDownStatement: { andStatement: { statements: [publicRoutesStatement(props.routes), WITHOUT_AUTHORIZATION] } },
            },
          },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'RateLimitPublicRoutes', sampledRequestsEnabled: true },
        },
        {
          name: 'RateLimitEverything',
          priority: 4,
          action: { block: { customResponse: TOO_MANY } },
          statement: { rateBasedStatement: { limit: config.wafRateLimit.everything, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'RateLimitEverything', sampledRequestsEnabled: true },
        },
      ],
    });

    // WAF requires the `aws-waf-logs-` prefix; the rest of the name comes from the stack.
    const logs = new LogGroup(this, 'WafLogs', {
      logGroupName: `aws-waf-logs-${this.stackName}`,
      retention: config.logRetention,
      removalPolicy: config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      // Without the `:*` suffix of the log group's Arn attribute, as WAF expects.
      logDestinationConfigs: [this.formatArn({ service: 'logs', resource: 'log-group', resourceName: logs.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      // Bearer tokens and session cookies never reach the logs.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
  }
}
