/** The deployment setting of who unassigned public requests go to: required, checked, passed to the functions. */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build';
import { resourcesOf, synth, TEST_INTAKE_TEAM } from './synth';

describe('intakeTeam', () => {
  it('reaches every function as INTAKE_TEAM, the intake function among them', () => {
    const { template, main } = synth();
    const intakeId = main.getLogicalId(main.functions.get('intake')!.node.defaultChild as never);
    const ours = resourcesOf(template, 'AWS::Lambda::Function').filter(([, r]) => r.Properties?.Environment?.Variables?.TABLE_NAME);
    expect(ours.length).toBe(main.functions.size);
    for (const [id, fn] of ours) expect(JSON.parse(fn.Properties!.Environment.Variables.INTAKE_TEAM), id).toEqual(TEST_INTAKE_TEAM);
    expect(ours.map(([id]) => id)).toContain(intakeId);
  });

  it('is required: a deployment without it would take public requests that remind no one', () => {
    expect(() => buildApp({ context: { 'aws:cdk:bundling-stacks': [] } })).toThrow(/Missing intakeTeam/);
    expect(() => buildApp({ context: { 'aws:cdk:bundling-stacks': [], intakeTeam: '[]' } })).toThrow(/intakeTeam must list at least one person/);
    expect(() => buildApp({ context: { 'aws:cdk:bundling-stacks': [], intakeTeam: '[{"id":"x","name":"X","email":"not-an-email","role":"Clerk"}]' } })).toThrow(
      /intakeTeam\[0\]\.email/,
    );
  });
});
