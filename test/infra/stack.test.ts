import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE_DEFINITION } from '../../functions/lib/table-definition';
import { JOB_TASK_ENTRY, MAIL_RECEIVE_ENTRY, ROUTES, SWEEP_ENTRY, WORKFLOW_TASK_ENTRY, type RouteSpec } from '../../functions/routes';
import { BUNDLING, PROJECT_ROOT } from '../../infra/constructs/function';
import { TRACK_REWRITE_CODE } from '../../infra/constructs/web';
import { planEntries } from '../../infra/route-plan';
import { HEALTH_ENTRY } from '../../infra/stack';
import { dataKeyArn, resourcesOf, synth } from './synth';

const dev = () => synth();
const prod = () => synth({ stage: 'prod' });
const logicalId = (s: ReturnType<typeof synth>, entry: string) => {
  const fn = s.main.functions.get(entry);
  if (!fn) throw new Error(`no function for ${entry}`);
  return s.main.getLogicalId(fn.node.defaultChild as never);
};
const fnProps = (s: ReturnType<typeof synth>, entry: string) =>
  s.template.toJSON().Resources[logicalId(s, entry)].Properties as Record<string, any>;
const ENTRIES = [...new Set(ROUTES.map((r) => r.entry)), WORKFLOW_TASK_ENTRY, JOB_TASK_ENTRY, SWEEP_ENTRY, MAIL_RECEIVE_ENTRY];

describe('functions', () => {
  it('one Lambda per distinct entry of ROUTES, plus workflow-task, job-task, the sweep and SES receiving', () => {
    expect([...dev().main.functions.keys()].sort()).toEqual([...ENTRIES].sort());
  });

  it.each(ENTRIES)('%s runs Node.js 24 on arm64, ESM bundle, source maps, JSON logs to its own log group', (entry) => {
    const props = fnProps(dev(), entry);
    expect(props.Runtime).toBe('nodejs24.x');
    expect(props.Architectures).toEqual(['arm64']);
    expect(props.Handler).toBe('index.handler');
    expect(props.Environment.Variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'docketwatch',
      TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
      PUBLIC_BASE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/Distribution/), 'DomainName'] }]] },
    });
    // Its own log group, created beside it (`<function id>Logs`).
    const fnId = logicalId(dev(), entry);
    const groupId = props.LoggingConfig.LogGroup.Ref as string;
    expect(dev().template.toJSON().Resources[groupId].Type).toBe('AWS::Logs::LogGroup');
    expect(groupId.replace(/Logs[0-9A-F]{8}$/, '')).toBe(fnId.replace(/[0-9A-F]{8}$/, ''));
    expect(props.LoggingConfig).toMatchObject({ LogFormat: 'JSON' });
  });

  it('one bundling configuration for all: ESM for node24, module before main, minified, source maps', () => {
    expect(BUNDLING).toMatchObject({
      format: 'esm',
      target: 'node24',
      mainFields: ['module', 'main'],
      minify: true,
      sourceMap: true,
      bundleAwsSDK: true,
    });
    expect(BUNDLING.banner).toContain('createRequire');
  });

  it('route functions get the JWT settings; workflow entries and the sweep get the state machine', () => {
    const s = dev();
    for (const plan of planEntries(ROUTES)) {
      const env = fnProps(s, plan.entry).Environment.Variables;
      expect(env.JWT_ISSUER).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/UserPool/), 'ProviderURL'] });
      expect(env.JWT_AUDIENCE).toEqual({ Ref: expect.stringMatching(/WebClient/) });
      if (plan.workflow || plan.entry === HEALTH_ENTRY) expect(env.STATE_MACHINE_ARN).toEqual({ Ref: expect.stringMatching(/itemlifecycle/) });
      else expect(env.STATE_MACHINE_ARN).toBeUndefined();
    }
    const sweep = fnProps(s, SWEEP_ENTRY).Environment.Variables;
    expect(sweep.STATE_MACHINE_ARN).toEqual({ Ref: expect.stringMatching(/itemlifecycle/) });
    expect(sweep.SES_CONFIGURATION_SET).toEqual({ Ref: expect.stringMatching(/MailConfigurationSet/) });
    expect(sweep.MAIL_FROM).toBe('Docketwatch <reminders@docketwatch.example.org>');
    expect(sweep.NOTIFY_TOPIC_ARN).toBeUndefined();
    // The state machine invokes workflow-task: giving it the machine's ARN would be a cycle.
    expect(fnProps(s, WORKFLOW_TASK_ENTRY).Environment.Variables.STATE_MACHINE_ARN).toBeUndefined();
  });

  it('log groups are KMS-encrypted with retention by stage', () => {
    for (const [s, days] of [[dev(), 14], [prod(), 365]] as const) {
      const groups = resourcesOf(s.template, 'AWS::Logs::LogGroup').filter(([id]) => !id.includes('DeployLogs'));
      expect(groups.length).toBeGreaterThanOrEqual(ENTRIES.length + 2);
      for (const [, g] of groups) {
        expect(g.Properties!.RetentionInDays).toBe(days);
        expect(g.Properties!.KmsKeyId).toEqual(dataKeyArn(s));
      }
    }
  });

  it('public-route functions and the sweep have reserved concurrency in prod only', () => {
    const p = prod();
    for (const plan of planEntries(ROUTES)) {
      expect(fnProps(p, plan.entry).ReservedConcurrentExecutions).toBe(plan.public ? 20 : undefined);
      expect(fnProps(dev(), plan.entry).ReservedConcurrentExecutions).toBeUndefined();
    }
    expect(fnProps(p, SWEEP_ENTRY).ReservedConcurrentExecutions).toBe(1);
  });

  it('the sweep, invoked asynchronously, sends failed events to an encrypted dead-letter queue', () => {
    const t = dev().template;
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(dev(), SWEEP_ENTRY) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('SweepDeadLetters'), 'Arn'] } } },
    });
    t.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: dataKeyArn(dev()) });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});

describe('data', () => {
  it('the table is built from TABLE_DEFINITION', () => {
    const [[, table]] = resourcesOf(dev().template, 'AWS::DynamoDB::Table') as [[string, any]];
    const p = table.Properties;
    expect(p.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
    ]);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true });
    expect(p.GlobalSecondaryIndexes.map((i: any) => ({ name: i.IndexName, keys: i.KeySchema }))).toEqual(
      TABLE_DEFINITION.indexes.map((i) => ({
        name: i.name,
        keys: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
      })),
    );
    const names = [TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey, ...TABLE_DEFINITION.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    expect(p.AttributeDefinitions).toEqual(expect.arrayContaining(names.map((n) => ({ AttributeName: n, AttributeType: 'S' }))));
  });

  it.each([['dev'], ['prod']])('%s: KMS SSE, PITR, deletion protection, retained', (stage) => {
    const s = synth({ stage });
    const t = s.template;
    // One customer-managed key in the stack: the one everything below must use.
    expect(resourcesOf(t, 'AWS::KMS::Key').map(([id]) => id)).toEqual([dataKeyArn(s)['Fn::GetAtt'][0]]);
    t.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: dataKeyArn(s) },
        PointInTimeRecoverySpecification: Match.objectLike({ PointInTimeRecoveryEnabled: true }),
        DeletionProtectionEnabled: true,
      }),
    });
    t.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
  });
});

describe('workflow', () => {
  /** Each state machine, with the Task function its ASL file calls. */
  const MACHINES = [
    { file: 'item-lifecycle', task: WORKFLOW_TASK_ENTRY, placeholder: 'WorkflowTaskFunctionArn', of: (s: ReturnType<typeof synth>) => s.main.workflow.lifecycle },
    { file: 'calendar-job', task: JOB_TASK_ENTRY, placeholder: 'JobTaskFunctionArn', of: (s: ReturnType<typeof synth>) => s.main.workflow.jobs },
  ] as const;
  const machineId = (m: (typeof MACHINES)[number]) => dev().main.getLogicalId(m.of(dev()).node.defaultChild as never);
  const machineOf = (m: (typeof MACHINES)[number]) => dev().template.toJSON().Resources[machineId(m)].Properties;
  const roleStatements = (m: (typeof MACHINES)[number]) => {
    const roleId = machineOf(m).RoleArn['Fn::GetAtt'][0];
    const policies = resourcesOf(dev().template, 'AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties!.Roles).includes(roleId));
    return policies.flatMap(([, p]) => p.Properties!.PolicyDocument.Statement);
  };

  it('one Standard state machine per statemachines/*.asl.json', () => {
    const files = readdirSync(path.join(PROJECT_ROOT, 'statemachines')).filter((f) => f.endsWith('.asl.json'));
    expect(files.map((f) => f.replace('.asl.json', '')).sort()).toEqual(MACHINES.map((m) => m.file).sort());
    expect(resourcesOf(dev().template, 'AWS::StepFunctions::StateMachine')).toHaveLength(files.length);
    for (const m of MACHINES) expect(machineOf(m).StateMachineType).toBe('STANDARD');
  });

  it.each(MACHINES)('$file: the definition is inline, every placeholder replaced by the $task ARN', (m) => {
    const def = machineOf(m).DefinitionString;
    const [, parts] = def['Fn::Join'] as [string, unknown[]];
    const literal = parts.filter((p): p is string => typeof p === 'string').join('');
    expect(literal).not.toContain('${');
    const taskArn = { 'Fn::GetAtt': [logicalId(dev(), m.task), 'Arn'] };
    const asl = readFileSync(path.join(PROJECT_ROOT, `statemachines/${m.file}.asl.json`), 'utf8');
    const placeholders = asl.match(new RegExp(`\\$\\{${m.placeholder}\\}`, 'g'))!.length;
    expect(placeholders).toBeGreaterThan(0);
    expect(parts.filter((p) => JSON.stringify(p) === JSON.stringify(taskArn))).toHaveLength(placeholders);
    expect(machineOf(m).DefinitionSubstitutions).toBeUndefined();
  });

  it.each(MACHINES)('$file: its role may invoke the $task function and nothing else in Lambda', (m) => {
    const lambda = roleStatements(m).filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('lambda:')));
    expect(lambda).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [logicalId(dev(), m.task), 'Arn'] } }]);
  });

  it.each(MACHINES)('$file: its role may start only itself, for the continue-as-new handover', (m) => {
    const states = roleStatements(m).filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('states:')));
    expect(states).toEqual([{ Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: machineId(m) } }]);
  });

  it('functions that start jobs may start the job machine and no other; the job task may only wake item workflows', () => {
    const statesGrants = (entry: string) => {
      const fn = dev().main.functions.get(entry)!;
      const roleId = dev().main.getLogicalId(fn.role!.node.defaultChild as never);
      return resourcesOf(dev().template, 'AWS::IAM::Policy')
        .filter(([, p]) => (p.Properties!.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
        .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement)
        .filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('states:')));
    };
    const jobs = { Ref: machineId(MACHINES[1]) };
    const lifecycle = { Ref: machineId(MACHINES[0]) };
    for (const entry of ['calendar-days', 'jobs']) expect(statesGrants(entry)).toEqual([{ Effect: 'Allow', Action: 'states:StartExecution', Resource: jobs }]);
    expect(statesGrants(JOB_TASK_ENTRY)).toEqual([{ Effect: 'Allow', Action: 'states:SendTaskSuccess', Resource: lifecycle }]);
    expect(fnProps(dev(), 'calendar-days').Environment.Variables.JOB_MACHINE_ARN).toEqual(jobs);
    expect(fnProps(dev(), 'calendar-days').Environment.Variables.STATE_MACHINE_ARN).toBeUndefined();
  });

  it.each(MACHINES)('$file: logs ALL to an encrypted log group, traces with X-Ray, encrypts with the data key', (m) => {
    const p = machineOf(m);
    expect(p.LoggingConfiguration.Level).toBe('ALL');
    expect(p.TracingConfiguration).toEqual({ Enabled: true });
    expect(p.EncryptionConfiguration).toEqual({ Type: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: dataKeyArn(dev()), KmsDataKeyReusePeriodSeconds: 300 });
    const groupId = p.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'][0];
    expect(dev().template.toJSON().Resources[groupId].Properties.KmsKeyId).toEqual(dataKeyArn(dev()));
  });

});

describe('api', () => {
  const routes = (t = dev().template) => resourcesOf(t, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties!);

  it('one route per ROUTES entry, the JWT authorizer exactly on team routes', () => {
    const synthesized = routes();
    expect(synthesized.map((r) => r.RouteKey).sort()).toEqual(ROUTES.map((r) => r.routeKey).sort());
    for (const spec of ROUTES) {
      const route = synthesized.find((r) => r.RouteKey === spec.routeKey)!;
      if (spec.auth === 'team') {
        expect(route.AuthorizationType).toBe('JWT');
        expect(route.AuthorizerId).toEqual({ Ref: expect.stringMatching(/TeamJwt/) });
      } else {
        expect(route.AuthorizationType).toBe('NONE');
        expect(route.AuthorizerId).toBeUndefined();
      }
    }
    dev().template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('WebClient') }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.us-east-1.amazonaws.com/', { Ref: Object.keys(dev().template.findResources('AWS::Cognito::UserPool'))[0]! }]] },
      },
    });
  });

  it('a route added to ROUTES becomes an API route without a new function for a known entry', () => {
    const extra: RouteSpec = { routeKey: 'GET /api/infra-test-extra', entry: 'matters', auth: 'team', table: 'read' };
    const s = synth({}, { routes: [...ROUTES, extra] });
    expect(routes(s.template).map((r) => r.RouteKey)).toContain('GET /api/infra-test-extra');
    expect(s.main.functions.size).toBe(dev().main.functions.size);
    // The WAF scope-down changes only for public routes; this one is team.
    expect(JSON.stringify(s.edgeTemplate.toJSON())).not.toContain('infra-test-extra');
  });

  it('the stage logs access (no paths: tracking codes are secrets) and throttles, tighter on public routes', () => {
    const [[, stage]] = resourcesOf(dev().template, 'AWS::ApiGatewayV2::Stage') as [[string, any]];
    const p = stage.Properties;
    expect(p.StageName).toBe('$default');
    const groupId = p.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(p.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [groupId, 'Arn'] });
    expect(dev().template.toJSON().Resources[groupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: dataKeyArn(dev()) } });
    expect(p.AccessLogSettings.Format).toContain('$context.routeKey');
    expect(p.AccessLogSettings.Format).not.toContain('$context.path');
    expect(p.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    const publicKeys = ROUTES.filter((r) => r.auth !== 'team').map((r) => r.routeKey);
    expect(Object.keys(p.RouteSettings).sort()).toEqual(publicKeys.sort());
  });

  it('Cognito: groups team and admin, MFA, Plus tier, code flow without a secret, callback to the site', () => {
    const t = dev().template;
    for (const group of ['team', 'admin']) t.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('Distribution'), 'DomainName'] }, '/dashboard']] }],
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: { 'Fn::Join': ['-', Match.arrayWith(['docketwatch-dev'])] } });
  });
});

describe('schedule', () => {
  it('an hourly EventBridge rule invokes the sweep, with retries and a dead-letter queue', () => {
    dev().template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(dev(), SWEEP_ENTRY), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('SweepDeadLetters'), 'Arn'] } },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        }),
      ],
    });
  });

  it('the e-mail events topic is encrypted with the data key and requires TLS', () => {
    const t = dev().template;
    t.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Docketwatch e-mail bounces and complaints', KmsMasterKeyId: dataKeyArn(dev()) });
    expect(resourcesOf(t, 'AWS::SNS::TopicPolicy')).toHaveLength(2);
  });
});

describe('web', () => {
  it('every bucket (site, access logs, received mail) blocks public access and requires TLS', () => {
    const t = dev().template;
    const buckets = resourcesOf(t, 'AWS::S3::Bucket');
    expect(buckets).toHaveLength(3);
    for (const [, b] of buckets) {
      expect(b.Properties!.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    for (const [, p] of resourcesOf(t, 'AWS::S3::BucketPolicy')) {
      expect(p.Properties!.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('CloudFront reads the bucket through origin access control and sends /api/* to the HTTP API uncached', () => {
    const [[, dist]] = resourcesOf(dev().template, 'AWS::CloudFront::Distribution') as [[string, any]];
    const c = dist.Properties.DistributionConfig;
    expect(c.DefaultRootObject).toBe('index.html');
    const [oac] = Object.keys(dev().template.findResources('AWS::CloudFront::OriginAccessControl'));
    expect(c.Origins.find((o: any) => o.S3OriginConfig).OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oac, 'Id'] });
    const api = c.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({ ViewerProtocolPolicy: 'https-only', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' });
    expect(c.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(c.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/TrackRewrite/), 'FunctionARN'] } },
    ]);
    // The edge stack's WebACL, through its export.
    const edge = dev().edgeTemplate.toJSON();
    const [webAcl] = Object.keys(dev().edgeTemplate.findResources('AWS::WAFv2::WebACL'));
    const exportName = (c.WebACLId['Fn::ImportValue'] as string).split(':')[1]!;
    expect(c.WebACLId).toEqual({ 'Fn::ImportValue': `DocketwatchEdge-dev:${exportName}` });
    expect(edge.Outputs[exportName].Value).toEqual({ 'Fn::GetAtt': [webAcl, 'Arn'] });
    const logBucket = c.Logging.Bucket['Fn::GetAtt'][0];
    expect(c.Logging).toEqual({ Bucket: { 'Fn::GetAtt': [logBucket, 'RegionalDomainName'] }, Prefix: 'cloudfront/' });
    expect(dev().template.toJSON().Resources[logBucket].Type).toBe('AWS::S3::Bucket');
  });

  it('the CloudFront Function rewrites the page paths (as the local server does) and nothing else', () => {
    const handler = new Function(`${TRACK_REWRITE_CODE}; return handler;`)() as (e: unknown) => { uri: string };
    const run = (uri: string) => handler({ request: { uri } }).uri;
    expect(run('/track/ABCDEF0123456789')).toBe('/track.html');
    expect(run('/track/abc/')).toBe('/track.html');
    expect(run('/track.html')).toBe('/track.html');
    expect(run('/')).toBe('/');
    expect(run('/track/a/b')).toBe('/track/a/b');
    expect(run('/api/track/abc')).toBe('/api/track/abc');
    expect(run('/track')).toBe('/track.html');
    expect(run('/dashboard')).toBe('/dashboard.html');
    expect(run('/dashboard/item/01ABC')).toBe('/dashboard.html');
    expect(run('/dashboard.html')).toBe('/dashboard.html');
    expect(run('/app.css')).toBe('/app.css');
  });

  it('security headers: CSP without unsafe-inline, HSTS, frame DENY, nosniff, no referrer', () => {
    const [[, policy]] = resourcesOf(dev().template, 'AWS::CloudFront::ResponseHeadersPolicy') as [[string, any]];
    const h = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(h.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(h.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true });
    expect(h.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(h.ContentTypeOptions).toMatchObject({ Override: true });
    expect(h.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'no-referrer' });
  });
});

describe('waf (us-east-1 edge stack)', () => {
  it('lives in us-east-1 with CLOUDFRONT scope, AWS managed groups and rate limits', () => {
    const s = dev();
    expect(s.edge.region).toBe('us-east-1');
    const [[, acl]] = resourcesOf(s.edgeTemplate, 'AWS::WAFv2::WebACL') as [[string, any]];
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const groups = acl.Properties.Rules.filter((r: any) => r.Statement.ManagedRuleGroupStatement).map((r: any) => r.Statement.ManagedRuleGroupStatement.Name);
    expect(groups).toEqual(['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
    // A 10,000-character description is more than the common rule set's 8 KB body limit.
    const common = acl.Properties.Rules.find((r: any) => r.Name === 'AWS-AWSManagedRulesCommonRuleSet');
    expect(common.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    const rate = acl.Properties.Rules.find((r: any) => r.Name === 'RateLimitPublicRoutes');
    // Blocked with a 429 in the API's problem+json shape, and only for requests without a bearer token.
    expect(rate.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'TooManyRequests', ResponseHeaders: [{ Name: 'retry-after', Value: '300' }] } } });
    expect(JSON.parse(acl.Properties.CustomResponseBodies.TooManyRequests.Content)).toMatchObject({ status: 429, title: 'Too many requests' });
    expect(rate.Statement.RateBasedStatement).toMatchObject({ Limit: 100, AggregateKeyType: 'IP' });
    const scope = rate.Statement.RateBasedStatement.ScopeDownStatement.AndStatement.Statements;
    expect(scope[1]).toEqual({ NotStatement: { Statement: { SizeConstraintStatement: { FieldToMatch: { SingleHeader: { Name: 'authorization' } }, ComparisonOperator: 'GT', Size: 0, TextTransformations: [{ Priority: 0, Type: 'NONE' }] } } } });
    s.edgeTemplate.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: Match.arrayWith([{ SingleHeader: { Name: 'authorization' } }]),
    });
  });

  it('the public-route rate limit matches every public route (method and path) and no team route', () => {
    const scope = JSON.stringify(
      (resourcesOf(dev().edgeTemplate, 'AWS::WAFv2::WebACL')[0]![1].Properties!.Rules as any[]).find((r) => r.Name === 'RateLimitPublicRoutes').Statement,
    );
    const regexes = [...scope.matchAll(/"RegexString":"((?:[^"\\]|\\.)*)"/g)].map((m) => new RegExp(JSON.parse(`"${m[1]}"`)));
    const matches = (path: string) => regexes.some((r) => r.test(path));
    expect(matches('/api/track/0123abcd')).toBe(true);
    expect(matches('/api/requests')).toBe(true);
    expect(matches('/api/health')).toBe(true);
    expect(matches('/api/requests/some-id')).toBe(false);
    expect(matches('/api/matters')).toBe(false);
    expect(regexes).toHaveLength(ROUTES.filter((r) => r.auth !== 'team').length);
  });

  it('a main stack outside us-east-1 gets the WebACL ARN through a cross-region reference', () => {
    const s = synth({ region: 'us-east-2' });
    expect(s.main.region).toBe('us-east-2');
    expect(resourcesOf(s.template, 'Custom::CrossRegionExportReader')).toHaveLength(1);
    const [[, dist]] = resourcesOf(s.template, 'AWS::CloudFront::Distribution') as [[string, any]];
    expect(JSON.stringify(dist.Properties.DistributionConfig.WebACLId)).toContain('ExportsReader');
  });
});

describe('monitoring', () => {
  const alarms = () => resourcesOf(dev().template, 'AWS::CloudWatch::Alarm').map(([id, a]) => ({ id, ...a.Properties! }) as Record<string, any>);

  it('every alarm notifies the encrypted operations topic', () => {
    const t = dev().template;
    t.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Docketwatch operations', KmsMasterKeyId: dataKeyArn(dev()) });
    for (const a of alarms()) expect(a.AlarmActions).toEqual([{ Ref: expect.stringMatching(/OpsTopic/) }]);
  });

  it('errors and throttles for every function; failed and timed-out executions; dead letters; API 5xx', () => {
    const all = alarms();
    for (const entry of ENTRIES) {
      const fn = { Ref: logicalId(dev(), entry) };
      for (const metric of ['Errors', 'Throttles']) {
        expect(all.some((a) => a.MetricName === metric && JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: fn }]))).toBe(true);
      }
    }
    // Per state machine: the lifecycle's and the job machine's.
    expect(all.filter((a) => a.Namespace === 'AWS/States').map((a) => a.MetricName).sort()).toEqual(['ExecutionsFailed', 'ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsTimedOut']);
    expect(all.some((a) => a.Namespace === 'AWS/SQS' && a.MetricName === 'ApproximateNumberOfMessagesVisible')).toBe(true);
    expect(all.some((a) => a.Namespace === 'AWS/ApiGateway' && a.MetricName === '5xx')).toBe(true);
  });

  it('a sweep that has not run for two hours raises an alarm (missing data breaches)', () => {
    const sweep = alarms().find((a) => a.MetricName === 'Invocations')!;
    expect(sweep).toMatchObject({
      Period: 3600,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(dev(), SWEEP_ENTRY) } }],
    });
  });
});

describe('notifications by e-mail (SES)', () => {
  it('sends from the configured identity through a configuration set whose bounces and complaints reach an alarmed topic', () => {
    const t = dev().template;
    t.resourceCountIs('AWS::SES::EmailIdentity', 1);
    t.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'docketwatch.example.org' });
    t.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
    });
    const [topicId] = resourcesOf(t, 'AWS::SNS::Topic').filter(([, r]) => r.Properties!.DisplayName === 'Docketwatch e-mail bounces and complaints')[0]!;
    t.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Docketwatch e-mail bounces and complaints', KmsMasterKeyId: Match.anyValue() });
    t.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: { Enabled: true, MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']), SnsDestination: { TopicARN: { Ref: topicId } } },
    });
    // The alarm on the topic pages operations like every other alarm.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'NumberOfMessagesPublished',
      Namespace: 'AWS/SNS',
      Dimensions: [{ Name: 'TopicName', Value: { 'Fn::GetAtt': [topicId, 'TopicName'] } }],
      Threshold: 1,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('OpsTopic') }],
    });
    // No topic for reminders any more: each message is an e-mail to one person.
    expect(resourcesOf(t, 'AWS::SNS::Subscription')).toEqual([]);
  });

  it('the sweep alone may send, from that identity and through that configuration set only', () => {
    const s = dev();
    const statements = resourcesOf(s.template, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const sends = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('ses:')));
    expect(sends).toHaveLength(1);
    expect(sends[0]!.Action).toBe('ses:SendEmail');
    const arns = JSON.stringify(sends[0]!.Resource);
    expect(arns).toContain(':identity/');
    expect(arns).toContain(':configuration-set/');
    expect(arns).not.toContain('*');
    expect(fnProps(s, SWEEP_ENTRY).Environment.Variables.SES_IDENTITY_ARN).toBeDefined();
  });

  it('an address alone can be the identity; a malformed mailFrom is refused', () => {
    const t = synth({ mailFrom: 'reminders@example.org', mailIdentity: 'address' }).template;
    t.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'reminders@example.org' });
    expect(() => synth({ mailFrom: 'Docketwatch <not an address>' })).toThrow(/Invalid mailFrom/);
    expect(() => synth({ mailIdentity: 'both' })).toThrow(/Invalid mailIdentity/);
  });
});

describe('stack', () => {
  it('has the outputs the README lists, each naming the resource it is about', () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const sentence = /The outputs of `Docketwatch-prod` are ([^.]+)\./.exec(readme)![1]!;
    const listed = [...sentence.matchAll(/`(\w+)`/g)].map((m) => m[1]);
    expect(listed).toHaveLength(10);
    const t = dev().template;
    const outputs = t.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual([...listed].sort());
    const only = (type: string, props: Record<string, unknown> = {}) => {
      const ids = Object.keys(t.findResources(type, { Properties: Match.objectLike(props) }));
      expect(ids, type).toHaveLength(1);
      return ids[0]!;
    };
    expect(outputs.SiteUrl!.Value).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [only('AWS::CloudFront::Distribution'), 'DomainName'] }]] });
    expect(outputs.ApiUrl!.Value).toEqual({ 'Fn::GetAtt': [only('AWS::ApiGatewayV2::Api'), 'ApiEndpoint'] });
    expect(outputs.UserPoolId!.Value).toEqual({ Ref: only('AWS::Cognito::UserPool') });
    expect(outputs.UserPoolClientId!.Value).toEqual({ Ref: only('AWS::Cognito::UserPoolClient') });
    expect(outputs.HostedUiUrl!.Value).toEqual({ 'Fn::Join': ['', ['https://', { Ref: only('AWS::Cognito::UserPoolDomain') }, '.auth.us-east-1.amazoncognito.com']] });
    expect(outputs.OpsTopicArn!.Value).toEqual({ Ref: only('AWS::SNS::Topic', { DisplayName: 'Docketwatch operations' }) });
    expect(outputs.MailIdentity!.Value).toEqual({ Ref: only('AWS::SES::EmailIdentity') });
    expect(outputs.MailEventsTopicArn!.Value).toEqual({ Ref: only('AWS::SNS::Topic', { DisplayName: 'Docketwatch e-mail bounces and complaints' }) });
    expect(outputs.TableName!.Value).toEqual({ Ref: only('AWS::DynamoDB::Table') });
    expect(outputs.MailRuleSet!.Value).toEqual({ Ref: only('AWS::SES::ReceiptRuleSet') });
  });

  it('no hard-coded physical names in the main stack', () => {
    const named = /^(TableName|FunctionName|BucketName|TopicName|QueueName|RoleName|StateMachineName|UserPoolName|LogGroupName|Name|ApiName|AliasName)$/;
    const template = dev().template.toJSON();
    for (const [id, r] of Object.entries<any>(template.Resources)) {
      // Names required by these types, generated by CDK from construct ids.
      if (r.Type.startsWith('AWS::CloudFront::') || r.Type === 'AWS::ApiGatewayV2::Api' || r.Type === 'AWS::ApiGatewayV2::Authorizer') continue;
      if (r.Type === 'AWS::Cognito::UserPoolGroup') continue; // 'team' / 'admin' are the claims handlers check
      // A literal string is a fixed name; a Ref / GetAtt to another resource is not.
      for (const [key, value] of Object.entries(r.Properties ?? {})) {
        expect(named.test(key) && typeof value === 'string' ? `${id}.${key}=${value}` : undefined).toBeUndefined();
      }
    }
  });

  it('dev and prod differ in sizes and retention, not structure', () => {
    const count = (t: ReturnType<typeof synth>['template']) => {
      const counts: Record<string, number> = {};
      for (const r of Object.values<any>(t.toJSON().Resources)) counts[r.Type] = (counts[r.Type] ?? 0) + 1;
      return counts;
    };
    expect(count(prod().template)).toEqual(count(dev().template));
    expect(count(prod().edgeTemplate)).toEqual(count(dev().edgeTemplate));
    expect(prod().main.terminationProtection).toBe(true);
  });

  it('an unknown stage fails synth with a clear message', () => {
    expect(() => synth({ stage: 'staging' })).toThrow(/Unknown stage "staging"/);
  });
});

describe('deployed sign-in', () => {
  it('the hosted sign-in returns to the dashboard, which reads the domain and client id from /config.json', () => {
    const s = dev();
    const [[, deployment]] = resourcesOf(s.template, 'Custom::CDKBucketDeployment') as [[string, any]];
    // The site asset and the generated config.json, both in the one pruning deployment.
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toMatch(/WebClient/); // the app client id
    expect(markers).toMatch(/HostedUi/); // the hosted sign-in domain
  });
});
