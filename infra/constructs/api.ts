import { Fn, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteSpec } from '../../functions/routes';
import type { StageConfig } from '../config';
import { acknowledge, REASONS } from '../nag';
import { isPublic, parseRouteKey, routeId } from '../route-plan';

export interface ApiProps {
  readonly config: StageConfig;
  readonly key: IKey;
}

/**
 * The HTTP API: one `$default` stage with access logs and throttling (the whole stage, and a
 * tighter limit per public route), routes added from ROUTES. The JWT authorizer (Cognito) sits
 * exactly on `team` routes; `public` and `publicOrTeam` routes have none (the publicOrTeam
 * handler verifies an optional bearer token itself).
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly routes = new Map<string, HttpRoute>();
  private readonly config: StageConfig;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.config = props.config;
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: `Docketwatch API (${props.config.stage})`,
      createDefaultStage: false,
      // Same origin as the pages behind CloudFront: no CORS.
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.config.logRetention,
      encryptionKey: props.key,
      removalPolicy: props.config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.config.apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // routeKey, not path: paths carry tracking codes, which are bearer secrets.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            sourceIp: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
  }

  /** `https://<id>.execute-api.<region>.amazonaws.com` without the scheme, for the CloudFront origin. */
  get originDomainName(): string {
    return Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
  }

  /** One route per ROUTES entry; `functionFor(entry)` returns that entry's Lambda. */
  addRoutes(
    routes: readonly RouteSpec[],
    functionFor: (entry: string) => IFunction,
    auth: { userPool: IUserPool; client: IUserPoolClient },
  ): void {
    const authorizer = new HttpUserPoolAuthorizer('TeamJwt', auth.userPool, {
      userPoolClients: [auth.client],
      identitySource: ['$request.header.Authorization'],
    });
    const integrations = new Map<string, HttpLambdaIntegration>();
    const routeSettings: Record<string, CfnStage.RouteSettingsProperty> = {};
    for (const spec of routes) {
      const { method, path } = parseRouteKey(spec.routeKey);
      let integration = integrations.get(spec.entry);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${spec.entry}Integration`, functionFor(spec.entry));
        integrations.set(spec.entry, integration);
      }
      const route = new HttpRoute(this, `Route${routeId(spec.routeKey)}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(path, method as HttpMethod),
        integration,
        authorizer: spec.auth === 'team' ? authorizer : undefined,
      });
      this.routes.set(spec.routeKey, route);
      if (isPublic(spec.auth)) {
        acknowledge(route, 'AwsSolutions-APIG4', REASONS.publicRoute);
        routeSettings[spec.routeKey] = {
          throttlingRateLimit: this.config.publicRouteThrottle.rateLimit,
          throttlingBurstLimit: this.config.publicRouteThrottle.burstLimit,
        };
      }
      // Route settings name routes by key: the stage must be updated after the routes exist.
      this.stage.node.addDependency(route);
    }
    (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
  }
}
