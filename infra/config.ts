import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { parseIntakeTeam } from '../core/matter-input';
import type { Person } from '../core/model';

/**
 * What a stage changes: sizes, retention, thresholds. Never structure: dev and prod synthesize
 * the same resources, so what is tested in dev is what runs in prod.
 */
export type StageName = 'dev' | 'prod';

export interface StageConfig {
  readonly stage: StageName;
  /** Lambda, state machine and API access log retention. */
  readonly logRetention: RetentionDays;
  /** Reserved concurrency: caps what a runaway (a flood on a public route, a looping sweep) can spend. */
  readonly reservedConcurrency: {
    /** Functions behind public or publicOrTeam routes. */
    readonly publicRoutes?: number;
    /** The reminder sweep: one at a time is enough and keeps reminders from racing each other. */
    readonly sweep?: number;
  };
  /** HTTP API stage throttling (all routes), and the tighter limit on public routes. */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly publicRouteThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /** WAF rate-based rules: requests per client IP per 5 minutes. */
  readonly wafRateLimit: { readonly publicRoutes: number; readonly everything: number };
  /** Alarm thresholds: errors / throttles per 5 minutes before someone is paged. */
  readonly alarms: { readonly functionErrors: number; readonly functionThrottles: number; readonly api5xx: number };
  /** Stack termination protection (the table is retained and deletion-protected on every stage). */
  readonly terminationProtection: boolean;
  readonly functionMemoryMb: number;
  readonly functionTimeout: Duration;
  /**
   * Who is responsible for public requests until someone files them under a matter: they are
   * the intake matter's team, so its reminders and alerts reach them. Per deployment
   * (`-c intakeTeam='[{"id":…,"name":…,"email":…,"role":…}]'`), passed to the functions as
   * INTAKE_TEAM; required, so no deployment takes public requests that remind no one.
   */
  readonly intakeTeam: readonly Person[];
  /**
   * The address SES receives forwarded court notices and agency letters at
   * (`-c mailIntake=intake@mail.example.org`): its domain must be verified in SES and its MX
   * record point at SES receiving (README, "Mail in").
   */
  readonly mailIntakeAddress?: string;
  /**
   * Who notifications come from (`-c mailFrom='Docketwatch <reminders@example.org>'`) and the SES
   * identity that sends them (`-c mailIdentity=domain`, the default: the address's domain, verified
   * by DKIM records; `address`: the address alone, verified by SES's e-mail to it).
   */
  readonly mail: MailSetting;
}

export interface MailSetting {
  /** The From header, "Name <address>" or a bare address. */
  readonly from: string;
  /** The SES identity: a domain, or one address. */
  readonly identity: string;
  /** False when the deployment named none (synth works, with a warning; a deploy would send from a placeholder). */
  readonly given: boolean;
}

/** What a deployment without the setting synthesizes with: a reserved domain that can never be verified. */
export const PLACEHOLDER_MAIL_FROM = 'Docketwatch <notifications@docketwatch.invalid>';

const ADDRESS = /^[^\s@<>]+@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)$/;

/** The mail setting from CDK context; a malformed one is an error naming what is wrong. */
export function mailSetting(from: unknown, identityKind: unknown): MailSetting {
  if (identityKind !== undefined && identityKind !== 'domain' && identityKind !== 'address') {
    throw new Error(`Invalid mailIdentity ${JSON.stringify(identityKind)}: "domain" or "address"`);
  }
  const given = from !== undefined;
  const text = given ? from : PLACEHOLDER_MAIL_FROM;
  if (typeof text !== 'string') throw new Error('Invalid mailFrom: a string such as "Docketwatch <reminders@example.org>"');
  const address = (/<([^<>]+)>\s*$/.exec(text)?.[1] ?? text).trim();
  const m = ADDRESS.exec(address);
  if (!m || /[\r\n]/.test(text)) throw new Error(`Invalid mailFrom ${JSON.stringify(text)}: an e-mail address, optionally as "Name <address>"`);
  return { from: text.trim(), identity: identityKind === 'address' ? address : m[1]!.toLowerCase(), given };
}

const STAGES: Record<StageName, Omit<StageConfig, 'intakeTeam' | 'mail'>> = {
  dev: {
    stage: 'dev',
    logRetention: RetentionDays.TWO_WEEKS,
    // A new account has only 10 concurrent executions; reserving any would fail the deploy.
    reservedConcurrency: {},
    apiThrottle: { rateLimit: 20, burstLimit: 40 },
    publicRouteThrottle: { rateLimit: 5, burstLimit: 10 },
    wafRateLimit: { publicRoutes: 100, everything: 1000 },
    alarms: { functionErrors: 1, functionThrottles: 1, api5xx: 1 },
    terminationProtection: false,
    functionMemoryMb: 512,
    functionTimeout: Duration.seconds(10),
  },
  prod: {
    stage: 'prod',
    // Access and execution logs are part of the audit trail of a legal-records system.
    logRetention: RetentionDays.ONE_YEAR,
    reservedConcurrency: { publicRoutes: 20, sweep: 1 },
    apiThrottle: { rateLimit: 100, burstLimit: 200 },
    publicRouteThrottle: { rateLimit: 10, burstLimit: 20 },
    wafRateLimit: { publicRoutes: 300, everything: 3000 },
    alarms: { functionErrors: 1, functionThrottles: 5, api5xx: 5 },
    terminationProtection: true,
    functionMemoryMb: 1024,
    functionTimeout: Duration.seconds(10),
  },
};

/** The stage's sizes and the deployment's own settings (CDK context). */
export function stageConfig(stage: unknown, settings: { intakeTeam?: unknown; mailFrom?: unknown; mailIdentity?: unknown; mailIntake?: unknown } = {}): StageConfig {
  if (stage !== 'dev' && stage !== 'prod') {
    throw new Error(`Unknown stage ${JSON.stringify(stage)}: pass -c stage=dev or -c stage=prod`);
  }
  const mail = mailSetting(settings.mailFrom, settings.mailIdentity);
  // Without the setting the app still synthesizes (a plain `npx cdk synth` must work), with no
  // one named; buildApp warns, and the dashboard shows that nobody receives public requests.
  const intake = mailIntakeOf(settings.mailIntake);
  if (settings.intakeTeam === undefined) return { ...STAGES[stage], intakeTeam: [], mail, ...intake };
  const team = parseIntakeTeam(settings.intakeTeam);
  if (!team.ok) throw new Error(`Invalid intakeTeam: ${team.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return { ...STAGES[stage], intakeTeam: team.value, mail, ...intake };
}

function mailIntakeOf(value: unknown): { mailIntakeAddress?: string } {
  if (value === undefined) return {};
  if (typeof value !== 'string' || !ADDRESS.test(value)) throw new Error(`Invalid mailIntake ${JSON.stringify(value)}: give one e-mail address, e.g. -c mailIntake=intake@mail.example.org`);
  return { mailIntakeAddress: value.toLowerCase() };
}
