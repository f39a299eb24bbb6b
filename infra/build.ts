import { Annotations, App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ROUTES, type RouteSpec } from '../functions/routes';
import { stageConfig, type StageConfig } from './config';
import { EdgeStack } from './edge-stack';
import { UNSET_INTAKE_ADDRESS } from './constructs/mail-intake';
import { DocketwatchStack } from './stack';

/** CLOUDFRONT-scope WAF resources exist only in us-east-1. */
export const EDGE_REGION = 'us-east-1';

export interface BuiltApp {
  readonly app: App;
  readonly config: StageConfig;
  readonly edge: EdgeStack;
  readonly main: DocketwatchStack;
}

export interface BuildOptions extends AppProps {
  /** Override ROUTES (tests add routes to prove the API follows the table). */
  readonly routes?: readonly RouteSpec[];
  readonly aslDir?: string;
  readonly webDir?: string;
}

/**
 * The whole app: the us-east-1 edge stack (WAF) and the main stack, per stage. Used by
 * infra/app.ts and by the tests, so both synthesize the same thing with cdk-nag attached.
 *
 * Region: `-c region=...`, else the CLI's default region, else us-east-1. It must be concrete
 * (not a token): the WebACL ARN crosses regions, which CDK only supports between stacks with
 * an explicit region. The account may stay unresolved (the CLI fills it at deploy time).
 */
export function buildApp(options: BuildOptions = {}): BuiltApp {
  const { routes, aslDir, webDir, ...appProps } = options;
  const app = new App(appProps);
  const config = stageConfig(app.node.tryGetContext('stage') ?? 'dev', {
    intakeTeam: app.node.tryGetContext('intakeTeam'),
    mailFrom: app.node.tryGetContext('mailFrom'),
    mailIdentity: app.node.tryGetContext('mailIdentity'),
    mailIntake: app.node.tryGetContext('mailIntake'),
  });
  if (!config.mail.given) {
    Annotations.of(app).addWarningV2(
      'docketwatch:mailFrom',
      `No mailFrom: notifications would be sent from ${config.mail.from}, which SES can never verify. Deploy with -c mailFrom='Docketwatch <reminders@your-domain>'.`,
    );
  }
  if (config.intakeTeam.length === 0) {
    Annotations.of(app).addWarningV2(
      'docketwatch:intakeTeam',
      'No intakeTeam: public requests not yet filed under a matter will remind no one. Deploy with -c intakeTeam=\'[{"id":"records-clerk","name":"…","email":"…","role":"…"}]\'.',
    );
  }
  if (!config.mailIntakeAddress) {
    Annotations.of(app).addWarningV2('docketwatch:mailIntake', `No mailIntake: the SES receipt rule is for ${UNSET_INTAKE_ADDRESS} and receives nothing. Deploy with -c mailIntake=intake@<a domain verified in SES>.`);
  }
  const region: string = app.node.tryGetContext('region') ?? process.env.CDK_DEFAULT_REGION ?? EDGE_REGION;
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const tags = { project: 'docketwatch', stage: config.stage };

  const edge = new EdgeStack(app, `DocketwatchEdge-${config.stage}`, {
    env: { account, region: EDGE_REGION },
    description: `Docketwatch ${config.stage}: WAF for CloudFront (us-east-1)`,
    config,
    routes: routes ?? ROUTES,
    terminationProtection: config.terminationProtection,
    tags,
  });
  const main = new DocketwatchStack(app, `Docketwatch-${config.stage}`, {
    env: { account, region },
    description: `Docketwatch ${config.stage}: deadline tracker (data, API, workflow, web)`,
    config,
    webAclArn: edge.webAcl.attrArn,
    crossRegionReferences: region !== EDGE_REGION,
    terminationProtection: config.terminationProtection,
    tags,
    ...(routes ? { routes } : {}),
    ...(aslDir ? { aslDir } : {}),
    ...(webDir ? { webDir } : {}),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, edge, main };
}
