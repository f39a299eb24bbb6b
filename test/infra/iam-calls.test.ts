/**
 * Least privilege, measured: for every function, the AWS API actions its code calls (found in
 * its bundle, test/infra/sdk-calls.ts) are exactly the ones its role is granted, and exactly
 * the ones infra/permissions.ts declares for it. A grant nobody calls fails this test, and so
 * does a call nobody granted.
 */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { ENTRY_ACTIONS } from '../../infra/permissions';
import { planEntries } from '../../infra/route-plan';
import { sdkCallsOf } from './sdk-calls';
import { resourcesOf, synth } from './synth';

/** Services the code talks to through the SDK; their actions must all have a caller. */
const CODE_SERVICES = ['dynamodb', 'states', 'ses', 'sns', 's3'];
/** Used by the platform with the function's role, not by its code. */
const PLATFORM: Record<string, string> = {
  'logs:CreateLogStream': 'the Lambda runtime writes the function’s logs',
  'logs:PutLogEvents': 'the Lambda runtime writes the function’s logs',
  'kms:Decrypt': 'DynamoDB, Step Functions and S3 (the stored mail) use the data key on the caller’s behalf',
  'kms:DescribeKey': 'DynamoDB reads the table key’s metadata on the caller’s behalf',
  'kms:Encrypt': 'DynamoDB encrypts written items with the data key',
  'kms:GenerateDataKey': 'DynamoDB and Step Functions encrypt with the data key',
};
const SWEEP_PLATFORM = { 'sqs:SendMessage': 'Lambda sends a failed asynchronous invocation to the dead-letter queue' };

function grantedActions(s: ReturnType<typeof synth>, entry: string): string[] {
  const fn = s.main.functions.get(entry)!;
  const roleId = s.main.getLogicalId(fn.role!.node.defaultChild as never);
  const statements = resourcesOf(s.template, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties!.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as { Effect: string; Action: string | string[] }[]);
  expect(statements.every((st) => st.Effect === 'Allow')).toBe(true);
  // No managed policies either: only the statements above.
  const role = s.template.toJSON().Resources[roleId];
  expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  return [...new Set(statements.flatMap((st) => [st.Action].flat()))].sort();
}

describe('every function’s role grants what its code calls, and nothing else', () => {
  const s = synth();
  const entries = [...s.main.functions.keys()].sort();

  it('covers every function of the stack, and the permissions table names no other', () => {
    // One per entry of ROUTES, the workflow task, the job task, the sweep and SES receiving.
    expect(entries.length).toBe(planEntries(ROUTES).length + 4);
    expect(Object.keys(ENTRY_ACTIONS).sort()).toEqual(entries);
  });

  it.each(entries)('%s', async (entry) => {
    const calls = await sdkCallsOf(entry);
    const granted = grantedActions(s, entry);
    const byCode = granted.filter((a) => CODE_SERVICES.includes(a.split(':')[0]!));
    expect(byCode, `granted to ${entry} vs called (${JSON.stringify(calls.where)})`).toEqual(calls.actions);
    expect([...ENTRY_ACTIONS[entry]!].sort()).toEqual(calls.actions);
    const platform = { ...PLATFORM, ...(entry === 'remind' ? SWEEP_PLATFORM : {}) };
    expect(granted.filter((a) => !CODE_SERVICES.includes(a.split(':')[0]!) && !(a in platform))).toEqual([]);
  });
});
