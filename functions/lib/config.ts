/**
 * Environment, read once at import. A missing required variable fails the cold start with a
 * message naming it, rather than failing later inside a request.
 */
import { parseIntakeTeam } from '../../core/matter-input';
import type { Person } from '../../core/model';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export const config = {
  tableName: required('TABLE_NAME'),
  /** Optional for functions that never touch workflows. */
  stateMachineArn: process.env.STATE_MACHINE_ARN ?? '',
  /** The state machine that runs background jobs (a calendar change); optional likewise. */
  jobMachineArn: process.env.JOB_MACHINE_ARN ?? '',
  /** Issuer and audience of team tokens (Cognito deployed, the local sign-in locally). */
  jwtIssuer: process.env.JWT_ISSUER ?? '',
  jwtAudience: process.env.JWT_AUDIENCE ?? '',
  /** Where the site lives, for links in receipts and notifications. */
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? '',
  /** Who notifications come from: the SES sending identity deployed, anything locally. */
  mailFrom: process.env.MAIL_FROM ?? 'Docketwatch <docketwatch@localhost>',
  /** Deployed: the SES configuration set every message goes through, and the identity's ARN. */
  sesConfigurationSet: process.env.SES_CONFIGURATION_SET ?? '',
  sesIdentityArn: process.env.SES_IDENTITY_ARN ?? '',
  /** Locally: the embedded SMTP server the local runtime starts. */
  smtpUrl: process.env.SMTP_URL ?? '',
  /** Items a background job recomputes per batch (one Lambda call). */
  jobBatchSize: Number(process.env.JOB_BATCH_SIZE ?? '25'),
  /** Shards of the due-time index (GSI2); fixed for the life of a table. */
  dueShards: Number(process.env.DUE_SHARDS ?? '4'),
  /** Public intake lands in this matter unless a team member names another. */
  intakeMatterId: process.env.INTAKE_MATTER_ID ?? 'public-intake',
  /** Who public requests in the intake matter go to (the deployment's `intakeTeam` setting). */
  intakeTeam: intakeTeam(process.env.INTAKE_TEAM),
  /** Where SES receiving writes the intake address's mail (the SES mail function only). */
  mailBucket: process.env.MAIL_BUCKET ?? '',
} as const;

function intakeTeam(setting: string | undefined): Person[] {
  if (setting === undefined || setting === '') return [];
  const parsed = parseIntakeTeam(setting, 'INTAKE_TEAM');
  if (!parsed.ok) throw new Error(`Invalid INTAKE_TEAM: ${parsed.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return parsed.value;
}
