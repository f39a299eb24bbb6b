import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type BuildOptions, type BuiltApp } from '../../infra/build';
import { PROJECT_ROOT } from '../../infra/constructs/function';

/** The context `npx cdk synth` reads from cdk.json, so tests synthesize what the CLI does. */
const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context;

export interface Synthesized extends BuiltApp {
  readonly template: Template;
  readonly edgeTemplate: Template;
}

/** The deployment setting every synth needs: who unassigned public requests go to. */
export const TEST_INTAKE_TEAM = [{ id: 'records-clerk', name: 'R. Clerk', email: 'records@example.org', role: 'Records clerk' }];
export const TEST_MAIL_FROM = 'Docketwatch <reminders@docketwatch.example.org>';

const cache = new Map<string, Synthesized>();

/**
 * Build and synthesize the app (cdk-nag attached, as in infra/app.ts) without bundling:
 * `aws:cdk:bundling-stacks: []` skips esbuild, so tests do not depend on the handlers compiling.
 */
export function synth(context: Record<string, unknown> = {}, options: Omit<BuildOptions, 'context'> = {}): Synthesized {
  const key = JSON.stringify({ context, options });
  const cached = cache.get(key);
  if (cached) return cached;
  const built = buildApp({ ...options, context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], intakeTeam: JSON.stringify(TEST_INTAKE_TEAM), mailFrom: TEST_MAIL_FROM, mailIntake: 'intake@mail.example.org', ...context } });
  const result = { ...built, template: Template.fromStack(built.main), edgeTemplate: Template.fromStack(built.edge) };
  cache.set(key, result);
  return result;
}

/**
 * The stack's customer-managed key as CloudFormation refers to it, by its own logical id (the
 * stack has exactly one key; see stack.test.ts), so "encrypted with some key" is not enough.
 */
export function dataKeyArn(s: Synthesized): { 'Fn::GetAtt': [string, 'Arn'] } {
  return { 'Fn::GetAtt': [s.main.getLogicalId(s.main.data.key.node.defaultChild as CfnElement), 'Arn'] };
}

/** Resources of one type as [logicalId, resource] pairs. */
export function resourcesOf(template: Template, type: string): [string, { Properties?: Record<string, any>; [k: string]: any }][] {
  return Object.entries(template.findResources(type));
}
