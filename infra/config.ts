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
}

const STAGES: Record<StageName, Omit<StageConfig, 'intakeTeam'>> = {
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
export function stageConfig(stage: unknown, settings: { intakeTeam?: unknown; mailIntake?: unknown } = {}): StageConfig {
  if (stage !== 'dev' && stage !== 'prod') {
    throw new Error(`Unknown stage ${JSON.stringify(stage)}: pass -c stage=dev or -c stage=prod`);
  }
  // Without the setting the app still synthesizes (a plain `npx cdk synth` must work), with no
  // one named; buildApp warns, and the dashboard shows that nobody receives public requests.
  const mail = mailIntakeOf(settings.mailIntake);
  if (settings.intakeTeam === undefined) return { ...STAGES[stage], intakeTeam: [], ...mail };
  const team = parseIntakeTeam(settings.intakeTeam);
  if (!team.ok) throw new Error(`Invalid intakeTeam: ${team.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return { ...STAGES[stage], intakeTeam: team.value, ...mail };
}

function mailIntakeOf(value: unknown): { mailIntakeAddress?: string } {
  if (value === undefined) return {};
  if (typeof value !== 'string' || !/^[^\s@]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value)) throw new Error(`Invalid mailIntake ${JSON.stringify(value)}: give one e-mail address, e.g. -c mailIntake=intake@mail.example.org`);
  return { mailIntakeAddress: value.toLowerCase() };
}
