import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { REASONS } from '../../infra/nag';
import { dataKeyArn, resourcesOf, synth } from './synth';

const VARIANTS = [
  ['dev, us-east-1', {}],
  ['prod, us-east-1', { stage: 'prod' }],
  ['prod, us-east-2 (cross-region WAF reference)', { stage: 'prod', region: 'us-east-2' }],
] as const;

type Statement = { Effect: string; Action: string | string[]; Principal?: unknown; Resource?: unknown };

/** Every policy statement of a template, with where it came from. */
function statements(template: ReturnType<typeof synth>['template']): { where: string; type: string; s: Statement }[] {
  const out: { where: string; type: string; s: Statement }[] = [];
  for (const [id, r] of Object.entries<any>(template.toJSON().Resources)) {
    const docs: unknown[] = [];
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') docs.push(r.Properties.PolicyDocument);
    if (r.Type === 'AWS::IAM::Role') for (const p of r.Properties.Policies ?? []) docs.push(p.PolicyDocument);
    if (['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'].includes(r.Type)) docs.push(r.Properties.PolicyDocument);
    if (r.Type === 'AWS::KMS::Key') docs.push(r.Properties.KeyPolicy);
    for (const d of docs as { Statement: Statement[] }[]) for (const s of d.Statement) out.push({ where: id, type: r.Type, s });
  }
  return out;
}

describe.each(VARIANTS)('%s', (_name, context) => {
  it('cdk-nag AwsSolutions: zero unacknowledged findings', () => {
    const { app } = synth(context);
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`));
    expect(findings).toEqual([]);
  });

  it('no IAM policy statement allows a wildcard action', () => {
    const { template, edgeTemplate } = synth(context);
    for (const t of [template, edgeTemplate]) {
      const wild = statements(t)
        .filter(({ type, s }) => type.startsWith('AWS::IAM::') && [s.Action].flat().some((a) => a.includes('*')))
        .map(({ where, s }) => `${where}: ${JSON.stringify(s.Action)}`);
      expect(wild).toEqual([]);
    }
  });

  it('resource policies allow no wildcard action; only the key policy delegates kms:* to the account root', () => {
    const { template } = synth(context);
    const allows = statements(template).filter(({ type, s }) => !type.startsWith('AWS::IAM::') && s.Effect === 'Allow');
    const wild = allows.filter(({ s }) => [s.Action].flat().some((a) => a.includes('*')));
    expect(wild.map(({ s }) => ({ Action: s.Action, Principal: JSON.stringify(s.Principal) }))).toEqual([
      { Action: 'kms:*', Principal: expect.stringContaining(':root') },
    ]);
  });
});

describe('acknowledgements', () => {
  it('each one has an exact AwsSolutions id and a written reason from infra/nag.ts', () => {
    const { app } = synth({ stage: 'prod', region: 'us-east-2' });
    const found: { path: string; id: string; reason: string }[] = [];
    const visit = (c: IConstruct) => {
      for (const m of c.node.metadata) {
        if (m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          for (const [id, reason] of Object.entries(m.data as Record<string, string>)) found.push({ path: c.node.path, id, reason });
        }
      }
      c.node.children.forEach(visit);
    };
    visit(app);
    expect(found.length).toBeGreaterThan(0);
    const reasons = new Set<string>(Object.values(REASONS));
    for (const a of found) {
      expect(a.id).toMatch(/^(Annotation::)?AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reasons.has(a.reason)).toBe(true);
    }
  });

  it('the sweep dead-letter queue and topics are encrypted with the data key', () => {
    const s = synth();
    const queues = resourcesOf(s.template, 'AWS::SQS::Queue');
    const topics = resourcesOf(s.template, 'AWS::SNS::Topic');
    expect([queues.length, topics.length]).toEqual([1, 2]);
    for (const [, q] of queues) expect(q.Properties!.KmsMasterKeyId).toEqual(dataKeyArn(s));
    for (const [, t] of topics) expect(t.Properties!.KmsMasterKeyId).toEqual(dataKeyArn(s));
  });
});
