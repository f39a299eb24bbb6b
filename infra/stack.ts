import path from 'node:path';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { JOB_TASK_ENTRY, ROUTES, WORKFLOW_TASK_ENTRY, type RouteSpec } from '../functions/routes';
import type { StageConfig } from './config';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { Data } from './constructs/data';
import { DocketwatchFunction, PROJECT_ROOT } from './constructs/function';
import { Monitoring } from './constructs/monitoring';
import { Mail } from './constructs/mail';
import { MailIntake } from './constructs/mail-intake';
import { Schedule } from './constructs/schedule';
import { Web } from './constructs/web';
import { Workflow } from './constructs/workflow';
import { statesActionsOf } from './permissions';
import { entryId, planEntries } from './route-plan';

/** The entry that reports health: it alone may describe the table and the state machine. */
export const HEALTH_ENTRY = 'health';

export interface DocketwatchStackProps extends StackProps {
  readonly config: StageConfig;
  /** ARN of the CLOUDFRONT WebACL from the us-east-1 edge stack. */
  readonly webAclArn: string;
  readonly routes?: readonly RouteSpec[];
  readonly aslDir?: string;
  readonly webDir?: string;
}

/**
 * Docketwatch on AWS. Stateful (Data: key and table, retained) apart from stateless (the rest,
 * safe to redeploy or destroy). Built in dependency order without cycles:
 * data → auth pool → API → web (needs the API host) → web client (needs the site URL) →
 * workflow-task → state machine → route functions → mail (sending) → schedule → mail intake → monitoring.
 */
export class DocketwatchStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly web: Web;
  readonly workflow: Workflow;
  readonly schedule: Schedule;
  readonly mail: Mail;
  readonly mailIntake: MailIntake;
  readonly monitoring: Monitoring;
  readonly functions = new Map<string, DocketwatchFunction>();

  constructor(scope: Construct, id: string, props: DocketwatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const routes = props.routes ?? ROUTES;

    this.data = new Data(this, 'Data');
    const { key, table } = this.data;

    const stateless = new Construct(this, 'App');
    this.auth = new Auth(stateless, 'Auth', { config });
    this.api = new Api(stateless, 'Api', { config, key });
    this.web = new Web(stateless, 'Web', {
      config,
      webDir: props.webDir ?? path.join(PROJECT_ROOT, 'web'),
      apiDomainName: this.api.originDomainName,
      authOrigin: this.auth.hostedUiOrigin,
      webAclArn: props.webAclArn,
    });
    const client = this.auth.addWebClient(this.web.siteUrl);
    this.web.publishConfig({ cognito: { domain: this.auth.hostedUiHost, clientId: client.userPoolClientId } });

    // Every function reads these. PUBLIC_BASE_URL is the distribution's URL: the distribution
    // depends on the API resource only (not on routes or functions), so there is no cycle.
    const common = { PUBLIC_BASE_URL: this.web.siteUrl, INTAKE_TEAM: JSON.stringify(config.intakeTeam) };
    const jwt = { JWT_ISSUER: this.auth.issuer, JWT_AUDIENCE: client.userPoolClientId };

    const workflowTask = new DocketwatchFunction(stateless, 'WorkflowTask', {
      entryName: WORKFLOW_TASK_ENTRY,
      config,
      logKey: key,
      table,
      tableAccess: 'readwrite',
      description: 'Docketwatch state machine task',
      // Invoked by the state machine only; it never starts executions (that would be a cycle).
      environment: common,
    });
    this.functions.set(WORKFLOW_TASK_ENTRY, workflowTask);

    const jobTask = new DocketwatchFunction(stateless, 'JobTask', {
      entryName: JOB_TASK_ENTRY,
      config,
      logKey: key,
      table,
      tableAccess: 'readwrite',
      description: 'Docketwatch background job task (calendar changes)',
      // Invoked by the job state machine; it wakes the items it moves (SendTaskSuccess).
      environment: common,
    });
    this.functions.set(JOB_TASK_ENTRY, jobTask);

    this.workflow = new Workflow(stateless, 'Workflow', {
      config,
      key,
      aslDir: props.aslDir ?? path.join(PROJECT_ROOT, 'statemachines'),
      taskFunctions: new Map([
        [WORKFLOW_TASK_ENTRY, workflowTask],
        [JOB_TASK_ENTRY, jobTask],
      ]),
    });
    this.workflow.grantActions(jobTask, statesActionsOf(JOB_TASK_ENTRY));

    const plans = planEntries(routes);
    if (!plans.some((p) => p.entry === HEALTH_ENTRY)) throw new Error(`ROUTES has no "${HEALTH_ENTRY}" entry`);
    for (const plan of plans) {
      if (this.functions.has(plan.entry)) throw new Error(`entry ${plan.entry} is both a route and a task`);
      const fn = new DocketwatchFunction(stateless, `${entryId(plan.entry)}Function`, {
        entryName: plan.entry,
        config,
        logKey: key,
        table,
        tableAccess: plan.table,
        reservedConcurrentExecutions: plan.public ? config.reservedConcurrency.publicRoutes : undefined,
        description: `Docketwatch ${plan.routes.map((r) => r.routeKey).join(', ')}`,
        environment: {
          ...common,
          ...jwt,
          // Health only describes the machine; workflow entries start and signal executions.
          ...(plan.workflow || plan.entry === HEALTH_ENTRY ? { STATE_MACHINE_ARN: this.workflow.lifecycle.stateMachineArn } : {}),
          ...(plan.jobs ? { JOB_MACHINE_ARN: this.workflow.jobs.stateMachineArn } : {}),
        },
      });
      // An entry that starts jobs signals no item workflow: its Step Functions calls go to the job machine.
      if (plan.jobs && plan.workflow) throw new Error(`entry ${plan.entry} both starts jobs and signals workflows`);
      this.workflow.grantActions(fn, statesActionsOf(plan.entry), plan.jobs ? this.workflow.jobs : this.workflow.lifecycle);
      this.functions.set(plan.entry, fn);
    }
    this.api.addRoutes(routes, (entry) => this.functions.get(entry)!, { userPool: this.auth.userPool, client });

    this.mail = new Mail(stateless, 'Mail', { config, key });
    this.schedule = new Schedule(stateless, 'Schedule', { config, key, table, workflow: this.workflow, environment: common, mail: this.mail });
    this.functions.set(this.schedule.sweep.entryName, this.schedule.sweep);

    this.mailIntake = new MailIntake(stateless, 'MailIntake', { config, key, table, accessLogs: this.web.logBucket, environment: common });
    this.functions.set(this.mailIntake.receive.entryName, this.mailIntake.receive);

    this.monitoring = new Monitoring(stateless, 'Monitoring', {
      config,
      key,
      functions: this.functions,
      stateMachines: this.workflow.machines,
      deadLetterQueues: [this.schedule.deadLetterQueue],
      sweep: this.schedule.sweep,
      httpApi: this.api.httpApi,
      otherAlarms: [this.mail.bounceAlarm],
    });

    new CfnOutput(this, 'SiteUrl', { value: this.web.siteUrl, description: 'The site (and /api) through CloudFront' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint, description: 'The HTTP API endpoint' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'HostedUiUrl', { value: this.auth.hostedUiOrigin });
    new CfnOutput(this, 'OpsTopicArn', { value: this.monitoring.opsTopic.topicArn, description: 'Subscribe on-call emails here' });
    new CfnOutput(this, 'MailIdentity', { value: this.mail.identity.emailIdentityName, description: 'The SES identity notifications are sent from: verify it before the first reminder' });
    new CfnOutput(this, 'MailEventsTopicArn', { value: this.mail.eventsTopic.topicArn, description: 'SES bounces, complaints and rejections (alarmed)' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'MailRuleSet', { value: this.mailIntake.ruleSet.receiptRuleSetName, description: 'Activate once: aws ses set-active-receipt-rule-set --rule-set-name <this>' });
  }
}
